import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../..', import.meta.url));

/**
 * The node_modules packages a browser bundle of `entry` contains (the repository's paths: src/),
 * with the peers it imports (zod is left out as a peer, so it shows as an import, not an input).
 */
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
  const peers = Object.values(result.metafile.outputs).flatMap((output) =>
    output.imports.flatMap((imported) => (imported.external ? [imported.path] : [])),
  );
  return [...new Set([...names, ...peers])].sort();
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

  // A value import from the main @jianshen/schema entry (fieldLabel, defineTexts) brought every
  // zod schema and the phone metadata into both documents: 177.7 and 175.4 kB gzip against budgets of
  // 131 and 128. Their words come from the zod-free @jianshen/schema/texts.
  it.each(['@jianshen/notice', '@jianshen/template/docx'])(
    '%s bundles neither zod nor the schemas',
    async (entry) => {
      const packages = await bundledPackages(entry);
      expect(packages).toContain('docx');
      expect(packages).not.toContain('zod');
      expect(packages).not.toContain('libphonenumber-js');
    },
  );
});
