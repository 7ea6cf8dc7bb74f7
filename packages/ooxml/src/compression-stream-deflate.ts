import { concatBytes } from './bytes.js';
import { takesDeflateRaw } from './deflate-raw-streams.js';
import type { CreateRawDeflater } from './native-zip-deflate.js';

/**
 * The platform's own deflater, `CompressionStream('deflate-raw')`, as a `RawDeflater` for the
 * xlsx writer, where there is no zlib (the page's worker): each push settles once the stream has
 * taken the bytes, with the compressed bytes made so far, in order; the last with the rest. The
 * stream sets its own level (zlib's default, 6). Undefined where the platform has none: the
 * writer then deflates with fflate in JavaScript.
 */
export function createCompressionStreamDeflater(): CreateRawDeflater | undefined {
  if (!takesDeflateRaw(globalThis.CompressionStream)) return undefined;
  return () => {
    const stream = new CompressionStream('deflate-raw');
    const writer = stream.writable.getWriter();
    const reader = stream.readable.getReader();
    let output: Uint8Array[] = [];
    const drained = (async () => {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return;
        output.push(value);
      }
    })();
    // Heard of through the pushes; never unhandled on its own.
    drained.catch(() => {});
    const take = () => {
      const bytes = concatBytes(output) as Uint8Array<ArrayBuffer>;
      output = [];
      return bytes;
    };
    return {
      async push(chunk, final) {
        await writer.write(chunk as Uint8Array<ArrayBuffer>);
        if (!final) return take();
        await writer.close();
        await drained;
        return take();
      },
    };
  };
}
