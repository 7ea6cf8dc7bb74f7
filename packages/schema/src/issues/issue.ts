import type { LocalizedText } from '../i18n/lang.js';

export type Severity = 'error' | 'warning';

/**
 * A part of a sentence worded by the catalogue (`phrases` in messages.ts), for a `{reason}` or
 * `{source}` slot: rendered in the reader's language together with the message around it.
 */
export interface Phrase {
  phrase: string;
  data?: IssueData;
}

/**
 * What fills a message's `{placeholders}`: plain values, a phrase of the catalogue, several
 * phrases (joined with 、 / ", "), or a text worded elsewhere in both languages (zod's locales).
 */
export type IssueDataValue = string | number | boolean | Phrase | readonly Phrase[] | LocalizedText;

export type IssueData = Readonly<Record<string, IssueDataValue>>;

/** Where an issue points: the file, and within it the sheet, row, field and the value as typed. */
export interface IssuePlace {
  /** The file (or campaign file) the issue is about, as given by the caller. */
  path: string;
  /** Worksheet name, for spreadsheets. */
  sheet?: string;
  /** 1-based row number as the clerk sees it in the spreadsheet (or the table row in a docx). */
  row?: number;
  /** Row key (`date` for 举办时间) or, for campaign files, the dotted path of the setting. */
  field?: string;
  /** The value as typed, when the issue is about one cell. */
  value?: string;
}

/**
 * What was found, without words: a stable code, the severity the catalogue gives it and the data
 * its text is rendered from. Text is rendered at the edge (renderIssue), in the reader's language.
 */
export interface IssueFinding {
  /** Stable machine code, e.g. `date-invalid`; plugin rules use their `meta.messages` key. */
  code: string;
  severity: Severity;
  /** Values for the text's `{placeholders}`. */
  data?: IssueData;
  /** The text of a code outside the catalogue: a plugin rule's own `meta.messages` entry. */
  text?: LocalizedText | string;
}

/**
 * One finding about an input, shaped like vfile-message: where (file, sheet, row, field) and
 * what (a code other tools can switch on, with its data). Made by `reportIssue`.
 */
export interface Issue extends IssuePlace, IssueFinding {}

/**
 * An issue with its text rendered in one language, in place of its data: what report.json, the
 * CLI and the page show (made by `renderIssue`).
 */
export interface RenderedIssue extends IssuePlace {
  code: string;
  severity: Severity;
  message: string;
}

/** Orders issues by file, sheet, row, then field, so reports read top to bottom. */
export function compareIssues(a: Issue, b: Issue): number {
  return (
    a.path.localeCompare(b.path) ||
    (a.sheet ?? '').localeCompare(b.sheet ?? '') ||
    (a.row ?? 0) - (b.row ?? 0) ||
    (a.field ?? '').localeCompare(b.field ?? '') ||
    a.code.localeCompare(b.code)
  );
}
