import type { ByteSink } from '@jianshen/ooxml';
import { type CellPosition, columnLetter, fitCell, stripBidiControls } from '@jianshen/ooxml';
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

/** How the CSV's cells are cut: Excel opens a CSV with the same 32,767-character cell limit. */
interface CsvCutting {
  marker: string;
  onTruncated: OutputOptions['onTruncated'];
}

function csvField(value: string | number | undefined, cutting: CsvCutting, at: CellPosition): string {
  if (value === undefined) return '';
  if (typeof value === 'number') return String(value);
  const whole = protectCsvCell(value);
  const safe = fitCell(whole, cutting.marker);
  if (safe !== whole) {
    const cell = `${columnLetter(at.column)}${at.row}`;
    cutting.onTruncated?.({ sheet: '', cell, row: at.row, column: at.column, length: whole.length });
  }
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
  const cutting = {
    marker: renderPhrase(phrase('cell-truncated-marker'), options.lang ?? defaultLang),
    onTruncated: options.onTruncated,
  };
  let line = 1;
  const field = (value: string | number | undefined, column: number) =>
    csvField(value, cutting, { row: line, column });
  yield `\uFEFF${header.map(field).join(',')}\r\n`;
  for (const issue of report.issues) {
    line++;
    yield `${row(issue).map(field).join(',')}\r\n`;
  }
}
