import { type DateRange, type Lang, textsIn } from '@jianshen/schema';
import { templateText } from './template-text.js';

interface Day {
  year: number;
  month: number;
  day: number;
}

function parts(isoDay: string): Day {
  const [year = 0, month = 0, day = 0] = isoDay.split('-').map(Number);
  return { year, month, day };
}

function addDays(isoDay: string, days: number): string {
  const { year, month, day } = parts(isoDay);
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}

/** 2024-06-15 → 2024年6月15日 (en: 2024-06-15). */
export function formatDay(isoDay: string, lang: Lang = 'zh'): string {
  return textsIn(templateText, lang)('day', { ...parts(isoDay), iso: isoDay });
}

/** `DATE(2024,6,15)`, for validation formulas (no locale-dependent date text). */
export function excelDateFormula(isoDay: string): string {
  const { year, month, day } = parts(isoDay);
  return `DATE(${year},${month},${day})`;
}

/** A plausible activity day inside the period: two weeks in, or the first day of a short period. */
export function exampleDay(period: DateRange): string {
  const candidate = addDays(period.start, 14);
  return candidate <= period.end ? candidate : period.start;
}

/**
 * A several-day activity inside the period, written the way clerks write it: 2024.6.15-6.19
 * (the end keeps only the parts that change).
 */
export function exampleRangeText(period: DateRange): string {
  const start = exampleDay(period);
  // ISO days compare as strings; the range stops at the period's last day.
  const end = [addDays(start, 4), period.end].sort()[0] ?? period.end;
  const from = parts(start);
  const to = parts(end);
  const head = `${from.year}.${from.month}.${from.day}`;
  if (to.year !== from.year) return `${head}-${to.year}.${to.month}.${to.day}`;
  return `${head}-${to.month}.${to.day}`;
}

/** The period as people read it: 2024年6月1日至2024年11月30日. */
export function formatPeriod(period: DateRange, lang: Lang = 'zh'): string {
  const start = formatDay(period.start, lang);
  const end = formatDay(period.end, lang);
  return textsIn(templateText, lang)('period', { start, end });
}
