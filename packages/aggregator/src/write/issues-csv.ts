import type { ByteSink } from '@jianshen/ooxml';
import { fitCell, stripBidiControls } from '@jianshen/ooxml';
import type { ResolvedCampaign } from '@jianshen/plugin-kit';
import { defaultLang, phrase, renderPhrase } from '@jianshen/schema';
import type { ReportLike } from '../report.js';
import { protectFormulaStart } from './cell-safety.js';
import { issueColumns, type OutputOptions } from './consolidated.js';

/**
 * A text cell made safe for spreadsheets (OWASP CSV injection): a leading = + - @ (ASCII or
 * full-width), tab or CR would make Excel or WPS run it as a formula, so it is prefixed with an
 * apostrophe; bidi controls are dropped. Also used for the xlsx outputs' text.
 */
export function protectCsvCell(value: string): string {
  return protectFormulaStart(stripBidiControls(value));
}

function csvField(value: string | number | undefined, marker: string): string {
  if (value === undefined) return '';
  if (typeof value === 'number') return String(value);
  const safe = fitCell(protectCsvCell(value), marker);
  return /[",\r\n]|^\s|\s$/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export interface IssuesCsvOptions extends OutputOptions {
  /** For the column labels of the issues (the field keys otherwise). */
  campaign?: Pick<ResolvedCampaign, 'fields'>;
}

// Text is gathered to about this many characters before it is encoded (see xlsx-writer.ts).
const chunkCharacters = 1 << 14;

/** The issues as CSV: UTF-8 with a BOM (so Excel on Chinese Windows opens it right), CRLF lines. */
export function writeIssuesCsv(report: ReportLike, options: IssuesCsvOptions = {}): string {
  let text = '';
  for (const piece of csvPieces(report, options)) text += piece;
  return text;
}

/** `writeIssuesCsv` as bytes handed over as they are made: a country's issues never in one string. */
export function writeIssuesCsvTo(report: ReportLike, sink: ByteSink, options: IssuesCsvOptions = {}): void {
  const encoder = new TextEncoder();
  let pending = '';
  for (const piece of csvPieces(report, options)) {
    pending += piece;
    if (pending.length >= chunkCharacters) {
      sink(encoder.encode(pending));
      pending = '';
    }
  }
  sink(encoder.encode(pending));
}

function* csvPieces(report: ReportLike, options: IssuesCsvOptions): Generator<string> {
  const { header, row } = issueColumns(options.campaign, options);
  const marker = renderPhrase(phrase('cell-truncated-marker'), options.lang ?? defaultLang);
  const field = (value: string | number | undefined) => csvField(value, marker);
  yield `\uFEFF${header.map(field).join(',')}\r\n`;
  for (const issue of report.issues) yield `${row(issue).map(field).join(',')}\r\n`;
}
