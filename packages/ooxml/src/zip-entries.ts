import { type Unzipped, unzipSync, zipSync } from 'fflate';

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
  const names = Object.keys(entries).sort((a, b) => {
    if (a === '[Content_Types].xml') return -1;
    if (b === '[Content_Types].xml') return 1;
    return a < b ? -1 : a > b ? 1 : 0;
  });
  const ordered: Record<string, [Uint8Array, { mtime: Date; level: 6 }]> = {};
  for (const name of names) {
    // Folder entries carry nothing Office needs.
    if (name.endsWith('/')) continue;
    ordered[name] = [entries[name]!, { mtime: date, level: 6 }];
  }
  return zipSync(ordered);
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
