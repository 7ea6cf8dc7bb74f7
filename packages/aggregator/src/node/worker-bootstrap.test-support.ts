import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Test helpers only (not exported by the package). */
const root = fileURLToPath(new URL('../../../../', import.meta.url));

/**
 * Tests run from src/, where a worker is TypeScript: this writes a small bootstrap into `folder`
 * that runs `worker` (a file of src/node/) through jiti, with the @jianshen/* packages pointed at
 * their src/ as vitest does. Resolves to the bootstrap's path, a worker file to start.
 */
export async function writeWorkerBootstrap(folder: string, worker: string): Promise<string> {
  const bootstrap = join(folder, `${worker.replace(/\.ts$/, '')}-bootstrap.mjs`);
  const source = (name: string, entry = 'index.ts') => join(root, 'packages', name, 'src', entry);
  const alias = {
    '@jianshen/plugin-kit/node': source('plugin-kit', 'node/index.ts'),
    '@jianshen/plugin-kit': source('plugin-kit'),
    '@jianshen/schema/reading': source('schema', 'reading.ts'),
    '@jianshen/schema': source('schema'),
    '@jianshen/ooxml': source('ooxml'),
  };
  await writeFile(
    bootstrap,
    `import { createJiti } from ${JSON.stringify(join(root, 'node_modules/jiti/lib/jiti.mjs'))};
const jiti = createJiti(import.meta.url, { alias: ${JSON.stringify(alias)} });
await jiti.import(${JSON.stringify(join(root, 'packages/aggregator/src/node', worker))});
`,
  );
  return bootstrap;
}
