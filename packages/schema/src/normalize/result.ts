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
  | {
      ok: true;
      value: T;
      notes: NormalizeNote[];
      /**
       * Text the normaliser set aside to read the value, kept rather than lost: a bracketed note
       * after it (线下（室外） is 线下, and 室外 goes to the row's 备注).
       */
      aside?: string;
    }
  | { ok: false; code: MessageCode; data?: IssueData };

export function accept<T>(value: T, notes: NormalizeNote[] = [], aside?: string): NormalizeResult<T> {
  return aside === undefined ? { ok: true, value, notes } : { ok: true, value, notes, aside };
}

export function reject<T = never>(code: MessageCode, data?: IssueData): NormalizeResult<T> {
  return data ? { ok: false, code, data } : { ok: false, code };
}

/**
 * A raw cell as readers hand it over: text, a number (Excel numbers and serial dates),
 * a Date (already a calendar day at UTC midnight), a boolean, or nothing.
 */
export type CellValue = string | number | boolean | Date | null | undefined;
