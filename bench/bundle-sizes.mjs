// What each package entry costs a web page: the built entry (node_modules/@jianshen/*/dist, as a
// consumer installs it) bundled by esbuild for the browser, minified, then gzip-compressed, with
// every export kept (`export * from`), so nothing the entry offers is shaken out. zod is a peer
// dependency the page brings once for all entries: it is left out. `/node` entries are Node only and
// the CLI is not a browser package: neither is measured.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

/**
 * Gzip budgets in kB (1000 bytes), about 10% over what was measured when they were set, so growth
 * shows up as FAIL and is either justified (raise the budget in the same commit, saying why) or
 * removed. Measured 2026-12 with docx 9.7.1, exceljs 4.4, libphonenumber-js 1.13: gzip kB
 * aggregator 111.6, notice 118.8, ooxml 6.4, plugin-activity-category 13.7, plugin-groups-served
 * 13.7, plugin-kit 102.9, plugin-participation 2.4, schema 67.6, template 451.6, template/docx
 * 116.5, template/xlsx 342.5. Lowered once libphonenumber-js's metadata was cut to China's
 * (-39 kB gzip wherever phones are checked): schema 37.6, aggregator 95.2, plugin-kit 73.1,
 * template/xlsx 305.5, template 415.0, report 161.1, charts 198.2.
 */
export const bundleBudgetsKb = {
  '@jianshen/schema': 42,
  // Languages, the text-catalogue helper and fieldLabel without zod; measured 0.3.
  '@jianshen/schema/texts': 1,
  // What readers need without zod (issue 18: the aggregator's reading thread loads only this):
  // the issue catalogue's phrases, normalizeText, a serial's day; measured 6.1.
  '@jianshen/schema/reading': 7,
  // 6.4 → 16.7 kB (issue 17): the bounded zip reader, the XML tokenizer and the xlsx writer moved
  // here from the aggregator (which stayed at ~116 kB: it still bundles them, once). 17.6 → 18.2 kB
  // (issue 18): the writer's slicing-by-8 CRC and its text-cell fast paths, ~0.4 s less of the job.
  // 18.2 → 19.3 kB: attributes read in place (XmlAttributeList). 19.3 → 20.8 kB: the fast lanes for
  // a worksheet's rows and the shared strings, ~0.3 s less reading of the medium batch. 22.4 →
  // 23.3 kB: rich-text runs in the lanes, the job on a batch LibreOffice saved in 0.88 of the time.
  '@jianshen/ooxml': 25,
  '@jianshen/plugin-kit': 81,
  '@jianshen/notice': 131,
  // The .docx template is the notice's attachment page: it must cost what the notice costs.
  '@jianshen/template/docx': 128,
  '@jianshen/template/xlsx': 337,
  '@jianshen/template': 457,
  // It bundles the ooxml layer, and grew with it over issue 18 (attributes read in place, the
  // fast lanes, inflating ahead for the page): 105.2 kB measured before the rich-text runs, 106.1
  // with them.
  '@jianshen/aggregator': 117,
  // ECharts (bar, pie, title, grid, graphic, SVG renderer only); measured 236.9, then 198.2 with
  // China's phone metadata only.
  '@jianshen/charts': 219,
  // The notice's layout code for other documents: docx is most of it. Measured 163.5, then 106.9
  // once the notice took its words from the zod-free @jianshen/schema/texts (no schemas, no phone
  // metadata).
  '@jianshen/notice/kit': 118,
  // The upward report: docx, the notice's layout code and the aggregator's 考核 words; the charts
  // come in as PNG bytes, so ECharts is not bundled; measured 194.9, then 161.1 with China's
  // phone metadata only.
  '@jianshen/report': 178,
  '@jianshen/plugin-activity-category': 15,
  '@jianshen/plugin-groups-served': 15,
  '@jianshen/plugin-participation': 3,
};

