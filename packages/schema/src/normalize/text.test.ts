import { describe, expect, it } from 'vitest';
import type { CellValue } from './result.js';
import { isAsciiDigits, isBlankCell, normalizeText } from './text.js';

describe('normalizeText', () => {
  it.each<[string, CellValue, string]>([
    ['null', null, ''],
    ['undefined', undefined, ''],
    ['empty string', '', ''],
    ['trims', '  全民健身月  ', '全民健身月'],
    ['collapses spaces and tabs', '临汾市\t\t体育局   健步走', '临汾市 体育局 健步走'],
    ['ideographic space', '尧都区\u3000体育局', '尧都区 体育局'],
    ['NBSP becomes a space', '健步走\u00A0活动', '健步走 活动'],
    ['zero-width characters removed', '\uFEFF线\u200B上\u200D', '线上'],
    ['CRLF to LF, spaces around line breaks dropped', '第一行 \r\n 第二行\r第三行', '第一行\n第二行\n第三行'],
    ['full-width digits and letters', '２０２４年ＡＢＣ', '2024年ABC'],
    ['full-width punctuation kept', '活动简介（线上）：健步走', '活动简介（线上）：健步走'],
    ['safe integer without exponent', 13912345678, '13912345678'],
    ['large safe integer', 9007199254740991, '9007199254740991'],
    ['decimal', 3.5, '3.5'],
    ['float noise rounded to 15 digits', 0.1 + 0.2, '0.3'],
    ['zero', 0, '0'],
    ['negative', -12, '-12'],
    ['NaN', Number.NaN, ''],
    ['date as UTC day', new Date(Date.UTC(2024, 5, 15)), '2024-06-15'],
    ['date late in the UTC day stays on that day', new Date('2024-06-15T23:30:00Z'), '2024-06-15'],
    ['invalid date', new Date(Number.NaN), ''],
    ['true', true, '是'],
    ['false', false, '否'],
  ])('%s', (_name, input, expected) => {
    expect(normalizeText(input)).toBe(expected);
  });
});

describe('isBlankCell', () => {
  it.each<[CellValue, boolean]>([
    [null, true],
    [undefined, true],
    ['', true],
    ['   ', true],
    ['\u3000\u00A0\u200B', true],
    ['\r\n', true],
    ['0', false],
    [0, false],
    [false, false],
    [new Date(Date.UTC(2024, 5, 15)), false],
    ['示例', false],
  ])('%j → %s', (input, expected) => {
    expect(isBlankCell(input)).toBe(expected);
  });
});

describe('isAsciiDigits', () => {
  it('is true only for one or more of 0–9', () => {
    expect(['0', '13912345678', '007'].map(isAsciiDigits)).toEqual([true, true, true]);
    // Full-width digits, signs, spaces and the empty text are not.
    expect(['', '１２', '-1', '1 2', '1.5', '12a', '/'].map(isAsciiDigits)).toEqual(Array(7).fill(false));
  });
});
