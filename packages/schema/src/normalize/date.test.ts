import { describe, expect, it } from 'vitest';
import { excelSerialToIsoDay, isoDayFromDate, normalizeDate } from './date.js';
import type { CellValue } from './result.js';

const day = (start: string, end = start) => ({ ok: true, value: { start, end }, notes: [] });

describe('excelSerialToIsoDay', () => {
  it.each<[number, boolean, string | undefined]>([
    [45458, false, '2024-06-15'],
    [45458.75, false, '2024-06-15'],
    [1, false, '1900-01-01'],
    [59, false, '1900-02-28'],
    [60, false, undefined], // the fictitious 1900-02-29
    [61, false, '1900-03-01'],
    [0, false, undefined],
    [-1, false, undefined],
    [Number.NaN, false, undefined],
    [2958465, false, '9999-12-31'],
    [2958466, false, undefined],
    [0, true, '1904-01-01'],
    [43996, true, '2024-06-15'], // 45458 − 1462
    [60, true, '1904-03-01'],
  ])('%d (1904: %s) → %s', (serial, date1904, expected) => {
    expect(excelSerialToIsoDay(serial, date1904)).toBe(expected);
  });
});

describe('isoDayFromDate', () => {
  it.each<[Date, string]>([
    [new Date(Date.UTC(2024, 5, 15)), '2024-06-15'],
    // 2024-06-15 07:00 in 北京 (UTC+8) is still 2024-06-14 in UTC: UTC is what readers build.
    [new Date('2024-06-14T23:00:00Z'), '2024-06-14'],
    [new Date(Date.UTC(999, 0, 2)), '0999-01-02'],
  ])('%s → %s', (date, expected) => {
    expect(isoDayFromDate(date)).toBe(expected);
  });
});

describe('normalizeDate: cells that are not text', () => {
  it.each<[string, CellValue, { date1904?: boolean }, ReturnType<typeof day>]>([
    ['date cell', new Date(Date.UTC(2024, 5, 15)), {}, day('2024-06-15')],
    ['date cell with a time', new Date(Date.UTC(2024, 5, 15, 9, 30)), {}, day('2024-06-15')],
    ['serial in a General cell', 45458, {}, day('2024-06-15')],
    ['serial with a time fraction', 45458.375, {}, day('2024-06-15')],
    ['serial in the 1904 system', 43996, { date1904: true }, day('2024-06-15')],
    ['yyyymmdd typed as a number', 20240615, {}, day('2024-06-15')],
  ])('%s', (_name, input, options, expected) => {
    expect(normalizeDate(input, options)).toEqual(expected);
  });

  it.each<[string, CellValue, string, string]>([
    ['the fictitious 1900-02-29', 60, 'date-impossible', '60'],
    ['serial 0', 0, 'date-invalid', '0'],
    ['negative number', -5, 'date-invalid', '-5'],
    ['invalid Date', new Date(Number.NaN), 'date-invalid', ''],
    ['boolean', true, 'date-invalid', '是'],
    ['empty', null, 'date-invalid', ''],
    ['yyyymmdd number that does not exist', 20240230, 'date-impossible', '20240230'],
    ['number beyond any date', 123456789, 'date-invalid', '123456789'],
  ])('%s → %s', (_name, input, code, shown) => {
    expect(normalizeDate(input)).toEqual({ ok: false, code, data: { value: shown } });
  });
});

