import type { IssueData } from '../issues/issue.js';
import type { MessageCode } from '../issues/messages.js';

/** A note a normaliser attaches to a value it accepted (becomes a warning issue). */
export interface NormalizeNote {
  code: MessageCode;
  data?: IssueData;
}

/**
 * What every normaliser returns: the clean value (maybe with warnings) or the reason it failed.
 * Normalisers never throw on bad input: a clerk's typo is data, not an exception.
 */
export type NormalizeResult<T> =
  | { ok: true; value: T; notes: NormalizeNote[] }
  | { ok: false; code: MessageCode; data?: IssueData };

export function accept<T>(value: T, notes: NormalizeNote[] = []): NormalizeResult<T> {
  return { ok: true, value, notes };
}

export function reject<T = never>(code: MessageCode, data?: IssueData): NormalizeResult<T> {
  return data ? { ok: false, code, data } : { ok: false, code };
}

/**
 * A raw cell as readers hand it over: text, a number (Excel numbers and serial dates),
 * a Date (already a calendar day at UTC midnight), a boolean, or nothing.
 */
export type CellValue = string | number | boolean | Date | null | undefined;
