import { strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { concatBytes } from './bytes.js';
import { OoxmlError } from './ooxml-error.js';
import { repeatingDeflate, writeZip } from './zip-forge.test-support.js';
import { findEntry, readZipDirectory, streamEntryText } from './zip-reader.js';
import { expectSameBytes, inflateEntry } from './zip-reader.test-support.js';

const mib = 2 ** 20;

const inflate = (bytes: Uint8Array, name: string, budget: number) => inflateEntry(bytes, name, budget);

describe('streamEntry', () => {
  it('hands over exactly the entry, whatever its ratio, in steps that follow the ratio', () => {
    // Stretches of noise (ratio ~1) between stretches of one byte (ratio ~159), as a sheet of
    // numbers and long runs of empty cells alternates.
    const pieces: Uint8Array[] = [];
    let seed = 7;
    for (let round = 0; round < 4; round++) {
      const noise = new Uint8Array(100_000);
      for (let index = 0; index < noise.length; index++) {
        seed = (Math.imul(seed, 1_103_515_245) + 12_345) >>> 0;
        noise[index] = 32 + (seed >>> 25);
      }
      pieces.push(noise, new Uint8Array(mib).fill(0x20));
    }
    const content = concatBytes(pieces);
    const bytes = writeZip([{ name: 'xl/worksheets/sheet1.xml', data: content }]);
    const { chunks, error } = inflate(bytes, 'xl/worksheets/sheet1.xml', 256 * mib);
    expect(error).toBeUndefined();
    expectSameBytes(chunks, content);
    // No single step inflated to much more than the megabyte it aims at.
    expect(Math.max(...chunks.map((chunk) => chunk.length))).toBeLessThan(4 * mib);
  });

  it('stops a zip bomb that declares a harmless size at the budget, counting real bytes', () => {
    const bomb = repeatingDeflate(strToU8('<t>A'), 2 ** 28);
    const bytes = writeZip([
      {
        name: 'xl/worksheets/sheet1.xml',
        deflated: { chunks: bomb.chunks, crc: 0, size: bomb.size },
        declaredSize: 4096,
      },
    ]);
    const budget = 64 * mib;
    const { chunks, error, remaining } = inflate(bytes, 'xl/worksheets/sheet1.xml', budget);
    expect(error).toBeInstanceOf(OoxmlError);
    expect((error as OoxmlError).problem.code).toBe('zip-too-large');
    const handedOver = chunks.reduce((sum, chunk) => sum + chunk.length, 0);
    // Nothing past the budget reached the reader, and inflating stopped at the first piece
    // past it: the overshoot is one step (≤ 16 KiB of input at 159:1), not the rest of the 256 MiB.
    expect(handedOver).toBeLessThanOrEqual(budget);
    expect(-remaining).toBeLessThan(4 * mib);
    expect(handedOver).toBeGreaterThan(budget - 4 * mib);
  });

  it('refuses a declared size over the budget before inflating anything', () => {
    const bytes = writeZip([{ name: 'a.xml', data: new Uint8Array(100_000), declaredSize: 2 ** 31 }]);
    const { chunks, error } = inflate(bytes, 'a.xml', 64 * mib);
    expect(error).toBeInstanceOf(OoxmlError);
    expect(chunks).toEqual([]);
  });
});

describe('streamEntryText', () => {
  it('decodes in short pieces (ordinary strings, not large objects), characters split across pieces intact', () => {
    // 3-byte characters after one ASCII byte: every 32 KiB boundary falls inside a character.
    const text = `a${'健身活动'.repeat(60_000)}😀end`;
    const bytes = writeZip([{ name: 'xl/sharedStrings.xml', data: strToU8(text) }]);
    const zip = readZipDirectory(bytes, 256 * mib);
    const pieces: string[] = [];
    streamEntryText(zip, findEntry(zip, 'xl/sharedStrings.xml')!, (piece) => pieces.push(piece));
    expect(pieces.join('')).toBe(text);
    expect(pieces.length).toBeGreaterThan(20);
    expect(Math.max(...pieces.map((piece) => piece.length))).toBeLessThanOrEqual(32 * 1024);
  });
});
