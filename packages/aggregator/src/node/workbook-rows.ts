import { closeSync, openSync, readSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { TruncatedCell } from '@jianshen/ooxml';
import type { ResolvedCampaign } from '@jianshen/plugin-kit';
import type { Lang } from '@jianshen/schema';
import type { ReportRow, WorkbookRowsAhead } from '../report.js';
import { createWorkbookRowWriter } from '../write/consolidated.js';
import { createSpillFolder } from './file-row-store.js';

// Rows' XML is gathered to about this many characters, then encoded and written in one call.
const batchCharacters = 1 << 14;
// Read back in pieces of this many bytes, each a buffer of its own: the workbook's deflater keeps
// a piece until its 1 MiB batch is full.
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
  /** Ends the file: the rows written, as the workbook takes them. */
  finish(): WorkbookRowsAhead;
  /** Removes the file. */
  dispose(): void;
}

/** The file's bytes, from the start, a fresh buffer a piece. */
function* pieces(path: string): Generator<Uint8Array> {
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
 * Writes the consolidated workbook's main-sheet rows as the merge accepts them, each as the
 * workbook would write it (`createWorkbookRowWriter`), into a file beside the row store's: the
 * workbook then copies the file instead of reading every row back (parsing each row's JSON again
 * was 306 ms of the medium batch's job, profile). Synchronous writes, as the row store's.
 */
export function writeWorkbookRowsAhead(
  campaign: ResolvedCampaign,
  options: WorkbookRowsOptions,
): WorkbookRowsWriter {
  const folder = createSpillFolder(options.directory);
  const path = join(folder.directory, 'workbook-rows.xml');
  let descriptor: number | undefined = openSync(path, 'w', 0o600);
  const maskPhone = options.maskPhone === true;
  const cuts: TruncatedCell[] = [];
  const write = createWorkbookRowWriter(campaign, {
    lang: options.lang,
    ...(maskPhone ? { maskPhone } : {}),
    onTruncated: (cut) => cuts.push(cut),
  });
  let pending = '';
  let rowCount = 0;
  const flush = () => {
    if (pending === '' || descriptor === undefined) return;
    const bytes = Buffer.from(pending, 'utf8');
    for (let at = 0; at < bytes.length; ) at += writeSync(descriptor, bytes, at);
    pending = '';
  };
  const close = () => {
    if (descriptor !== undefined) closeSync(descriptor);
    descriptor = undefined;
  };
  return {
    add(row) {
      pending += write(row);
      rowCount++;
      if (pending.length >= batchCharacters) flush();
    },
    finish() {
      flush();
      close();
      return { lang: options.lang, maskPhone, rowCount, cuts, xml: () => pieces(path) };
    },
    dispose() {
      close();
      folder.remove();
    },
  };
}
