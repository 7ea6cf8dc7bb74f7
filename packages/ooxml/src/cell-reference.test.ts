import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  cellReferenceColumn,
  cellReferenceColumnIn,
  parseCellReference,
  parseRange,
} from './cell-reference.js';

// Cell references are parsed by hand (no regular expression per cell); these pin what is read.
describe('parseRange (cell references)', () => {
  it('reads plain, absolute and lower-case references', () => {
    expect(parseRange('A1:J1')).toEqual({ top: 1, left: 0, bottom: 1, right: 9 });
    expect(parseRange('$B$3:$C$10')).toEqual({ top: 3, left: 1, bottom: 10, right: 2 });
    expect(parseRange('aa100:ab101')).toEqual({ top: 100, left: 26, bottom: 101, right: 27 });
    expect(parseRange('XFD1048576')).toEqual({
      top: 1_048_576,
      left: 16_383,
      bottom: 1_048_576,
      right: 16_383,
    });
  });

  it('refuses what is not a reference', () => {
    for (const text of ['', '1', 'A', 'ABCD1', 'A1B', 'A-1', '$$A1', 'A$$1', '一1', 'A 1']) {
      expect(parseRange(text)).toBeUndefined();
    }
  });
});

/** What a reference means, read with a regular expression: the oracle for the hand-made readers. */
function referenceByPattern(text: string): { column: number; row: number } | undefined {
  const match = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(text);
  if (!match) return undefined;
  const letters = (match[1] ?? '').toUpperCase();
  let column = 0;
  for (const letter of letters) column = column * 26 + (letter.charCodeAt(0) - 64);
  return { column: column - 1, row: Number(match[2]) };
}

describe('parseCellReference and cellReferenceColumn', () => {
  it('read what the pattern reads, and nothing where it reads nothing', () => {
    const reference = fc
      .array(fc.constantFrom(...'$AZaz09XFD:1-'), { maxLength: 9 })
      .map((characters) => characters.join(''));
    fc.assert(
      fc.property(fc.oneof(reference, fc.string({ maxLength: 8 })), (text) => {
        const expected = referenceByPattern(text);
        expect(parseCellReference(text)).toEqual(expected);
        expect(cellReferenceColumn(text)).toBe(expected?.column ?? -1);
      }),
      { numRuns: 5000 },
    );
    expect(['B12', '$AB$7', 'xfd1048576', 'A', '12', 'ABCD1', 'A1B'].map(cellReferenceColumn)).toEqual([
      1, 27, 16_383, -1, -1, -1, -1,
    ]);
  });

  it('read a reference in place as they read it alone, whatever stands around it', () => {
    const piece = fc
      .array(fc.constantFrom(...'$AZaz09XFD:1-"'), { maxLength: 9 })
      .map((characters) => characters.join(''));
    fc.assert(
      fc.property(piece, piece, piece, (before, text, after) => {
        const around = `${before}${text}${after}`;
        const from = before.length;
        expect(cellReferenceColumnIn(around, from, from + text.length)).toBe(cellReferenceColumn(text));
      }),
      { numRuns: 5000 },
    );
  });
});
