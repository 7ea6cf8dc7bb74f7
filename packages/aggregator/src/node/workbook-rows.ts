import { closeSync, openSync, readSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { constants, crc32, createDeflateRaw } from 'node:zlib';
import { type RowBytesTarget, type TruncatedCell, xlsxDeflateLevel } from '@jianshen/ooxml';
import type { ResolvedCampaign } from '@jianshen/plugin-kit';
import type { Lang } from '@jianshen/schema';
import type { ReportRow, WorkbookRowsAhead } from '../report.js';
import { createWorkbookRowWriter } from '../write/consolidated.js';
import { createSpillFolder } from './file-row-store.js';

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
    write: (bytes: Buffer, done: () => void) => void zlib.write(bytes, done),
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
 * Where the rows' bytes are written: buffers of `zlibBatchBytes`, each handed on when the next row
 * does not fit and used again once `send` says it is done with it. Memory written for the first
 * time costs ~11 µs a 4 KiB page on this machine against ~0.1 µs written again (bench/README.md,
 * seventeenth round): a fresh buffer a batch was 66 MB of new pages for the medium batch.
 */
function batchTarget(send: (bytes: Buffer, done: () => void) => void): RowBytesTarget & { handOn(): void } {
  const free: Buffer<ArrayBuffer>[] = [];
  const target = {
    bytes: Buffer.allocUnsafeSlow(zlibBatchBytes),
    length: 0,
    reserve(needed: number) {
      if (target.length + needed <= target.bytes.length) return;
      target.handOn();
      // A row larger than a batch (cells of 32,767 characters) gets a buffer of its own.
      if (needed > target.bytes.length) target.bytes = Buffer.allocUnsafeSlow(needed);
    },
    /** Hands on what is written, if anything, and starts a batch. */
    handOn() {
      if (target.length === 0) return;
      const full = target.bytes;
      send(full.subarray(0, target.length), () => {
        if (full.length === zlibBatchBytes) free.push(full);
      });
      target.bytes = free.pop() ?? Buffer.allocUnsafeSlow(zlibBatchBytes);
      target.length = 0;
    },
  };
  return target;
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
    // The target's arrays are Buffers (`batchTarget`): Node's encoder, twice as fast as a loop.
    putText: (bytes, at, text) => at + (bytes as Buffer).write(text, at),
  });
  let rowCount = 0;
  let size = 0;
  let crc = 0;
  const target = batchTarget((bytes, done) => {
    // zlib's CRC-32 (Node ≥ 20.15): 66 MB in 21–29 ms, on this thread as the rows are made.
    crc = crc32(bytes, crc);
    size += bytes.length;
    file.write(bytes, done);
  });
  return {
    add(row) {
      write(row, target);
      rowCount++;
    },
    async finish() {
      target.handOn();
      await file.end();
      return { lang: options.lang, maskPhone, rowCount, cuts, size, crc, pieces: () => pieces(path) };
    },
    dispose() {
      file.dispose();
      folder.remove();
    },
  };
}
