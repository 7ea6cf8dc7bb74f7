import { type Unzipped, unzipSync, Zip, zipSync } from 'fflate';
import { concatBytes } from './bytes.js';
import { type CreateRawDeflater, NativeZipDeflate } from './native-zip-deflate.js';

/** 1980-01-01 is the earliest time a zip can hold; a fixed stamp makes outputs byte-identical. */
export const fixedZipDate = new Date(Date.UTC(1980, 0, 1, 0, 0, 0));

/**
 * Re-packs a zip (docx/xlsx) with every entry stamped `date` and in a stable order, so the same
 * inputs give byte-identical files. `[Content_Types].xml` stays first, as Office expects.
 */
export function repackZip(bytes: Uint8Array, date: Date = fixedZipDate): Uint8Array {
  return packZip(unzipSync(bytes), date);
}

/**
 * Packs entries (e.g. from `unpackZip`, after editing a part) the way `repackZip` does:
 * fixed dates, stable order, `[Content_Types].xml` first.
 */
export function packZip(entries: Unzipped, date: Date = fixedZipDate): Uint8Array {
  const ordered: Record<string, [Uint8Array, { mtime: Date; level: 6 }]> = {};
  for (const name of packedNames(entries)) ordered[name] = [entries[name]!, { mtime: date, level: 6 }];
  return zipSync(ordered);
}

/** Entries in packing order: `[Content_Types].xml` first, then by name; folders left out. */
function packedNames(entries: Unzipped): string[] {
  const names = Object.keys(entries).sort((a, b) => {
    if (a === '[Content_Types].xml') return -1;
    if (b === '[Content_Types].xml') return 1;
    return a < b ? -1 : a > b ? 1 : 0;
  });
  // Folder entries carry nothing Office needs.
  return names.filter((name) => !name.endsWith('/'));
}

export interface PackZipNativelyOptions {
  /** The native deflater (the Node entries pass zlib's). */
  createDeflater: CreateRawDeflater;
  date?: Date;
}

/**
 * `packZip` with the entries deflated natively: same order, dates and contents, sizes and CRCs
 * after each entry's data (as the workbooks are written). fflate's deflate runs once in a
 * `jianshen aggregate` job, for the report document, so it runs cold: packing the 120-unit
 * report took 90-170 ms of it, zlib 6-12 ms.
 */
export async function packZipNatively(
  entries: Unzipped,
  options: PackZipNativelyOptions,
): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let failure: Error | undefined;
  const zip = new Zip((error, chunk) => {
    if (error) failure = error;
    else if (chunk.length > 0) chunks.push(chunk);
  });
  for (const name of packedNames(entries)) {
    const file = new NativeZipDeflate(name, options.createDeflater(6));
    file.mtime = options.date ?? fixedZipDate;
    zip.add(file);
    file.push(entries[name]!, true);
    await file.settle();
  }
  zip.end();
  if (failure) throw failure;
  return concatBytes(chunks);
}

/** Unpacks a whole zip (for small generated files and tests; readers use bounded inspection). */
export function unpackZip(bytes: Uint8Array): Unzipped {
  return unzipSync(bytes);
}

/** The text of one part, e.g. `word/document.xml`, or undefined when absent. */
export function readZipText(bytes: Uint8Array | Unzipped, name: string): string | undefined {
  const entries =
    bytes instanceof Uint8Array ? unzipSync(bytes, { filter: (file) => file.name === name }) : bytes;
  const entry = entries[name];
  return entry ? new TextDecoder().decode(entry) : undefined;
}
