import { describe, expect, it } from 'vitest';
import { chineseDate } from './chinese-date.js';
import { chineseNumeral } from './chinese-numeral.js';

describe('chineseNumeral', () => {
  it.each([
    [1, '一'],
    [9, '九'],
    [10, '十'],
    [11, '十一'],
    [20, '二十'],
    [23, '二十三'],
    [100, '一百'],
    [105, '一百零五'],
    [110, '一百一十'],
  ])('%i → %s', (value, text) => {
    expect(chineseNumeral(value)).toBe(text);
  });

  it('refuses numbers without a heading numeral', () => {
    expect(() => chineseNumeral(0)).toThrow(RangeError);
    expect(() => chineseNumeral(1.5)).toThrow(RangeError);
  });
});

describe('chineseDate', () => {
  it('writes the year in full and drops leading zeros', () => {
    expect(chineseDate('2024-05-20')).toBe('2024年5月20日');
    expect(chineseDate('2025-10-01')).toBe('2025年10月1日');
  });
});
