import { crc32 as zlibCrc32 } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { crc32Final, crc32Start, crc32Update } from './crc32.js';

const checksum = (...chunks: Uint8Array[]) =>
  crc32Final(chunks.reduce((running, chunk) => crc32Update(running, chunk), crc32Start)) >>> 0;

describe('crc32', () => {
  it('gives the standard check value of "123456789" and of nothing', () => {
    expect(checksum(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
    expect(checksum(new Uint8Array(0))).toBe(0);
  });

  it('equals zlib for any bytes, however they are split', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), fc.nat({ max: 300 }), (bytes, cut) => {
        const at = Math.min(cut, bytes.length);
        expect(checksum(bytes.subarray(0, at), bytes.subarray(at))).toBe(zlibCrc32(bytes));
      }),
    );
  });
});
