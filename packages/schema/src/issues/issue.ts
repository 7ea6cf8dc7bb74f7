import type { Lang } from '../i18n/lang.js';

export type Severity = 'error' | 'warning';

/**
 * One finding about an input, shaped like vfile-message: where (file, sheet, row, field),
 * what (a stable code other tools can switch on) and a message a clerk can act on.
 */
export interface Issue {
  /** The file (or campaign file) the issue is about, as given by the caller. */
  path: string;
  /** Worksheet name, for spreadsheets. */
  sheet?: string;
  /** 1-based row number as the clerk sees it in the spreadsheet (or the table row in a docx). */
  row?: number;
  /** Row key (`date` for 举办时间) or, for campaign files, the dotted path of the setting. */
  field?: string;
  /** Stable machine code, e.g. `date-invalid`; plugin rules use `plugin-name/code`. */
  code: string;
  severity: Severity;
  /** Human message in the requested language. */
  message: string;
  /** The value as typed, when the issue is about one cell. */
  value?: string;
}

/** Where an issue points; everything but the path is optional. */
export type IssueLocation = Pick<Issue, 'path' | 'sheet' | 'row' | 'field'>;

/** Options shared by everything that produces messages. */
export interface MessageOptions {
  lang?: Lang;
}

export function isError(issue: Pick<Issue, 'severity'>): boolean {
  return issue.severity === 'error';
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
