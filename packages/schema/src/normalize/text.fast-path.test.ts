import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeText } from './text.js';
import { toHalfWidth } from './width.js';

// normalizeText and toHalfWidth return clean text untouched after one test; these are the
// implementations before that fast path, kept here as the reference the fast path must equal.
function referenceHalfWidth(text: string, punctuation = false): string {
  const pattern = punctuation ? /[\uFF01-\uFF5E\u3000]/g : /[\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A\u3000]/g;
  return text.replace(pattern, (char) =>
    char === '\u3000' ? ' ' : String.fromCharCode(char.charCodeAt(0) - 0xfee0),
  );
}

function referenceNormalizeText(text: string): string {
  return referenceHalfWidth(
    text
      .replace(/\r\n?/g, '\n')
      .replace(/[\u200B-\u200D\u2060\uFEFF\u00AD]/g, '')
      .replace(/[\u00A0\u1680\u2000-\u200A\u202F\u205F]/g, ' '),
  )
    .replace(/[ \t\f\v]+/g, ' ')
    .replace(/ ?\n ?/g, '\n')
    .trim();
}

const codePoints = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, index) => String.fromCharCode(from + index));

// Rich in what the slow path touches, with the neighbours of every range it names.
const alphabet = [
  ...' \t\n\r\f\v',
  ...codePoints(0x2000, 0x2010),
  ...'\u00A0\u00AD\u1680\u180E\u2028\u2029\u202F\u205F\u2060\u2061\u205E\u3000\uFEFF\u0085\u200E',
  ...'０１９ＡＺａｚ＠［｀｛／：！～（）：，。、',
  ...'\uFF0F\uFF1A\uFF20\uFF3B\uFF40\uFF5B\uFF5E\uFF5F',
  ...'临汾市体育局全民健身月线上下尧都区活动简介',
  ...'aZ09-()+.:/,;',
];

describe('normalizeText fast path', () => {
  it('equals the full clean-up on random text from an alphabet of special characters', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...alphabet), maxLength: 24 }), (text) => {
        expect(normalizeText(text)).toBe(referenceNormalizeText(text));
      }),
      { numRuns: 20_000 },
    );
  });

  it('equals the full clean-up for every BMP character alone, doubled, at the edges and inside', () => {
    const differing: string[] = [];
    for (let code = 0; code <= 0xffff; code++) {
      const char = String.fromCharCode(code);
      for (const text of [char, char + char, ` ${char}`, `${char} `, `健${char}身`, `a ${char} b`]) {
        if (normalizeText(text) !== referenceNormalizeText(text)) differing.push(code.toString(16));
      }
    }
    expect(differing).toEqual([]);
  });

  it('returns clean text as the same string', () => {
    const clean = '尧都区体育中心（线上）：健步走 2024年6月15日';
    expect(normalizeText(clean)).toBe(clean);
  });
});

describe('toHalfWidth fast path', () => {
  it('equals the replace for every BMP character, with and without punctuation', () => {
    const differing: string[] = [];
    for (let code = 0; code <= 0xffff; code++) {
      const text = `a${String.fromCharCode(code)}b`;
      if (toHalfWidth(text) !== referenceHalfWidth(text)) differing.push(code.toString(16));
      if (toHalfWidth(text, { punctuation: true }) !== referenceHalfWidth(text, true)) {
        differing.push(`${code.toString(16)} (punctuation)`);
      }
    }
    expect(differing).toEqual([]);
  });

  it('equals the replace on random text', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom(...alphabet), maxLength: 24 }),
        fc.boolean(),
        (text, all) => {
          expect(toHalfWidth(text, { punctuation: all })).toBe(referenceHalfWidth(text, all));
        },
      ),
      { numRuns: 5_000 },
    );
  });
});
