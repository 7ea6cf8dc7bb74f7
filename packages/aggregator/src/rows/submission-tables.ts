import type { InflateRaw } from '@jianshen/ooxml';
import type { ResolvedCampaign } from '@jianshen/plugin-kit';
import { type CellValue, type IssueData, type MessageCode, normalizeText } from '@jianshen/schema';
import { type ReadLimits, resolveLimits } from '../limits.js';
import { workbookTables } from '../prepare/prepare-submission.js';
import type { GridRow, GridSheet } from '../read/grid.js';
import { readSubmission } from '../read/read-submission.js';
import type { FoundTable } from '../table/find-tables.js';
import { dateEndKey, dateStartKey, modeOfflineKey, modeOnlineKey } from '../table/labels.js';

/** What reading a submission again needs of the campaign: the same as checking it did. */
export type TableCampaign = Pick<ResolvedCampaign, 'fields' | 'expectedUnits'>;

export interface ReadAgainOptions {
  limits?: Partial<ReadLimits>;
  inflateRaw?: InflateRaw;
}

/** A submission read again into the grids and tables the aggregation saw. */
export interface SubmissionTables {
  sheets: GridSheet[];
  tables: FoundTable[];
}

/** Why a submission could not be read again: the code and data its file's issue carries. */
export interface UnreadSubmission {
  code: MessageCode;
  data: IssueData;
}

/**
 * Reads a submission the way `aggregate` did (same reader, same table finder, same fallback
 * unit), so a row number, sheet and field from an issue point at the same cells.
 */
export async function readSubmissionTables(
  data: Uint8Array,
  path: string,
  campaign: TableCampaign,
  options: ReadAgainOptions = {},
): Promise<SubmissionTables | UnreadSubmission> {
  const outcome = await readSubmission(
    data,
    path,
    resolveLimits(options.limits),
    options.inflateRaw ? { inflateRaw: options.inflateRaw } : {},
  );
  if (!outcome.ok) return { code: outcome.code, data: outcome.data };
  const sheets = outcome.workbook.sheets;
  return { sheets, tables: workbookTables(outcome.workbook, path, campaign) };
}

/** The table a row belongs to: the last one on its sheet whose header starts at or above it. */
export function tableAt(tables: readonly FoundTable[], sheet: string, row: number): FoundTable | undefined {
  let found: FoundTable | undefined;
  for (const table of tables) if (table.sheet === sheet && table.headerRow <= row) found = table;
  return found;
}

/**
 * The 0-based columns holding a field: its own column, or for 举办时间 the separate start and
 * end columns, for 举办方式 the tick columns 线上 | 线下, a table may have instead.
 */
export function fieldColumns(table: FoundTable, field: string): number[] {
  const keys =
    field === 'date'
      ? new Set(['date', dateStartKey, dateEndKey])
      : field === 'mode'
        ? new Set(['mode', modeOnlineKey, modeOfflineKey])
        : new Set([field]);
  return [...table.columns.entries()]
    .filter(([, key]) => keys.has(key))
    .map(([column]) => column)
    .sort((a, b) => a - b);
}

/** A cell as the clerk typed it: text untouched, numbers and dates as the reader gave them. */
export function cellText(value: CellValue): string {
  return typeof value === 'string' ? value : normalizeText(value);
}

/** The texts of a grid row, by 0-based column. */
export function rowTexts(row: GridRow | undefined): string[] {
  // Array.from, not map: a sparse row (cells the file never wrote) gives '', not holes.
  return Array.from(row?.cells ?? [], cellText);
}

/** A sheet's rows by their 1-based number. */
export function rowsByNumber(sheet: GridSheet): Map<number, GridRow> {
  return new Map(sheet.rows.map((row) => [row.row, row]));
}
