// A batch another library wrote: the generated submissions read and written again by SheetJS
// (`@e965/xlsx`, the aggregator's reader for legacy files), with its defaults, as a county's own
// tool built on it would. SheetJS writes what neither exceljs nor LibreOffice does: every text as
// an inline string cell (`t="str"`, no shared strings), no styles but the number formats, and
// files twice the size (19 MB against 9.1 MB for the medium batch). Opt-in (`--sizes
// medium-sheetjs`); ~10 s to write the medium batch once, cached beside the generated batch.
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { basename, join } from 'node:path';
import { cachedBatch } from './batch-cache.mjs';

// Resolved from the package that depends on it, not from the repository's root.
const require = createRequire(new URL('../packages/aggregator/package.json', import.meta.url));

/**
 * The generated batch `base` (from `ensureSubmissions`) written again by SheetJS into
 * `directory`, or reused from there. Returns the same shape as `ensureSubmissions`.
 */
export async function ensureSavedBySheetJs(base, directory) {
  const cached = await cachedBatch(directory);
  if (cached) return cached;
  const XLSX = require('@e965/xlsx');
  await rm(directory, { recursive: true, force: true });
  await mkdir(directory, { recursive: true });
  const files = [];
  for (const file of base.files) {
    // cellNF keeps each cell's number format: a date stays a date (a number shown as one).
    const workbook = XLSX.read(await readFile(file), { type: 'buffer', cellNF: true });
    const target = join(directory, basename(file));
    await writeFile(target, XLSX.write(workbook, { type: 'buffer', bookType: 'xlsx', compression: true }));
    files.push(target);
  }
  const manifest = { files, dataRows: base.dataRows, seed: base.seed, size: base.size, savedBy: 'SheetJS' };
  await writeFile(join(directory, 'manifest.json'), `${JSON.stringify(manifest)}\n`);
  return { directory, ...manifest, cached: false };
}
