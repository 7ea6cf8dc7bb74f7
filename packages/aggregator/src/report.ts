import type { DeflatedRows, InflateRaw, TruncatedCell } from '@jianshen/ooxml';
import type { ActivityMode, Lang, RenderedIssue } from '@jianshen/schema';
import type { Assessment } from './assessment/assess-units.js';
import type { IgnoredReason, StampFormat } from './files/file-kinds.js';
import type { StampUnitSource } from './files/stamp-unit.js';
import type { ReadLimits } from './limits.js';
import type { FileFormat } from './read/read-submission.js';
import type { SkippedCounts } from './table/find-tables.js';

/** One submission as bytes: what a browser hands over from a file input or a drop. */
export interface SubmissionInput {
  /** Shown in every issue; a relative path or a file name. */
  path: string;
  data: Uint8Array;
  /** When the file was received (file mtime in Node); judged against the deadline. */
  modified?: Date;
  /** Chosen as part of a folder: lock files, hidden files and other kinds of files are ignored. */
  fromFolder?: boolean;
}

export interface AggregateProgress {
  done: number;
  total: number;
  path?: string;
}

export interface AggregateOptions {
  lang?: Lang;
  /** A newer file from the same unit supersedes the older one (by `modified`, then input order). */
  replace?: boolean;
  /** ISO day all files count as submitted on; default: each file's `modified` (China time). */
  submittedOn?: string;
  onProgress?: (state: AggregateProgress) => void;
  limits?: Partial<ReadLimits>;
  /**
   * Inflates xlsx/docx parts natively when given; without it they are inflated in JavaScript
   * (fflate). The Node entry passes zlib's, which is several times faster.
   */
  inflateRaw?: InflateRaw;
  /**
   * Milliseconds each plugin rule may run on one file's rows (default 10,000). A rule over it is
   * stopped for the rest of that file and reported (`rule-timeout`); the other rules go on.
   */
  ruleBudgetMs?: number;
  /**
   * Runs synchronous code and stops it after `timeoutMs`, throwing `RuleTimeoutError`: the only
   * way to stop a rule stuck in a loop, which never returns to be timed. The Node entry passes
   * one built on node:vm's timeout (a watchdog thread terminates the running JavaScript); without
   * it a rule is timed between calls only, and the web page stops its worker from outside.
   */
  runBounded?: BoundedRunner;
}

/** See `AggregateOptions.runBounded`. */
export type BoundedRunner = (run: () => void, timeoutMs: number) => void;

/** Thrown by a `BoundedRunner` whose code ran past its time. */
export class RuleTimeoutError extends Error {
  override readonly name = 'RuleTimeoutError';
}

/**
 * `ok` data read; `failed` ours but broken; `unsupported` a kind of file we refuse; `stamp` a
 * stamped copy (盖章件) listed beside the data; `ignored` set aside for a reason (`note`).
 */
export type FileStatus = 'ok' | 'failed' | 'unsupported' | 'stamp' | 'ignored';

export interface FileReport {
  path: string;
  /** What the content turned out to be (detected from the bytes, not the name). */
  format: FileFormat | StampFormat;
  /**
   * The submitting unit; several units' tables in one file are joined with 、. For a stamped
   * copy the unit it was matched to ('' when unknown).
   */
  unit: string;
  status: FileStatus;
  /** A stamped copy's unit came from its file name, a folder's name or its PDF text. */
  unitSource?: StampUnitSource;
  /** Why an `ignored` file was not read (a lock file, a hidden file …). */
  ignoredReason?: IgnoredReason;
  /** For a link listed as ignored: the folder or file it leads to (already read). */
  ignoredTarget?: string;
  /** The reason as the clerk reads it. */
  note?: string;
  /** Data rows found (skipped rows not included). */
  rowsRead: number;
  /** Rows in `rows` (after duplicates, superseding and rule errors). */
  rowsAccepted: number;
  /** Rows kept out by an error; each has an error issue at its row. */
  rowsRejected: number;
  /** Rows already counted from an earlier row (warning `duplicate-row` at the row). */
  rowsDuplicate: number;
  /** Rows of a unit a newer file replaced (`--replace`; issue `file-superseded`). */
  rowsSuperseded: number;
  /** Rows inside a table that held no data: blank, footer (填表人, 合计), example (示例), heading. */
  rowsSkipped: SkippedCounts;
  /** Statistics tables found in the file. */
  tables: number;
  /** The day the file counts as submitted (ISO), when known. */
  submittedOn?: string;
  /** The newer file that replaced this one, with `replace`. */
  supersededBy?: string;
}

/** Where a row came from: the clerk finds it again at this file, sheet and row. */
export interface RowSourceReport {
  path: string;
  sheet: string;
  row: number;
}

/** A report row but its `seq`: what a row store keeps (rows are numbered once the merge is done). */
export interface UnnumberedRow {
  organizer: string;
  name: string;
  summary: string;
  mode: ActivityMode;
  /** ISO days; a single day has start === end. */
  start: string;
  end: string;
  contact: string;
  /** Canonical numbers: 13912345678, 0357-1234567, 0357-1234567转801. */
  phone: string[];
  note: string;
  unit: string;
  source: RowSourceReport;
  /** Cells under columns the campaign does not know, by their header text. */
  extra?: Record<string, string>;
  /** Plugin fields by key. */
  [pluginField: string]: unknown;
}

