import { findEntry, OoxmlError, readZipDirectory, streamEntry } from '@jianshen/ooxml';
import { strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { repeatingDeflate, writeZip } from '../../../ooxml/src/zip-forge.test-support.js';
import { expectSameBytes, inflateEntry } from '../../../ooxml/src/zip-reader.test-support.js';
import { nodeInflateRaw } from './inflate-raw.js';

const mib = 2 ** 20;

const inflate = (bytes: Uint8Array, name: string, budget: number) =>
  inflateEntry(bytes, name, budget, nodeInflateRaw);

/** Text that deflates about 10:1, as sheet XML does. */
function sheetLikeBytes(length: number): Uint8Array {
  const bytes = new Uint8Array(length);
  let seed = 11;
  for (let index = 0; index < length; index++) {
    seed = (Math.imul(seed, 1_103_515_245) + 12_345) >>> 0;
    bytes[index] = index % 16 < 3 ? 48 + (seed >>> 29) : 60 + (index % 16);
  }
  return bytes;
}

describe('streamEntry with zlib', () => {
  it('hands over exactly the entry, in pieces of at most a megabyte', () => {
    const content = sheetLikeBytes(3 * mib + 123);
    const bytes = writeZip([{ name: 'xl/worksheets/sheet1.xml', data: content }]);
    const { chunks, error, remaining } = inflate(bytes, 'xl/worksheets/sheet1.xml', 256 * mib);
    expect(error).toBeUndefined();
    expectSameBytes(chunks, content);
    expect(Math.max(...chunks.map((chunk) => chunk.length))).toBeLessThanOrEqual(mib);
    expect(remaining).toBe(256 * mib - content.length);
  });

  it('an entry larger than zlib takes whole goes piece by piece, with the same bytes', () => {
    const content = sheetLikeBytes(17 * mib);
    const bytes = writeZip([{ name: 'xl/worksheets/sheet1.xml', data: content }]);
    const { chunks, error } = inflate(bytes, 'xl/worksheets/sheet1.xml', 256 * mib);
    expect(error).toBeUndefined();
    expectSameBytes(chunks, content);
  });

  it('stops a zip bomb that declares a harmless size without handing over a byte past the budget', () => {
    const bomb = repeatingDeflate(strToU8('<t>A'), 2 ** 28);
    const bytes = writeZip([
      {
        name: 'xl/worksheets/sheet1.xml',
        deflated: { chunks: bomb.chunks, crc: 0, size: bomb.size },
        declaredSize: 4096,
      },
    ]);
    const budget = 12 * mib;
    const { chunks, error } = inflate(bytes, 'xl/worksheets/sheet1.xml', budget);
    expect(error).toBeInstanceOf(OoxmlError);
    expect((error as OoxmlError).problem.code).toBe('zip-too-large');
    // zlib stopped at the budget: nothing reached the reader.
    expect(chunks).toEqual([]);
  });

  it('a truncated or garbled entry is unreadable, not a crash', () => {
    const content = sheetLikeBytes(200_000);
    const bytes = writeZip([{ name: 'a.xml', data: content }]);
    const zip = readZipDirectory(bytes, 256 * mib, 200, nodeInflateRaw);
    const entry = findEntry(zip, 'a.xml')!;
    const cut = { ...entry, compressedSize: Math.floor(entry.compressedSize / 2) };
    expect(() => streamEntry(zip, cut, () => {})).toThrow(OoxmlError);
    const garbled = bytes.slice();
    garbled.fill(0xff, 40, 200);
    const broken = readZipDirectory(garbled, 256 * mib, 200, nodeInflateRaw);
    expect(() => streamEntry(broken, findEntry(broken, 'a.xml')!, () => {})).toThrow(OoxmlError);
  });
});
