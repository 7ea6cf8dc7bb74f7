import type { AsyncFlateStreamHandler } from 'fflate';
import type { DeflatedEntry } from './deflated-entry.js';

/** The part of a zip entry this file touches: fflate's callback, CRC, size and flags. */
interface ZipEntryLike {
  ondata: AsyncFlateStreamHandler;
  crc: number;
  size: number;
  flag?: 0 | 1 | 2 | 3;
}

/**
 * One sheet written into more than one workbook, made and deflated once. The aggregator writes
 * its issue list as a sheet of the consolidated workbook and again as 问题清单.xlsx; in the
 * medium batch that sheet is 8.8 MB of XML (0.62 MB deflated), 108–130 ms of the job. The first
 * writer given a `SheetRecording` (`SheetSpec.recording`) records the sheet's zip entry as it is
 * written; a writer given it afterwards copies that entry and does not read the spec's rows.
 * The caller hands the same recording only to specs that give the same XML (the same rows,
 * widths and options). A sheet with a cell cut to Excel's limit is not recorded: the cut is
 * reported by each writer that makes it.
 */
export class SheetRecording {
  #entry: (DeflatedEntry & { chunks: readonly Uint8Array<ArrayBuffer>[] }) | undefined;
  /** Whether a sheet was recorded: a writer given this recording copies it. */
  get recorded(): boolean {
    return this.#entry !== undefined;
  }
  /** Listens to a sheet's zip entry (just added to the zip); `keep` then keeps what it heard. */
  listen(file: ZipEntryLike): { keep(): void } {
    const chunks: Uint8Array<ArrayBuffer>[] = [];
    const forward = file.ondata;
    file.ondata = (error, data, final) => {
      // A copy: fflate's own deflate may hand out views of buffers it reuses.
      if (!error) chunks.push(data.slice());
      forward(error, data, final);
    };
    return {
      keep: () => {
        this.#entry = { chunks, crc: file.crc, size: file.size, flag: file.flag ?? 0 };
      },
    };
  }
  /** The recorded sheet's zip entry, to be added as it is (`addDeflatedEntry`). */
  entry(): DeflatedEntry {
    if (!this.#entry) throw new Error('no sheet was recorded');
    return this.#entry;
  }
}
