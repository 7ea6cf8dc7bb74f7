import { crc32 as zlibCrc32 } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { crc32Combine, crc32Final, crc32Of, crc32Start, crc32Update } from './crc32.js';

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

  it('joins two parts’ checksums into the whole’s, as zlib’s crc32_combine', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), fc.nat({ max: 300 }), (bytes, cut) => {
        const at = Math.min(cut, bytes.length);
        const [first, second] = [bytes.subarray(0, at), bytes.subarray(at)];
        expect(crc32Combine(crc32Of(first), crc32Of(second), second.length)).toBe(zlibCrc32(bytes));
      }),
    );
  });

  it('joins a long second part (lengths past 2^16 and 2^24 bytes)', () => {
    const first = new TextEncoder().encode('<worksheet><sheetData>');
    for (const length of [70_000, 17_000_000]) {
      const second = new Uint8Array(length).map((_, index) => (index * 31) % 251);
      const whole = new Uint8Array(first.length + length);
      whole.set(first);
      whole.set(second, first.length);
      expect(crc32Combine(crc32Of(first), zlibCrc32(second), length)).toBe(zlibCrc32(whole));
    }
  });
});
