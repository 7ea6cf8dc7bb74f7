// A batch this repository did not write: the generated submissions opened and saved again by
// LibreOffice (`soffice --convert-to xlsx`), as a county clerk's office suite would. LibreOffice
// writes what exceljs does not: a shared string for every text, every text mixing Chinese and
// digits as rich-text runs with one font each, ~1 MB of shared strings a file for ~45 K characters
// of text, styled empty cells, seven attributes on every row. Opt-in (`--sizes medium-lo`):
// it needs LibreOffice installed (`apt-get install libreoffice-calc-nogui`) and ~1 minute to save the
// medium batch once; cached beside the generated batch like it.
import { spawnSync } from 'node:child_process';
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { cachedBatch } from './batch-cache.mjs';

/** Files handed to one `soffice` process: a long run of conversions has been seen to stop early. */
const filesPerProcess = 40;

/** Whether LibreOffice can be started here; the reason when not. */
export function libreOfficeMissing() {
  const probe = spawnSync('soffice', ['--version'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) {
    return 'LibreOffice (soffice) is not installed: apt-get install libreoffice-calc-nogui';
  }
  return undefined;
}

/** Saves `files` as .xlsx into `directory` with LibreOffice, a profile of its own (no user's settings). */
function convert(files, directory) {
  const profile = `file://${join(directory, '.profile')}`;
  for (let start = 0; start < files.length; start += filesPerProcess) {
    spawnSync(
      'soffice',
      [
        `-env:UserInstallation=${profile}`,
        '--headless',
        '--convert-to',
        'xlsx:Calc MS Excel 2007 XML',
        '--outdir',
        directory,
        ...files.slice(start, start + filesPerProcess),
      ],
      { stdio: 'ignore' },
    );
  }
}

/**
 * The generated batch `base` (from `ensureSubmissions`) saved by LibreOffice into `directory`,
 * or reused from there. Returns the same shape as `ensureSubmissions`: the same data rows.
 */
export async function ensureSavedByLibreOffice(base, directory) {
  const cached = await cachedBatch(directory);
  if (cached) return cached;
  await rm(directory, { recursive: true, force: true });
  await mkdir(directory, { recursive: true });
  const files = base.files.map((file) => join(directory, basename(file)));
  convert(base.files, directory);
  // Once more for any file a process stopped before.
  const saved = new Set(await readdir(directory));
  convert(
    base.files.filter((file) => !saved.has(basename(file))),
    directory,
  );
  const present = new Set(await readdir(directory));
  const notSaved = files.filter((file) => !present.has(basename(file)));
  if (notSaved.length > 0) {
    throw new Error(`LibreOffice did not save ${notSaved.length} of ${files.length} files`);
  }
  await rm(join(directory, '.profile'), { recursive: true, force: true });
  const manifest = {
    files,
    dataRows: base.dataRows,
    seed: base.seed,
    size: base.size,
    savedBy: 'LibreOffice',
  };
  await writeFile(join(directory, 'manifest.json'), `${JSON.stringify(manifest)}\n`);
  return { directory, ...manifest, cached: false };
}
