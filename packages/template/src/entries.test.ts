import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../..', import.meta.url));

/** The node_modules packages a browser bundle of `entry` contains (the repository's paths: src/). */
async function bundledPackages(entry: string): Promise<string[]> {
  const result = await build({
    stdin: { contents: `export * from '${entry}';`, resolveDir: root, loader: 'ts' },
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'browser',
    metafile: true,
    logLevel: 'silent',
    tsconfig: `${root}tsconfig.json`,
    external: ['zod'],
  });
  const names = Object.keys(result.metafile.inputs).flatMap((input) => {
    const match = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input);
    return match ? [match[1]!] : [];
  });
  return [...new Set(names)].sort();
}

// The .docx template is the notice's attachment page: its entry must not bring exceljs (1.2 MB
// minified). Sizes themselves are measured by `npm run bench -- --only bundles`.
describe('template entries', () => {
  it('@jianshen/template/docx bundles docx and not exceljs', async () => {
    const packages = await bundledPackages('@jianshen/template/docx');
    expect(packages).toContain('docx');
    expect(packages).not.toContain('exceljs');
  });

  it('@jianshen/template/xlsx bundles exceljs and not docx', async () => {
    const packages = await bundledPackages('@jianshen/template/xlsx');
    expect(packages).toContain('exceljs');
    expect(packages).not.toContain('docx');
  });
});
