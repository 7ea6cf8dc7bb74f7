import { fileURLToPath } from 'node:url';
import { build, type Metafile } from 'esbuild';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const bin = fileURLToPath(new URL('./bin.ts', import.meta.url));

/**
 * The files `jianshen` loads before it looks at its arguments: everything reachable from bin.ts by
 * static imports (an `await import()` is loaded only by the command that needs it).
 */
async function loadedAtStartUp(): Promise<string[]> {
  const result = await build({
    entryPoints: [bin],
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'node',
    splitting: true,
    outdir: '/tmp/jianshen-start-up',
    metafile: true,
    logLevel: 'silent',
    tsconfig: `${root}tsconfig.json`,
    // Native addons are loaded by Node, not bundled; they are not what start-up pays here.
    loader: { '.node': 'empty' },
  });
  const inputs: Metafile['inputs'] = result.metafile.inputs;
  const entry = Object.keys(inputs).find((path) => path.endsWith('cli/src/bin.ts'))!;
  const seen = new Set([entry]);
  const queue = [entry];
  for (let path = queue.pop(); path !== undefined; path = queue.pop()) {
    for (const imported of inputs[path]?.imports ?? []) {
      if (imported.kind !== 'import-statement' || imported.external || seen.has(imported.path)) continue;
      seen.add(imported.path);
      queue.push(imported.path);
    }
  }
  return [...seen];
}

// `jianshen --version` and `--help` must answer at once (bench: CLI start-up, target < 300 ms): a
// static import of the schemas (zod, the phone metadata) or of a reader cost ~150 ms of CPU each.
describe('CLI start-up', () => {
  it('loads neither zod, the schemas nor the aggregator before a command runs', async () => {
    const loaded = await loadedAtStartUp();
    expect(loaded.some((path) => path.includes('commander'))).toBe(true);
    const heavy = loaded.filter((path) =>
      /node_modules\/zod\/|schema\/src\/index\.ts|aggregator\/src\/|exceljs|docx\/|libphonenumber/.test(path),
    );
    expect(heavy).toEqual([]);
  });
});
