import type { ReadLimits } from '../limits.js';
import type { InflateRaw } from '../read/zip.js';
import { columnLetter } from '../write/xlsx-writer.js';
import {
  fieldColumns,
  readSubmissionTables,
  rowsByNumber,
  rowTexts,
  type TableCampaign,
  tableAt,
  type UnreadSubmission,
} from './submission-tables.js';

export interface RowPreviewRequest {
  /** The submission's bytes and the path the report names it by. */
  data: Uint8Array;
  path: string;
  /** As the issue names them; without a sheet, the first sheet. */
  sheet?: string;
  row: number;
  /** The field key: its column(s) are marked. */
  field?: string;
  /** Rows shown above and below the row (default 2). */
  context?: number;
  limits?: Partial<ReadLimits>;
  inflateRaw?: InflateRaw;
}

/** One shown row: its number and the text of each cell by 0-based column. */
export interface PreviewRow {
  row: number;
  cells: string[];
}

export interface RowPreview {
  sheet: string;
  /** The row asked for. */
  row: number;
  /** The table's header row(s), when the row is in a table. */
  header: PreviewRow[];
  /** The row and its neighbours inside the table (or the sheet), in order. */
  rows: PreviewRow[];
  /** Columns to show (the widest shown row). */
  columnCount: number;
  /** Their letters as a spreadsheet heads them: A, B, … Z, AA. */
  columnLetters: string[];
  /** 0-based columns of the field: the cell to mark in `row`. */
  marked: number[];
}

export type RowPreviewOutcome = ({ ok: true } & RowPreview) | ({ ok: false } & UnreadSubmission);

/**
 * The row an issue points at, from the same grid the aggregation read: header, the row with a
 * few neighbours, and the column of the field, so a page can show the bad cell marked.
 */
export function previewRow(request: RowPreviewRequest, campaign: TableCampaign): RowPreviewOutcome {
  const read = readSubmissionTables(request.data, request.path, campaign, request);
  if ('code' in read) return { ok: false, ...read };
  const sheet = read.sheets.find((candidate) => candidate.name === request.sheet) ?? read.sheets[0];
  if (!sheet) {
    const empty = { header: [], rows: [], columnCount: 0, columnLetters: [], marked: [] };
    return { ok: true, sheet: '', row: request.row, ...empty };
  }
  const rows = rowsByNumber(sheet);
  const table = tableAt(read.tables, sheet.name, request.row);
  const context = request.context ?? 2;
  const header: PreviewRow[] = [];
  // Neighbours stay below the header: the header is shown once, on top.
  let first = Math.max(1, request.row - context);
  if (table) {
    for (let row = table.headerRow; row <= table.headerEnd; row++)
      header.push({ row, cells: rowTexts(rows.get(row)) });
    if (request.row > table.headerEnd) first = Math.max(first, table.headerEnd + 1);
  }
  const shown: PreviewRow[] = [];
  for (let row = first; row <= request.row + context; row++) {
    if (header.some((entry) => entry.row === row)) continue;
    const found = rows.get(row);
    if (found || row === request.row) shown.push({ row, cells: rowTexts(found) });
  }
  const marked = table && request.field ? fieldColumns(table, request.field) : [];
  const columnCount = Math.max(
    0,
    ...[...header, ...shown].map((entry) => entry.cells.length),
    ...marked.map((column) => column + 1),
  );
  return {
    ok: true,
    sheet: sheet.name,
    row: request.row,
    header,
    rows: shown,
    columnCount,
    columnLetters: Array.from({ length: columnCount }, (_, column) => columnLetter(column)),
    marked,
  };
}
