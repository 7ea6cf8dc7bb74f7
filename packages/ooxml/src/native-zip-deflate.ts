import { ZipPassThrough } from 'fflate';
import { crc32Final, crc32Start, crc32Update } from './crc32.js';

/**
 * A raw-deflate stream made natively (the Node entry's zlib): bytes go in as they are made, and
 * each push returns the compressed bytes ready so far (often none); `final` ends the stream. A
 * push may return a promise: the batch is then compressed off the main thread (zlib on Node's
 * thread pool, so on another core) while the next rows are made; outputs are joined in order.
 */
export interface RawDeflater {
  push(chunk: Uint8Array, final: boolean): Uint8Array<ArrayBuffer> | Promise<Uint8Array<ArrayBuffer>>;
  /**
   * Optional: a native CRC-32 of `bytes` continuing from `crc`, as zlib's `crc32(bytes, crc)`
   * counts (0 before any byte). Without it the entry's CRC is counted here in JavaScript.
   */
  crc32?(bytes: Uint8Array, crc: number): number;
}

/** Makes one `RawDeflater` per zip entry, at the level given. */
export type CreateRawDeflater = (level: number) => RawDeflater;

/** A zip entry deflated by a native deflater; fflate's zip still counts its size and CRC. */
export class NativeZipDeflate extends ZipPassThrough {
  /** Batches being compressed, oldest first; each settles once its bytes are handed on, in order. */
  private batches: Promise<void>[] = [];
  private failure: { error: unknown } | undefined;
  private running = crc32Start;
  /** The CRC so far when the deflater counts it (zlib's convention, `crc32Final` already applied). */
  private checksum = 0;
  constructor(
    filename: string,
    private readonly deflater: RawDeflater,
  ) {
    super(filename);
    this.compression = 8;
  }
  /**
   * fflate's push (CRC, size, then `process`), the CRC counted by the deflater when it can, else
   * eight bytes a step (see crc32.ts). zlib's in Node is ~4× faster: 66 MB in 21–29 ms against
   * 80–104 ms; the JavaScript CRC was 186 ms of the medium batch's whole job (profile).
   */
  override push(chunk: Uint8Array, final = false): void {
    if (this.deflater.crc32) {
      this.checksum = this.deflater.crc32(chunk, this.checksum);
      if (final) this.crc = this.checksum;
    } else {
      this.running = crc32Update(this.running, chunk);
      if (final) this.crc = crc32Final(this.running);
    }
    this.size += chunk.length;
    this.process(chunk, final);
  }
  protected override process(chunk: Uint8Array, final: boolean): void {
    const out = this.deflater.push(chunk, final);
    const previous = this.batches.at(-1);
    if (out instanceof Uint8Array && previous === undefined) {
      this.ondata(null, out, final);
      return;
    }
    this.batches.push(
      (async () => {
        try {
          const bytes = await out;
          await previous;
          if (!this.failure) this.ondata(null, bytes, final);
        } catch (error) {
          this.failure ??= { error };
        }
      })(),
    );
  }
  /** Waits until at most `batches` are still being compressed (0: every byte handed on). */
  async settle(batches = 0): Promise<void> {
    while (this.batches.length > batches) await this.batches.shift();
    if (this.failure) throw this.failure.error;
  }
}
