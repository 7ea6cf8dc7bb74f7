import type { Lang } from '@jianshen/schema';
import { modeLabels } from '@jianshen/schema';
import type { ReportRow } from '../report.js';

function parts(day: string): [number, number, number] {
  return [Number(day.slice(0, 4)), Number(day.slice(5, 7)), Number(day.slice(8, 10))];
}

function lastDayOfMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * A date range the way the attachment writes it, which the aggregator also reads back:
 * 2024年6月15日, 2024年7月15日至7月19日, a whole month as 2024年10月.
 */
export function formatDateRange(start: string, end: string, lang: Lang = 'zh'): string {
  return dateRangeWriters[lang](start, end);
}

/** ISO days in English: 2024-06-15, 2024-07-15 to 2024-07-19. */
function isoDateRange(start: string, end: string): string {
  return start === end ? start : `${start} to ${end}`;
}

/** The attachment's own way: 2024年6月15日, 2024年7月15日至7月19日, 2024年10月. */
function chineseDateRange(start: string, end: string): string {
  const [startYear, startMonth, startDay] = parts(start);
  const [endYear, endMonth, endDay] = parts(end);
  if (start === end) return `${startYear}年${startMonth}月${startDay}日`;
  if (
    startYear === endYear &&
    startMonth === endMonth &&
    startDay === 1 &&
    endDay === lastDayOfMonth(endYear, endMonth)
  ) {
    return `${startYear}年${startMonth}月`;
  }
  const tail = startYear === endYear ? `${endMonth}月${endDay}日` : `${endYear}年${endMonth}月${endDay}日`;
  return `${startYear}年${startMonth}月${startDay}日至${tail}`;
}

/** One writer per language: the Chinese form is a grammar of its own, not a translation. */
const dateRangeWriters: Readonly<Record<Lang, (start: string, end: string) => string>> = {
  zh: chineseDateRange,
  en: isoDateRange,
};

export function modeLabel(mode: ReportRow['mode'], lang: Lang = 'zh'): string {
  return modeLabels[mode]?.[lang] ?? String(mode);
}

/** A plugin value as a cell shows it: numbers stay numbers, lists are joined with 、. */
export function displayValue(value: unknown): string | number | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (Array.isArray(value)) return value.map((item) => String(item)).join('、');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}
