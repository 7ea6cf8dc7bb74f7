import { isoDayFromDate } from './iso-day.js';
import type { CellValue } from './result.js';
import { toHalfWidth } from './width.js';

// Characters that are invisible in Excel/WPS but break equality and matching.
const zeroWidthPattern = /[\u200B-\u200D\u2060\uFEFF\u00AD]/g;
// Spaces other than U+0020 that clerks paste from Word and web pages (NBSP, thin, narrow …).
const oddSpacePattern = /[\u00A0\u1680\u2000-\u200A\u202F\u205F]/g;

function numberText(value: number): string {
  if (!Number.isFinite(value)) return '';
  // Safe integers print without exponent (String() only switches to e-notation at 1e21).
  if (Number.isSafeInteger(value)) return String(value);
  // Excel shows 15 significant digits: 0.1+0.2 is "0.3" to the person who typed it.
  return String(Number(value.toPrecision(15)));
}

/**
 * What a text cell means, as one clean string: numbers in plain decimals, dates as ISO days,
 * booleans as 是/否; invisible characters removed, whitespace collapsed, full-width letters,
 * digits and spaces made ASCII (punctuation kept: free text keeps its Chinese brackets).
 */
export function normalizeText(value: CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return numberText(value);
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : isoDayFromDate(value);
  return toHalfWidth(
    value.replace(/\r\n?/g, '\n').replace(zeroWidthPattern, '').replace(oddSpacePattern, ' '),
  )
    .replace(/[ \t\f\v]+/g, ' ')
    .replace(/ ?\n ?/g, '\n')
    .trim();
}

/** True when the cell shows nothing: empty, only whitespace, or only invisible characters. */
export function isBlankCell(value: CellValue): boolean {
  return normalizeText(value) === '';
}
