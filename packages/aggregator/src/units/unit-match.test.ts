import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ExpectedUnits, unitMatches } from './unit-match.js';

// Names built from pieces a county's files really hold: the county, its bureau, spaces, brackets.
const piece = fc.constantFrom(
  '尧都区',
  '侯马市',
  '体育局',
  '文化和旅游局',
  '（盖章）',
  ' ',
  '县',
  '',
  'A',
  '-',
);
const name = fc.array(piece, { maxLength: 4 }).map((pieces) => pieces.join(''));

describe('ExpectedUnits', () => {
  it('matches a unit to exactly the expected units unitMatches names, in campaign order', () => {
    fc.assert(
      fc.property(fc.array(name, { maxLength: 6 }), fc.array(name, { maxLength: 8 }), (expected, units) => {
        const expectedUnits = new ExpectedUnits(expected);
        for (const unit of [...units, ...units]) {
          expect(expectedUnits.matching(unit)).toEqual(expected.filter((each) => unitMatches(unit, each)));
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('takes a file’s 尧都区体育局 for the campaign’s 尧都区, never an empty name for anyone', () => {
    const expectedUnits = new ExpectedUnits(['尧都区', '侯马市', '（ ）']);
    expect(expectedUnits.matching('尧都区体育局')).toEqual(['尧都区']);
    expect(expectedUnits.matching('临汾市体育局')).toEqual([]);
  });
});
