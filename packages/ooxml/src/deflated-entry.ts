import { type Zip, ZipPassThrough } from 'fflate';
import { fixedZipDate } from './zip-entries.js';

/**
 * A zip entry deflated already: its deflated bytes in order, the CRC-32 and size of its text, and
 * the level bits of its header's flags (fflate's deflate sets them; zlib's entries leave them 0).
 */
export interface DeflatedEntry {
  chunks: Iterable<Uint8Array<ArrayBuffer>>;
  crc: number;
  size: number;
  flag: 0 | 1 | 2 | 3;
}

/** Deflated bytes written into a zip as they are (fflate counts the compressed size). */
class DeflatedZipEntry extends ZipPassThrough {
  // fflate reads it for the header; its typings leave it out of ZipPassThrough.
  flag: 0 | 1 | 2 | 3;
  constructor(
    filename: string,
    private readonly deflated: DeflatedEntry,
  ) {
    super(filename);
    this.compression = 8;
    this.flag = deflated.flag;
  }
  /** Hands on the bytes, the last chunk as the entry's end (an empty one when there is none). */
  write(): void {
    this.crc = this.deflated.crc;
    this.size = this.deflated.size;
    let previous: Uint8Array<ArrayBuffer> | undefined;
    for (const chunk of this.deflated.chunks) {
      if (previous) this.ondata(null, previous, false);
      previous = chunk;
    }
    this.ondata(null, previous ?? new Uint8Array(0), true);
  }
}

/**
 * Adds an entry deflated elsewhere to the zip (a sheet recorded in another workbook, a sheet
 * whose rows were deflated while they were read), stamped with the fixed date as every entry.
 */
export function addDeflatedEntry(zip: Zip, filename: string, deflated: DeflatedEntry): void {
  const file = new DeflatedZipEntry(filename, deflated);
  file.mtime = fixedZipDate;
  zip.add(file);
  file.write();
}
