import { cellMaxCharacters, columnLetter, type TruncatedCell } from '@jianshen/ooxml';
import { type Issue, reportIssue } from '@jianshen/schema';
import type { ReportIssue, ReportLike } from '../report.js';

/**
 * The issue for a cell an output cut to Excel's 32,767 characters (issue 15: "truncate with a
 * marker and say so"): placed at the output file, its sheet, row and column, with the length the
 * text had. report.json keeps the text whole, so the message sends the reader there.
 */
export function cutCellIssue(output: string, cut: TruncatedCell): Issue {
  const place = {
    path: output,
    ...(cut.sheet !== '' ? { sheet: cut.sheet } : {}),
    row: cut.row,
    field: columnLetter(cut.column),
  };
  return reportIssue(
    'cell-truncated',
    { output, cell: cut.cell, length: cut.length, max: cellMaxCharacters },
    place,
  );
}

/** The report with the cuts found so far among its issues (and counted as warnings). */
export function reportWithCuts<Report extends ReportLike>(
  report: Report,
  cuts: readonly ReportIssue[],
): Report {
  if (cuts.length === 0) return report;
  const summary = { ...report.summary, warnings: report.summary.warnings + cuts.length };
  return { ...report, issues: [...report.issues, ...cuts], summary };
}