describe('normalizeDate: text', () => {
  it.each<[string, ReturnType<typeof day>]>([
    ['2024年6月15日', day('2024-06-15')],
    ['2024年06月15日', day('2024-06-15')],
    ['2024.6.15', day('2024-06-15')],
    ['2024/6/15', day('2024-06-15')],
    ['2024-06-15', day('2024-06-15')],
    ['20240615', day('2024-06-15')],
    ['45458', day('2024-06-15')],
    ['２０２４年６月１５日', day('2024-06-15')],
    ['２０２４．６．１５', day('2024-06-15')],
    ['2024 年 6 月 15 日', day('2024-06-15')],
    [' 2024.6.15 ', day('2024-06-15')],
    ['2024年6月15号', day('2024-06-15')],
    ['2024年6月15日（星期六）', day('2024-06-15')],
    ['2024年6月15日 周六', day('2024-06-15')],
    ['2024-06-15 09:00', day('2024-06-15')],
    ['2024/6/15 9:30', day('2024-06-15')],
    ['2024-06-15T09:00:00Z', day('2024-06-15')],
    ['2024年6月15日 上午9:00-11:30', day('2024-06-15')],
    ['2024年6月15日9时', day('2024-06-15')],
    ['2024.7.15-7.19', day('2024-07-15', '2024-07-19')],
    ['2024.7.15—7.19', day('2024-07-15', '2024-07-19')],
    ['2024.7.15–7.19', day('2024-07-15', '2024-07-19')],
    ['2024.7.15～7.19', day('2024-07-15', '2024-07-19')],
    ['2024.7.15~7.19', day('2024-07-15', '2024-07-19')],
    ['2024.7.15〜7.19', day('2024-07-15', '2024-07-19')],
    ['2024.7.15——7.19', day('2024-07-15', '2024-07-19')],
    ['2024.7.15 - 7.19', day('2024-07-15', '2024-07-19')],
    ['2024年7月15日-2024年7月19日', day('2024-07-15', '2024-07-19')],
    ['2024年7月15日至19日', day('2024-07-15', '2024-07-19')],
    ['2024年7月15日到7月19日', day('2024-07-15', '2024-07-19')],
    ['2024-07-15-2024-07-19', day('2024-07-15', '2024-07-19')],
    ['2024/7/15~2024/7/19', day('2024-07-15', '2024-07-19')],
    ['20240715-20240719', day('2024-07-15', '2024-07-19')],
    ['2024.6.30-7.2', day('2024-06-30', '2024-07-02')],
    ['2024年12月30日至2025年1月2日', day('2024-12-30', '2025-01-02')],
    ['2024.12.30-1.2', day('2024-12-30', '2025-01-02')],
    ['2024年10月', day('2024-10-01', '2024-10-31')],
    ['2024.10', day('2024-10-01', '2024-10-31')],
    ['2024-02', day('2024-02-01', '2024-02-29')],
    ['2024年10月-12月', day('2024-10-01', '2024-12-31')],
    ['2024年6月上旬', day('2024-06-01', '2024-06-10')],
    ['2024年6月中旬', day('2024-06-11', '2024-06-20')],
    ['2024年6月下旬', day('2024-06-21', '2024-06-30')],
    ['2024年2月下旬', day('2024-02-21', '2024-02-29')],
    ['2024年2月29日', day('2024-02-29')],
  ])('%s', (input, expected) => {
    expect(normalizeDate(input)).toEqual(expected);
  });

  it.each<[string, ReturnType<typeof day>]>([
    ['6月15日', day('2024-06-15')],
    ['6月15号', day('2024-06-15')],
    ['６月１５日', day('2024-06-15')],
    ['7月1日至5日', day('2024-07-01', '2024-07-05')],
    ['7月15日-7月19日', day('2024-07-15', '2024-07-19')],
    ['7.15-7.19', day('2024-07-15', '2024-07-19')],
    ['10月', day('2024-10-01', '2024-10-31')],
    ['12月30日至1月2日', day('2024-12-30', '2025-01-02')],
    ['2023年6月15日', day('2023-06-15')],
  ])('%s with defaultYear 2024', (input, expected) => {
    expect(normalizeDate(input, { defaultYear: 2024 })).toEqual(expected);
  });

  it.each<[string, string, number | undefined]>([
    ['2024年2月30日', 'date-impossible', undefined],
    ['2023年2月29日', 'date-impossible', undefined],
    ['2024.13.1', 'date-impossible', undefined],
    ['2024.6.31', 'date-impossible', undefined],
    ['20240631', 'date-impossible', undefined],
    ['2024年7月15日-7月32日', 'date-impossible', undefined],
    ['2月30日', 'date-impossible', 2024],
    ['2024.7.19-7.15', 'date-range-reversed', undefined],
    ['2024年7月19日至2024年7月15日', 'date-range-reversed', undefined],
    ['7月19日-15日', 'date-range-reversed', 2024],
    ['6月15日', 'date-invalid', undefined],
    ['7月1日至5日', 'date-invalid', undefined],
    ['待定', 'date-invalid', undefined],
    ['', 'date-invalid', undefined],
    ['   ', 'date-invalid', undefined],
    ['2024', 'date-invalid', undefined],
    ['六月十五日', 'date-invalid', undefined],
    ['2024.6.15、6.16', 'date-invalid', undefined],
    ['2024年6月15日左右', 'date-invalid', undefined],
    ['1024年6月15日', 'date-invalid', undefined],
    ['2024.6.15-', 'date-invalid', undefined],
  ])('%j → %s', (input, code, defaultYear) => {
    const options = defaultYear === undefined ? {} : { defaultYear };
    expect(normalizeDate(input, options)).toEqual({ ok: false, code, data: { value: input.trim() } });
  });
});

describe('normalizeDate: month lengths', () => {
  it('end every month of 1900–2100 on the day the calendar does (leap years included)', () => {
    const differing: string[] = [];
    for (let year = 1900; year <= 2100; year++) {
      for (let month = 1; month <= 12; month++) {
        const last = new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
        const result = normalizeDate(`${year}年${month}月`);
        if (!result.ok || result.value.end !== last) differing.push(`${year}-${month}`);
        const after = normalizeDate(`${year}年${month}月${Number(last.slice(8)) + 1}日`);
        if (after.ok || after.code !== 'date-impossible') differing.push(`${year}-${month} +1`);
      }
    }
    expect(differing).toEqual([]);
  });

  it('keeps what a year that is not a whole number gave before (the Date reading)', () => {
    expect(normalizeDate('2月', { defaultYear: Number.NaN })).toEqual({
      ok: true,
      value: { start: 'NaN-02-01', end: 'NaN-02-NaN' },
      notes: [],
    });
  });
});
