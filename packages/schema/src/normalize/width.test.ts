import { describe, expect, it } from 'vitest';
import { toHalfWidth } from './width.js';

describe('toHalfWidth', () => {
  it.each([
    ['０３５７－１２３４５６７', '0357－1234567'],
    ['１３９１２３４５６７８', '13912345678'],
    ['ＡＢＣ　ａｂｃ', 'ABC abc'],
    ['２０２４年６月１５日', '2024年6月15日'],
    ['活动简介（线上）：健步走。', '活动简介（线上）：健步走。'],
    ['plain ascii 123', 'plain ascii 123'],
  ])('letters, digits and spaces: %s → %s', (input, expected) => {
    expect(toHalfWidth(input)).toBe(expected);
  });

  it.each([
    ['（０３５７）１２３４５６７', '(0357)1234567'],
    ['０３５７－１２３４５６７', '0357-1234567'],
    ['２０２４．７．１５～７．１９', '2024.7.15~7.19'],
    ['线上＋线下', '线上+线下'],
    ['！＂＃＄％＆＇＊，／：；＜＝＞？＠［＼］＾＿｀｛｜｝', '!"#$%&\'*,/:;<=>?@[\\]^_`{|}'],
    // Not in U+FF01–FF5E: Chinese list comma and full stop stay.
    ['线上、线下。', '线上、线下。'],
  ])('with punctuation: %s → %s', (input, expected) => {
    expect(toHalfWidth(input, { punctuation: true })).toBe(expected);
  });
});
