import { constants, crc32, deflateRawSync, type ZlibOptions } from 'node:zlib';
import type { RawDeflater } from '@jianshen/ooxml';
import { createStreamRawDeflater } from './deflate-raw-stream.js';

// Bytes compressed per zlib call: large enough that per-call costs vanish, small enough to stay
// out of the way of memory.
const batchBytes = 256 * 1024;
// Deflate looks back at most 32 KiB.
const windowBytes = 32 * 1024;
const nothing = new Uint8Array(0);

export interface NodeRawDeflaterOptions {
  /**
   * Compress on Node's thread pool (another core), one zlib stream an entry
   * (`createStreamRawDeflater`), handing back promises, so the main thread makes the next rows
   * meanwhile (default false: in the calling thread, batch by batch as below).
   */
  offThread?: boolean;
}

// zlib's output is never in shared memory.
const bytesOf = (output: Buffer): Uint8Array<ArrayBuffer> =>
  new Uint8Array(output.buffer as ArrayBuffer, output.byteOffset, output.length);

/**
 * zlib's raw deflate as a stream: bytes are compressed 256 KiB at a time, each batch ending in a
 * sync flush (no final bit, byte-aligned), so the batches join into one deflate stream; the last
 * 32 KiB of each batch are the next batch's preset dictionary, so matches reach back across
 * batches as in one long stream. About 3× faster than fflate, the same output size.
 */
export function createNodeRawDeflater(level: number, options: NodeRawDeflaterOptions = {}): RawDeflater {
  if (options.offThread) return createStreamRawDeflater(level);
  let pending: Uint8Array[] = [];
  let pendingBytes = 0;
  let dictionary: Buffer | undefined;
  const compress = (final: boolean): Uint8Array<ArrayBuffer> => {
    const input = Buffer.concat(pending, pendingBytes);
    pending = [];
    pendingBytes = 0;
    const zlibOptions: ZlibOptions = {
      level,
      finishFlush: final ? constants.Z_FINISH : constants.Z_SYNC_FLUSH,
      ...(dictionary ? { dictionary } : {}),
    };
    if (!final) {
      const joined = input.length >= windowBytes || !dictionary ? input : Buffer.concat([dictionary, input]);
      dictionary = Buffer.from(joined.subarray(Math.max(0, joined.length - windowBytes)));
    }
    return bytesOf(deflateRawSync(input, zlibOptions));
  };
  return {
    push(chunk, final) {
      if (chunk.length > 0) {
        pending.push(chunk);
        pendingBytes += chunk.length;
      }
      if (final) return compress(true);
      return pendingBytes >= batchBytes ? compress(false) : nothing;
    },
    crc32,
  };
}

/** One zlib stream an entry on the thread pool (see deflate-raw-stream.ts): what the Node entry writes workbooks with. */
export const createOffThreadRawDeflater = (level: number): RawDeflater => createStreamRawDeflater(level);