/** A row of report.json: `seq` first, then the fields of `UnnumberedRow` in their order. */
export interface ReportRow extends UnnumberedRow {
  /** Renumbered 1…n across the batch. */
  seq: number;
}

/**
 * An issue as the report shows it: its place, code, severity and the message rendered in the
 * report's language (`AggregateOptions.lang`) when the report is assembled; readers and rules
 * report codes and data only (schema's `reportIssue`).
 */
export type ReportIssue = RenderedIssue;

/** One unit's stamped copies (盖章件). */
export interface UnitStamps {
  unit: string;
  files: string[];
}

export interface GroupCount {
  rows: number;
  /** Plugin totals (e.g. participants) summed over the group's rows, by total key. */
  totals: Record<string, number>;
}

export interface ReportSummary {
  files: number;
  filesOk: number;
  filesFailed: number;
  filesUnsupported: number;
  /** Stamped copies (盖章件) listed beside the data. */
  filesStamp: number;
  /** Files in the input folders set aside, each with its reason in `files`. */
  filesIgnored: number;
  rowsRead: number;
  rowsAccepted: number;
  rowsRejected: number;
  rowsDuplicate: number;
  rowsSuperseded: number;
  rowsSkipped: SkippedCounts;
  errors: number;
  warnings: number;
  /** Plugin totals over all accepted rows, by key. */
  totals: Record<string, number>;
  /** Labels of the totals, for tables. */
  totalLabels: Record<string, string>;
  byUnit: (GroupCount & { unit: string; files: number })[];
  byMode: (GroupCount & { mode: ActivityMode; label: string })[];
  /** By the month an activity starts in (YYYY-MM). */
  byMonth: (GroupCount & { month: string })[];
  /** One per plugin summary with `groupBy`. */
  dimensions: { id: string; label: string; plugin: string; groups: (GroupCount & { group: string })[] }[];
  /** Expected units (campaign.expectedUnits) with no file. */
  missingUnits: string[];
  /** Expected units that sent a stamped copy and no data file (not in missingUnits). */
  stampOnlyUnits: string[];
  /**
   * The 盖章件 column: every expected unit (campaign order), then other units with a stamped
   * copy, with the stamped copies' paths (none: 无).
   */
  stamps: UnitStamps[];
  /** Units whose file came after the deadline. */
  lateUnits: { unit: string; path: string; submittedOn: string }[];
}

/**
 * The report with its rows read on demand (`streamAggregate`, the Node entry's
 * `streamAggregateFiles`): everything but the rows is in memory; the accepted rows come from
 * the row store each time `rows` is iterated. Writers take it like an `AggregateReport`.
 */
export interface StreamedReport extends Omit<AggregateReport, 'rows'> {
  rows: ReportRows;
  /** See `WorkbookRowsAhead`. */
  workbookRows?: WorkbookRowsAhead;
  /** Frees the row store (deletes the Node entry's spill file). */
  dispose(): Promise<void>;
}

/** Accepted rows, renumbered, read again from the store on every iteration. */
export interface ReportRows extends AsyncIterable<ReportRow> {
  /** How many rows an iteration yields (summary.rowsAccepted). */
  readonly count: number;
  /**
   * The same rows as report.json writes them: each `JSON.stringify(row)` with bidi controls as
   * `\u` escapes, UTF-8, one item per row (valid until the next is asked for). Present when the
   * row store keeps its rows as that text (`RowStore.readJson`): the writer copies the bytes
   * instead of parsing, stringifying, escaping and encoding every row again. Synchronous, as
   * `RowStore.readJson`.
   */
  json?(): Iterable<Uint8Array>;
}

/**
 * The consolidated workbook's main-sheet rows, written and deflated while the files were read
 * (`AggregateFilesOptions.workbookRows`): a workbook written with the same options joins them
 * into its sheet (`DeflatedRows`) instead of reading every row back, making its cells, writing
 * and compressing them again.
 */
export interface WorkbookRowsAhead extends DeflatedRows {
  /** The options they were written for; a workbook written with others makes its rows itself. */
  lang: Lang;
  maskPhone: boolean;
  /** Cells cut to Excel's limit as the rows were written, in order. */
  cuts: readonly TruncatedCell[];
}

/** A report as the writers take it: rows in memory or streamed. */
export type ReportLike = Omit<AggregateReport, 'rows'> & {
  rows: readonly ReportRow[] | AsyncIterable<ReportRow>;
  /** The consolidated workbook's rows, when they were written while reading. */
  workbookRows?: WorkbookRowsAhead;
};

/** The JSON report: `aggregate`'s return value and `report.json`. */
export interface AggregateReport {
  /** Version of this shape; bumped only for incompatible changes. */
  version: 1;
  campaign: { id: string; title: string; fingerprint: string; deadline: string };
  files: FileReport[];
  rows: ReportRow[];
  issues: ReportIssue[];
  summary: ReportSummary;
  /**
   * 考核: per unit 报送日期, 按时, 活动数, 退回行数, 问题数 (or 未报送), plugin columns and the score
   * with the weights used. Absent from report.json files written before it existed.
   */
  assessment?: Assessment;
}
