import type { ResolvedCampaign } from '@jianshen/plugin-kit';
import type { ReportLike } from '../report.js';
import { issueTable, type OutputOptions } from './consolidated.js';

/**
 * A text cell made safe for spreadsheets (OWASP CSV injection): a leading = + - @ tab or CR
 * would make Excel or WPS run it as a formula, so it is prefixed with an apostrophe.
 */
export function protectCsvCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

function csvField(value: string | number | undefined): string {
  if (value === undefined) return '';
  if (typeof value === 'number') return String(value);
  const safe = protectCsvCell(value);
  return /[",\r\n]|^\s|\s$/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export interface IssuesCsvOptions extends OutputOptions {
  /** For the column labels of the issues (the field keys otherwise). */
  campaign?: Pick<ResolvedCampaign, 'fields'>;
}

/** The issues as CSV: UTF-8 with a BOM (so Excel on Chinese Windows opens it right), CRLF lines. */
export function writeIssuesCsv(report: ReportLike, options: IssuesCsvOptions = {}): string {
  const { header, rows } = issueTable(report, options.campaign, options);
  const lines = [header, ...rows].map((row) => row.map(csvField).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
