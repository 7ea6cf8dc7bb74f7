export { aggregate, aggregateSources, chinaDay, type SubmissionSource } from './aggregate.js';
export { defaultReadLimits, type ReadLimits, resolveLimits } from './limits.js';
export type { GridRow, GridSheet, GridWorkbook, MergeRange } from './read/grid.js';
export { type FileFormat, type ReadOutcome, readSubmission } from './read/read-submission.js';
export type {
  AggregateOptions,
  AggregateProgress,
  AggregateReport,
  FileReport,
  FileStatus,
  GroupCount,
  ReportIssue,
  ReportRow,
  ReportSummary,
  RowSourceReport,
  SubmissionInput,
} from './report.js';
export { rowEntry } from './summarize.js';
export { type FoundTable, findTables, type SkippedCounts, unitFromLine } from './table/find-tables.js';
export {
  type OutputOptions,
  writeConsolidatedWorkbook,
  writeIssuesWorkbook,
} from './write/consolidated.js';
export { formatDateRange } from './write/format-values.js';
export { type IssuesCsvOptions, protectCsvCell, writeIssuesCsv } from './write/issues-csv.js';
export { maskPhone } from './write/mask-phone.js';
