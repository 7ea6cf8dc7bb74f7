import { describe, expect, it } from 'vitest';
import { stampFormatOf } from '../files/file-kinds.js';
import { containsBytes, hasBytesAt } from './magic-bytes.js';

const bytesOf = (text: string) => new TextEncoder().encode(text);
const pdf = [...bytesOf('%PDF-')];

describe('magic bytes', () => {
  it('compares at a place, never past the end', () => {
    expect(hasBytesAt(bytesOf('PK\u0003\u0004rest'), [0x50, 0x4b, 0x03, 0x04])).toBe(true);
    expect(hasBytesAt(bytesOf('xxftyp'), [...bytesOf('ftyp')], 2)).toBe(true);
    expect(hasBytesAt(bytesOf('%PD'), pdf)).toBe(false);
  });

  it('finds a sequence anywhere, past false starts and up to the last byte', () => {
    expect(containsBytes(bytesOf('%%P%PD%PDF-1.7'), pdf)).toBe(true);
    expect(containsBytes(bytesOf('junk %PDF-'), pdf)).toBe(true);
    expect(containsBytes(bytesOf('junk %PDF'), pdf)).toBe(false);
    expect(containsBytes(bytesOf(''), pdf)).toBe(false);
  });

  it('takes a PDF whose header comes after other bytes in the first KiB only', () => {
    const afterJunk = (junk: number) => new Uint8Array([...new Uint8Array(junk).fill(0x25), ...pdf]);
    // Readers accept %PDF- anywhere in the first 1,024 bytes (a mail gateway's prefix, a BOM).
    expect(stampFormatOf(afterJunk(1019))).toBe('pdf');
    expect(stampFormatOf(afterJunk(1020))).toBeUndefined();
  });
});
