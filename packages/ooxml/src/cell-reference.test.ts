import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cellReferenceColumn, parseCellReference, parseRange } from './cell-reference.js';

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

describe('cellReferenceColumn', () => {
  it('is the column parseCellReference reads, -1 where it reads none', () => {
    const reference = fc
      .array(fc.constantFrom(...'$AZaz09XFD:1-'), { maxLength: 9 })
      .map((characters) => characters.join(''));
    fc.assert(
      fc.property(fc.oneof(reference, fc.string({ maxLength: 8 })), (text) => {
        expect(cellReferenceColumn(text)).toBe(parseCellReference(text)?.column ?? -1);
      }),
      { numRuns: 5000 },
    );
    expect(['B12', '$AB$7', 'xfd1048576', 'A', '12', 'ABCD1', 'A1B'].map(cellReferenceColumn)).toEqual([
      1, 27, 16_383, -1, -1, -1, -1,
    ]);
  });
});