/** Every browser entry of every published package: `@jianshen/template/docx`, … */
export function browserEntries(root) {
  const entries = [];
  for (const name of readdirSync(join(root, 'packages')).sort()) {
    let manifest;
    try {
      manifest = JSON.parse(readFileSync(join(root, 'packages', name, 'package.json'), 'utf8'));
    } catch {
      continue;
    }
    if (manifest.private || manifest.bin) continue;
    for (const subpath of Object.keys(manifest.exports ?? {})) {
      if (subpath === './package.json' || subpath.endsWith('.json') || subpath === './node') continue;
      entries.push(subpath === '.' ? manifest.name : `${manifest.name}${subpath.slice(1)}`);
    }
  }
  return entries;
}

/** Minified and gzip sizes of one entry bundled for the browser. */
export async function measureEntry(root, entry) {
  const result = await build({
    stdin: { contents: `export * from '${entry}';`, resolveDir: root, loader: 'js' },
    bundle: true,
    write: false,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    // zod is a peer. @jianshen/aggregator imports @e965/xlsx (SheetJS, ~162 kB gzip) only with a
    // dynamic import() when an .xls/.et or HTML table arrives, and unpdf (pdf.js, ~500 kB gzip)
    // only when a stamped PDF is reviewed: a page's bundler puts each in its own chunk, not in what
    // the entry costs up front (esbuild without splitting would inline them).
    external: ['zod', '@e965/xlsx', 'unpdf'],
    logLevel: 'silent',
    // Not the repository's tsconfig.json: its `paths` point @jianshen/* at src/, and a consumer gets dist/.
    tsconfigRaw: '{}',
    // Some dependencies read process.env.NODE_ENV; a page's bundler replaces it the same way.
    define: { 'process.env.NODE_ENV': '"production"' },
  });
  const bytes = result.outputFiles[0].contents;
  return { minifiedBytes: bytes.length, gzipBytes: gzipSync(bytes, { level: 9 }).length };
}

/** Every browser entry measured and judged against its budget. */
export async function measureBundleSizes(root) {
  const sizes = [];
  for (const entry of browserEntries(root)) {
    const budgetKb = bundleBudgetsKb[entry];
    try {
      const measured = await measureEntry(root, entry);
      const gzipKb = measured.gzipBytes / 1000;
      sizes.push({
        entry,
        ...measured,
        budgetGzipKb: budgetKb ?? null,
        // An entry without a budget is a FAIL too: a new entry gets one when it is added.
        verdict: budgetKb !== undefined && gzipKb <= budgetKb ? 'PASS' : 'FAIL',
      });
    } catch (error) {
      sizes.push({ entry, error: String(error?.message ?? error).split('\n')[0], verdict: 'FAIL' });
    }
  }
  return sizes;
}

/** The table printed by the bench. */
export function formatBundleSizes(sizes) {
  const kb = (bytes) => (bytes / 1000).toFixed(1);
  const lines = [
    'bundle sizes (esbuild, browser, minified + gzip; zod left out as a peer)',
    'entry                                 min kB    gzip kB   budget kB  verdict',
  ];
  for (const size of sizes) {
    if (size.error) {
      lines.push(`${size.entry.padEnd(38)}ERROR ${size.error}`);
      continue;
    }
    lines.push(
      [
        size.entry.padEnd(38),
        kb(size.minifiedBytes).padStart(7).padEnd(10),
        kb(size.gzipBytes).padStart(7).padEnd(10),
        String(size.budgetGzipKb ?? '—')
          .padStart(9)
          .padEnd(11),
        size.verdict,
      ].join(''),
    );
  }
  const notice = sizes.find((size) => size.entry === '@jianshen/notice');
  const docx = sizes.find((size) => size.entry === '@jianshen/template/docx');
  if (notice?.gzipBytes && docx?.gzipBytes) {
    lines.push(
      `template/docx − notice: ${((docx.gzipBytes - notice.gzipBytes) / 1000).toFixed(1)} kB gzip (the .docx template is the notice's attachment page)`,
    );
  }
  return lines.join('\n');
}
