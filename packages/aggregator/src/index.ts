export {
  type ByteSink,
  createCompressionStreamDeflater,
  createPortDeflater,
  type DeflatePort,
  type InflateRaw,
  serveDeflate,
} from '@jianshen/ooxml';
export {
  aggregate,
  aggregateSources,
  chinaDay,
  collectReport,
  type StreamAggregateOptions,
  type SubmissionSource,
  streamAggregate,
  submissionDay,
} from './aggregate.js';
export {
  type Assessment,
  type AssessmentWeights,
  assessmentScore,
  assessmentWeights,
  assessReport,
  type UnitAssessment,
} from './assessment/assess-units.js';
export { assessmentSheet } from './assessment/assessment-sheet.js';
export {
  type AssessmentTextKey,
  assessmentCells,
  assessmentFormula,
  assessmentHeaders,
  assessmentText,
  assessmentTitle,
} from './assessment/assessment-text.js';
export {
  folderIgnoredReason,
  type IgnoredReason,
  ignoredReasonOfName,
  type StampFormat,
  stampFormatOf,
} from './files/file-kinds.js';
export type { ListedEntry } from './files/listed-file.js';
export { stampCellText, stampColumnLabel, stampsOfUnit } from './files/stamp-column.js';
export type { StampUnitSource } from './files/stamp-unit.js';
export { compareSubmissionPaths, isFolderSubmission, isIgnoredName } from './files/submission-names.js';
export { defaultReadLimits, type ReadLimits, resolveLimits, UnreadableError } from './limits.js';
export {
  createMemoryRowStore,
  type RowForRules,
  type RowStore,
  type StoredRow,
} from './merge/row-store.js';
export { defaultRuleBudgetMs } from './merge/rules-over-store.js';
export type { PreparedRow } from './prepare/prepare-submission.js';
export type { GridRow, GridSheet, GridWorkbook, MergeRange } from './read/grid.js';
export { type FileFormat, type ReadOutcome, readSubmission } from './read/read-submission.js';
export type {
  AggregateOptions,
  AggregateProgress,
  AggregateReport,
  BoundedRunner,
  FileReport,
  FileStatus,
  GroupCount,
  ReportIssue,
  ReportLike,
  ReportRow,
  ReportRows,
  ReportSummary,
  RowSourceReport,
  StreamedReport,
  SubmissionInput,
  UnitStamps,
  UnnumberedRow,
} from './report.js';
export { RuleTimeoutError } from './report.js';
export {
  type PreviewRow,
  previewRow,
  type RowPreview,
  type RowPreviewOutcome,
  type RowPreviewRequest,
} from './rows/row-preview.js';
export type { ReadAgainOptions, UnreadSubmission } from './rows/submission-tables.js';
export { createSummarizer, rowEntry, type Summarizer } from './summarize/summarize.js';
export { type FoundTable, findTables, type SkippedCounts, unitFromLine } from './table/find-tables.js';
export { unitMatches, unitsOfFile } from './units/unit-match.js';
export {
  type UnitStatus,
  type UnitStatusCode,
  unitStatuses,
  unitStatusLabels,
} from './units/unit-status.js';
export {
  issueColumns,
  type OutputOptions,
  writeConsolidatedWorkbook,
  writeConsolidatedWorkbookTo,
  writeIssuesWorkbook,
  writeIssuesWorkbookTo,
} from './write/consolidated.js';
export { cutCellIssue, reportWithCuts } from './write/cut-cells.js';
export { displayValue, formatDateRange, modeLabel } from './write/format-values.js';
export {
  type IssuesCsvOptions,
  protectCsvCell,
  writeIssuesCsv,
  writeIssuesCsvTo,
} from './write/issues-csv.js';
export { maskIssuePhone, maskPhone, maskRowPhones } from './write/mask-phone.js';
export { type OutputFileNames, outputFileNames, safeFileName } from './write/output-names.js';
export { type ReportJsonOptions, writeReportJsonTo } from './write/report-json.js';
export {
  type ReturnOpinion,
  type ReturnOpinionsOptions,
  writeReturnOpinions,
  writeReturnOpinionWorkbooks,
} from './write/return-opinions.js';
