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

// Every character any step of the slow path changes or removes, and every character
// String.prototype.trim strips (TAB, LF, VT, FF, CR, space, U+00A0, U+1680, U+2000–200A,
// U+2028, U+2029, U+202F, U+205F, U+3000, U+FEFF): the space itself only where the slow path
// touches it, twice in a row or at either end. Most cells match none and are returned as they are.
// Kept as one expression on purpose: a table look-up per character (charCodeAt loop) and this
// class alone plus first/last/double-space checks were both tried and made reading the medium
// bench batch's tables and rows slower (in-process A/B against this expression: +25% and +10%;
// whole CLI job with the loop: cpu ×1.05, 5 alternating pairs).
const needsWorkPattern =
  /[\t-\r\u00A0\u00AD\u1680\u2000-\u200D\u2028\u2029\u202F\u205F\u2060\u3000\uFEFF\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A]| {2}|^ | $/;

/** The full clean-up; `normalizeText` skips it for text it would not change. */
function cleanText(text: string): string {
  return toHalfWidth(text.replace(/\r\n?/g, '\n').replace(zeroWidthPattern, '').replace(oddSpacePattern, ' '))
    .replace(/[ \t\f\v]+/g, ' ')
    .replace(/ ?\n ?/g, '\n')
    .trim();
}

/**
 * What a text cell means, as one clean string: numbers in plain decimals, dates as ISO days,
 * booleans as 是/否; invisible characters removed, whitespace collapsed, full-width letters,
 * digits and spaces made ASCII (punctuation kept: free text keeps its Chinese brackets).
 */
export function normalizeText(value: CellValue): string {
  if (typeof value === 'string') return needsWorkPattern.test(value) ? cleanText(value) : value;
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return numberText(value);
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : isoDayFromDate(value);
  return cleanText(value);
}

/** True when the cell shows nothing: empty, only whitespace, or only invisible characters. */
export function isBlankCell(value: CellValue): boolean {
  // Same answer as normalizeText(value) === '' without building the text: a finite number,
  // a valid date and a boolean always show something.
  if (typeof value === 'number') return !Number.isFinite(value);
  if (typeof value === 'boolean') return false;
  if (value instanceof Date) return Number.isNaN(value.getTime());
  return normalizeText(value) === '';
}

/** True when `text` is one or more ASCII digits (0–9), checked without a regular expression. */
export function isAsciiDigits(text: string): boolean {
  if (text === '') return false;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code < 0x30 || code > 0x39) return false;
  }
  return true;
}
