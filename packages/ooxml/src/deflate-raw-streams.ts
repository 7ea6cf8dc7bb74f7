/**
 * True when the platform's compression stream class (`CompressionStream`, `DecompressionStream`)
 * takes raw deflate: Chrome 103, Firefox 113, Safari 16.4, Node 20. Undefined or older: false.
 */
export function takesDeflateRaw(Stream: (new (format: 'deflate-raw') => unknown) | undefined): boolean {
  try {
    return typeof Stream === 'function' && new Stream('deflate-raw') !== undefined;
  } catch {
    return false;
  }
}
