import { constants, deflateRaw, deflateRawSync, type ZlibOptions } from 'node:zlib';
import type { RawDeflater } from '@jianshen/ooxml';

// Bytes compressed per zlib call: large enough that per-call costs vanish, small enough to stay
// out of the way of memory.
const batchBytes = 256 * 1024;
// Deflate looks back at most 32 KiB.
const windowBytes = 32 * 1024;
const nothing = new Uint8Array(0);

export interface NodeRawDeflaterOptions {
  /**
   * Compress each batch on Node's thread pool (another core) and hand back a promise, so the
   * main thread makes the next rows meanwhile (default false: in the calling thread).
   */
  offThread?: boolean;
}

// zlib's output is never in shared memory.
const bytesOf = (output: Buffer): Uint8Array<ArrayBuffer> =>
  new Uint8Array(output.buffer as ArrayBuffer, output.byteOffset, output.length);

function deflateOffThread(input: Buffer, options: ZlibOptions): Promise<Uint8Array<ArrayBuffer>> {
  return new Promise((resolve, reject) => {
    deflateRaw(input, options, (error, output) => (error ? reject(error) : resolve(bytesOf(output))));
  });
}

/**
 * zlib's raw deflate as a stream: bytes are compressed 256 KiB at a time, each batch ending in a
 * sync flush (no final bit, byte-aligned), so the batches join into one deflate stream; the last
 * 32 KiB of each batch are the next batch's preset dictionary, so matches reach back across
 * batches as in one long stream. About 3× faster than fflate, the same output size. The batches
 * do not depend on each other's output, so off the main thread they may even run side by side.
 */
export function createNodeRawDeflater(level: number, options: NodeRawDeflaterOptions = {}): RawDeflater {
  let pending: Uint8Array[] = [];
  let pendingBytes = 0;
  let dictionary: Buffer | undefined;
  const compress = (final: boolean): Uint8Array<ArrayBuffer> | Promise<Uint8Array<ArrayBuffer>> => {
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
    return options.offThread
      ? deflateOffThread(input, zlibOptions)
      : bytesOf(deflateRawSync(input, zlibOptions));
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
  };
}

/** `createNodeRawDeflater` compressing on the thread pool: what the Node entry writes workbooks with. */
export const createOffThreadRawDeflater = (level: number): RawDeflater =>
  createNodeRawDeflater(level, { offThread: true });
