import { isoDayFromDate } from './iso-day.js';
import { accept, type CellValue, type NormalizeResult, reject } from './result.js';
import { normalizeText } from './text.js';
import { toHalfWidth } from './width.js';

export { isoDayFromDate } from './iso-day.js';

/** A closed range of calendar days, both ISO (YYYY-MM-DD); a single day has start === end. */
export interface DateRange {
  start: string;
  end: string;
}

export interface NormalizeDateOptions {
  /** Year for dates written without one (6月15日): the campaign's year. */
  defaultYear?: number;
  /** The workbook uses the 1904 date system (Mac Excel): serial numbers count from 1904-01-01. */
  date1904?: boolean;
}

const msPerDay = 86_400_000;
// Serial day 0 of the (corrected) 1900 system; using 1899-12-30 absorbs Excel's phantom leap day.
const epoch1900 = Date.UTC(1899, 11, 30);
// 9999-12-31, the last day Excel can show.
const maxSerial = 2_958_465;
// 1904-01-01 is serial 1462 in the 1900 system.
const offset1904 = 1462;

/**
 * Converts an Excel serial date to an ISO day. The time fraction is dropped (the day stays).
 * Returns undefined for serials that name no real day: negatives, 0 (shown as 1900-01-00) and
 * 60, the 1900-02-29 that Lotus 1-2-3 invented and Excel kept.
 */
export function excelSerialToIsoDay(serial: number, date1904 = false): string | undefined {
  if (!Number.isFinite(serial) || serial < 0) return undefined;
  let day = Math.floor(serial);
  if (date1904) {
    day += offset1904;
  } else {
    if (day === 0 || day === 60) return undefined;
    // Before the phantom 1900-02-29, Excel's count runs one day behind the real calendar.
    if (day < 60) day += 1;
  }
  if (day > maxSerial) return undefined;
  return isoDayFromDate(new Date(epoch1900 + day * msPerDay));
}

// Years a clerk can mean for an activity; anything else is a typo, not a date.
const minYear = 1900;
const maxYear = 2100;

/** One side of a written date: any of its fields may be left out and inherited. */
interface DatePart {
  year?: number;
  month?: number;
  day?: number;
  /** 上旬/中旬/下旬: the first, middle or last third of a month. */
  xun?: 0 | 1 | 2;
}

const xunOf: Record<string, 0 | 1 | 2> = { 上旬: 0, 中旬: 1, 下旬: 2 };

// Each pattern is sticky (y): it must match exactly where the previous one stopped.
const fullChinese = /(?<y>\d{4})年(?<m>\d{1,2})月(?:(?<d>\d{1,2})[日号]?|(?<x>[上中下]旬))?/y;
const fullSeparated = /(?<y>\d{4})[./-](?<m>\d{1,2})[./-](?<d>\d{1,2})(?!\d)[日号]?/y;
const compact = /(?<y>\d{4})(?<m>\d{2})(?<d>\d{2})(?!\d)/y;
const yearMonth = /(?<y>\d{4})[./-](?<m>\d{1,2})(?!\d)/y;
const monthDayChinese = /(?<m>\d{1,2})月(?:(?<d>\d{1,2})[日号]?|(?<x>[上中下]旬))?/y;
const monthDaySeparated = /(?<m>\d{1,2})[./-](?<d>\d{1,2})(?!\d)[日号]?/y;
const dayOnly = /(?<d>\d{1,2})(?!\d)[日号]?/y;

const startPatterns = [fullChinese, fullSeparated, compact, yearMonth, monthDayChinese, monthDaySeparated];
// The end of a range may leave out what it shares with the start: 2024.7.15-7.19, 7月1日至5日.
const endPatterns = [...startPatterns, dayOnly];
// Range separators clerks type: hyphens and dashes of every width, tildes, 至 and 到.
const rangeSeparator = /(?:[-\u2010-\u2015\u2212~\u301C]+|至|到)/y;

function readPart(
  text: string,
  at: number,
  patterns: RegExp[],
): { part: DatePart; next: number } | undefined {
  for (const pattern of patterns) {
    pattern.lastIndex = at;
    const match = pattern.exec(text);
    if (!match?.groups) continue;
    const { y, m, d, x } = match.groups;
    const part: DatePart = {};
    if (y !== undefined) part.year = Number(y);
    if (m !== undefined) part.month = Number(m);
    if (d !== undefined) part.day = Number(d);
    const xun = x === undefined ? undefined : xunOf[x];
    if (xun !== undefined) part.xun = xun;
    return { part, next: pattern.lastIndex };
  }
  return undefined;
}

const time = String.raw`(?:上午|下午|中午|早上|晚上)?(?:\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?|\d{1,2}[时点](?:\d{1,2}分|半)?)`;
// A time after the day (2024-06-15 09:00, 2024/6/15 9:30-11:00, ISO T09:00Z) does not change the day.
const timePattern = new RegExp(
  String.raw`(?:T|\s*)${time}(?:Z|[+-]\d{2}:?\d{2})?(?:\s*(?:[-~\u2013\u2014至到])\s*${time})?`,
  'g',
);
// (星期六), 周六: the weekday repeats the date.
const weekdayPattern = /\(?(?:星期|礼拜|周)[一二三四五六七日天]\)?/g;

// A character every replace below needs to change anything: 。, the first of 星期/礼拜/周, the
// : or 时/点 every time has, or whitespace. Most dates (2024年6月15日, 2024.6.15) have none.
const dateNoisePattern = /[。星礼周:时点\s]/;
// A 5-digit number is a serial that lost its date format (45458 → 2024-06-15).
const serialTextPattern = /^\d{5}(?:\.\d+)?$/;

