import { closeSync, openSync, readSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { constants, crc32, createDeflateRaw } from 'node:zlib';
import { type TruncatedCell, xlsxDeflateLevel } from '@jianshen/ooxml';
import type { ResolvedCampaign } from '@jianshen/plugin-kit';
import type { Lang } from '@jianshen/schema';
import type { ReportRow, WorkbookRowsAhead } from '../report.js';
import { createWorkbookRowWriter } from '../write/consolidated.js';
import { createSpillFolder } from './file-row-store.js';

// Rows' XML is gathered to about this many characters, then encoded.
const batchCharacters = 1 << 14;
// Encoded rows handed to zlib per write: each write wakes a thread-pool thread (see
// deflate-raw-stream.ts, which writes the workbooks' other sheets the same way).
const zlibBatchBytes = 1024 * 1024;
// zlib's output buffer: 1 MiB of rows deflates to ~110 KiB, one buffer a write.
const outputChunkBytes = 128 * 1024;
// Read back in pieces of this many bytes, each a buffer of its own, as the workbook joins them.
const pieceBytes = 256 * 1024;

export interface WorkbookRowsOptions {
  /** The outputs' language (the marker a cut cell ends with). */
  lang: Lang;
  /** Contact numbers masked, as the outputs will be written. */
  maskPhone?: boolean;
  /** Folder the rows' file is made in (default: the system's temporary folder). */
  directory?: string;
}

/** Writes the consolidated workbook's rows to a file as they come; see `WorkbookRowsAhead`. */
export interface WorkbookRowsWriter {
  add(row: ReportRow): void;
  /**
   * Ends the file: the rows written, as the workbook takes them; rejects when they could not be
   * written (the workbook then makes its rows itself).
   */
  finish(): Promise<WorkbookRowsAhead>;
  /** Removes the file. */
  dispose(): void;
}

/** The file's bytes, from the start, a fresh buffer a piece. */
function* pieces(path: string): Generator<Uint8Array<ArrayBuffer>> {
  const descriptor = openSync(path, 'r');
  try {
    let position = 0;
    for (;;) {
      const piece = new Uint8Array(pieceBytes);
      const bytesRead = readSync(descriptor, piece, 0, pieceBytes, position);
      if (bytesRead === 0) return;
      position += bytesRead;
      yield piece.subarray(0, bytesRead);
    }
  } finally {
    closeSync(descriptor);
  }
}

/**
 * A file of raw-deflate blocks, written as bytes are given: zlib compresses on Node's thread pool
 * (another core) while the files are read, and its output goes to the file as it comes. It ends
 * with a sync flush, not a final block: the workbook joins the blocks into its sheet's entry.
 */
function deflatedFile(path: string) {
  let descriptor: number | undefined = openSync(path, 'w', 0o600);
  let failure: Error | undefined;
  const zlib = createDeflateRaw({
    level: xlsxDeflateLevel,
    finishFlush: constants.Z_SYNC_FLUSH,
    chunkSize: outputChunkBytes,
  });
  zlib.on('data', (bytes: Buffer) => {
    try {
      for (let at = 0; descriptor !== undefined && at < bytes.length; )
        at += writeSync(descriptor, bytes, at);
    } catch (error) {
      failure ??= error as Error;
    }
  });
  // Recorded so an error is never unhandled; `end` rejects with it.
  zlib.on('error', (error) => {
    failure ??= error;
  });
  const close = () => {
    if (descriptor !== undefined) closeSync(descriptor);
    descriptor = undefined;
  };
  return {
    write: (bytes: Buffer) => void zlib.write(bytes),
    /** Flushes zlib and closes the file once every byte is in it; rejects if anything failed. */
    end: () =>
      new Promise<void>((resolve, reject) => {
        const settle = () => {
          close();
          if (failure) reject(failure);
          else resolve();
        };
        // A stream that failed earlier is closed already and would never say so again.
        if (zlib.destroyed) return settle();
        zlib.once('end', settle);
        zlib.once('close', settle);
        zlib.end();
      }),
    dispose: () => {
      zlib.destroy();
      close();
    },
  };
}

/**
 * Writes the consolidated workbook's main-sheet rows as the merge accepts them, each as the
 * workbook would write it (`createWorkbookRowWriter`), deflated into a file beside the row
 * store's (`DeflatedRows`): the workbook then joins the file into its sheet instead of reading
 * every row back (parsing each row's JSON again was 306 ms of the medium batch's job, profile)
 * and compressing 65 MB of XML at the end (0.49 s of zlib, the main thread mostly waiting).
 */
export function writeWorkbookRowsAhead(
  campaign: ResolvedCampaign,
  options: WorkbookRowsOptions,
): WorkbookRowsWriter {
  const folder = createSpillFolder(options.directory);
  const path = join(folder.directory, 'workbook-rows.deflated');
  const file = deflatedFile(path);
  const maskPhone = options.maskPhone === true;
  const cuts: TruncatedCell[] = [];
  const write = createWorkbookRowWriter(campaign, {
    lang: options.lang,
    ...(maskPhone ? { maskPhone } : {}),
    onTruncated: (cut) => cuts.push(cut),
  });
  let pending = '';
  let rowCount = 0;
  let size = 0;
  let crc = 0;
  let batch: Buffer[] = [];
  let batchBytes = 0;
  const handOn = () => {
    if (batchBytes > 0) file.write(Buffer.concat(batch, batchBytes));
    batch = [];
    batchBytes = 0;
  };
  const flush = () => {
    if (pending === '') return;
    const bytes = Buffer.from(pending, 'utf8');
    pending = '';
    // zlib's CRC-32 (Node ≥ 20.15): 66 MB in 21–29 ms, on this thread as the rows are made.
    crc = crc32(bytes, crc);
    size += bytes.length;
    batch.push(bytes);
    batchBytes += bytes.length;
    if (batchBytes >= zlibBatchBytes) handOn();
  };
  return {
    add(row) {
      pending += write(row);
      rowCount++;
      if (pending.length >= batchCharacters) flush();
    },
    async finish() {
      flush();
      handOn();
      await file.end();
      return { lang: options.lang, maskPhone, rowCount, cuts, size, crc, pieces: () => pieces(path) };
    },
    dispose() {
      file.dispose();
      folder.remove();
    },
  };
}
