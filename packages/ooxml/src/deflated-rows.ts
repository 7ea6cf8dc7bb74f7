import { crc32Combine, crc32Of } from './crc32.js';
import type { DeflatedEntry } from './deflated-entry.js';

/**
 * A sheet's rows written ahead (`createRowWriter`) and deflated as they were made: raw-deflate
 * blocks of `size` bytes of `<row>` XML whose CRC-32 is `crc`, no block final, the last ending
 * byte-aligned (zlib's sync flush). The writer joins them between the sheet's head and tail, so
 * the rows are neither read again nor compressed at the end: on the medium batch (96,000 rows,
 * 65 MB of XML) that compression was ~0.5 s of the job, most of it the main thread waiting.
 */
export interface DeflatedRows {
  /** Rows the bytes hold. */
  rowCount: number;
  /** Bytes of XML before deflating. */
  size: number;
  /** CRC-32 of that XML, as zip stores it. */
  crc: number;
  /** The deflated bytes, in pieces, from the start again on every call. */
  pieces(): Iterable<Uint8Array<ArrayBuffer>>;
}

/** Most bytes a stored block holds (RFC 1951 §3.2.4: LEN is 16 bits). */
const storedBlockBytes = 0xffff;

/**
 * `bytes` as stored (uncompressed) deflate blocks, the last one final when `final`. A stored
 * block starts on a byte: each begins with a whole byte of header (BFINAL, BTYPE 00, padding),
 * which is why it may follow a sync flush. The head and tail of a sheet are a few kilobytes.
 */
export function storedBlocks(bytes: Uint8Array, final: boolean): Uint8Array<ArrayBuffer> {
  const count = Math.max(1, Math.ceil(bytes.length / storedBlockBytes));
  const out = new Uint8Array(bytes.length + count * 5);
  let at = 0;
  for (let block = 0; block < count; block++) {
    const part = bytes.subarray(block * storedBlockBytes, (block + 1) * storedBlockBytes);
    out[at] = final && block === count - 1 ? 1 : 0;
    out[at + 1] = part.length & 0xff;
    out[at + 2] = part.length >>> 8;
    out[at + 3] = ~part.length & 0xff;
    out[at + 4] = (~part.length >>> 8) & 0xff;
    out.set(part, at + 5);
    at += 5 + part.length;
  }
  return out;
}

/**
 * A sheet's zip entry joined from its head (stored), its rows deflated ahead and its tail
 * (stored, final): one deflate stream, its CRC combined from the parts'.
 */
export function splicedEntry(parts: {
  head: Uint8Array;
  rows: DeflatedRows;
  tail: Uint8Array;
}): DeflatedEntry {
  const { head, rows, tail } = parts;
  function* chunks(): Generator<Uint8Array<ArrayBuffer>> {
    yield storedBlocks(head, false);
    for (const piece of rows.pieces()) if (piece.length > 0) yield piece;
    yield storedBlocks(tail, true);
  }
  return {
    chunks: chunks(),
    crc: crc32Combine(crc32Combine(crc32Of(head), rows.crc, rows.size), crc32Of(tail), tail.length),
    size: head.length + rows.size + tail.length,
    // zlib's entries leave the level bits 0.
    flag: 0,
  };
}