/** The date text reduced to digits, 年月日 and separators. */
function cleanDateText(text: string): string {
  const half = toHalfWidth(text, { punctuation: true });
  if (!dateNoisePattern.test(half)) return half;
  return half.replace(/。/g, '.').replace(weekdayPattern, '').replace(timePattern, '').replace(/\s+/g, '');
}

const monthLengths = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysInMonth(year: number, month: number): number {
  // Arithmetic for a real year and month (a Date per call was a third of a date's cost);
  // anything else (a NaN default year) as Date.UTC reads it.
  if (Number.isInteger(year) && Number.isInteger(month) && month >= 1 && month <= 12) {
    const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
    return month === 2 && leap ? 29 : (monthLengths[month - 1] ?? 31);
  }
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function isoDay(year: number, month: number, day: number): string {
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

type Side = { ok: true; first: string; last: string } | { ok: false; impossible: boolean };

/** The first and last day a fully-resolved part covers (a day, a 旬 or a whole month). */
function resolveSide(year: number, month: number, part: DatePart): Side {
  if (year < minYear || year > maxYear) return { ok: false, impossible: false };
  if (month < 1 || month > 12) return { ok: false, impossible: true };
  const lastDay = daysInMonth(year, month);
  let from = 1;
  let to = lastDay;
  if (part.day !== undefined) {
    if (part.day < 1 || part.day > lastDay) return { ok: false, impossible: true };
    from = part.day;
    to = part.day;
  } else if (part.xun !== undefined) {
    from = [1, 11, 21][part.xun] ?? 1;
    to = [10, 20, lastDay][part.xun] ?? lastDay;
  }
  return { ok: true, first: isoDay(year, month, from), last: isoDay(year, month, to) };
}

function parseDateText(
  text: string,
  shown: string,
  options: NormalizeDateOptions,
): NormalizeResult<DateRange> {
  const invalid = () => reject<DateRange>('date-invalid', { value: shown });
  const refused = (side: Side) =>
    side.ok || !side.impossible ? invalid() : reject<DateRange>('date-impossible', { value: shown });
  if (serialTextPattern.test(text)) return fromSerial(Number(text), shown, options.date1904 ?? false);
  const parts = readDateParts(text);
  if (!parts) return invalid();
  const { start, end } = parts;
  const startYear = start.year ?? options.defaultYear;
  if (startYear === undefined || start.month === undefined) return invalid();
  const first = resolveSide(startYear, start.month, start);
  if (!first.ok) return refused(first);
  if (!end) return accept({ start: first.first, end: first.last });
  const last = resolveEndSide(start.month, start, end, startYear);
  if (!last.ok) return refused(last);
  if (last.last < first.first) return reject('date-range-reversed', { value: shown });
  return accept({ start: first.first, end: last.last });
}

/** The text as its start and, for a range, its end; undefined when some of it is not a date. */
function readDateParts(text: string): { start: DatePart; end?: DatePart } | undefined {
  const startRead = readPart(text, 0, startPatterns);
  if (!startRead) return undefined;
  if (startRead.next >= text.length) return { start: startRead.part };
  rangeSeparator.lastIndex = startRead.next;
  if (!rangeSeparator.exec(text)) return undefined;
  const endRead = readPart(text, rangeSeparator.lastIndex, endPatterns);
  if (!endRead || endRead.next < text.length) return undefined;
  return { start: startRead.part, end: endRead.part };
}

/** A range's end, which takes its year and month from the start when it leaves them out. */
function resolveEndSide(startMonth: number, start: DatePart, end: DatePart, startYear: number): Side {
  // After a whole-month start, a bare number is a month (2024.10-11), not a day.
  const side =
    start.day === undefined && end.month === undefined && end.day !== undefined ? { month: end.day } : end;
  const endMonth = side.month ?? startMonth;
  // 12月30日至1月2日: the range runs into the next year.
  const endYear =
    (side.year ?? startYear) + (side.year === undefined && startMonth === 12 && endMonth === 1 ? 1 : 0);
  return resolveSide(endYear, endMonth, side);
}

function fromSerial(serial: number, shown: string, date1904: boolean): NormalizeResult<DateRange> {
  const day = excelSerialToIsoDay(serial, date1904);
  if (day === undefined) {
    const phantom = !date1904 && Math.floor(serial) === 60;
    return reject(phantom ? 'date-impossible' : 'date-invalid', { value: shown });
  }
  const year = Number(day.slice(0, 4));
  if (year < minYear || year > maxYear) return reject('date-invalid', { value: shown });
  return accept({ start: day, end: day });
}

/**
 * Reads a 举办时间 cell: a date cell, an Excel serial number, or text (a day, a range, a month,
 * a 旬). Always a range; a single day has start === end.
 */
export function normalizeDate(
  value: CellValue,
  options: NormalizeDateOptions = {},
): NormalizeResult<DateRange> {
  const shown = normalizeText(value);
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return reject('date-invalid', { value: shown });
    const day = isoDayFromDate(value);
    return accept({ start: day, end: day });
  }
  if (typeof value === 'number') {
    // 20240615 typed into a General cell is yyyymmdd, far beyond the last serial (9999-12-31).
    if (Number.isInteger(value) && value > maxSerial) return parseDateText(String(value), shown, {});
    return fromSerial(value, shown, options.date1904 ?? false);
  }
  if (typeof value !== 'string') return reject('date-invalid', { value: shown });
  const text = cleanDateText(shown);
  if (text === '') return reject('date-invalid', { value: shown });
  return parseDateText(text, shown, options);
}
