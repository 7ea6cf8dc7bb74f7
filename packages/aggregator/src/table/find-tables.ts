import type { CellValue, ResolvedField } from '@jianshen/schema';
import type { GridSheet } from '../read/grid.js';
import { farRows } from './far-cells.js';
import {
  createLabelMatcher,
  dateStartKey,
  type LabelMatcher,
  modeOfflineKey,
  modeOnlineKey,
} from './labels.js';
import { createView, type SheetView } from './sheet-view.js';
import { type HeaderMatch, isHeader, matchHeaderRow, tableHeader } from './table-header.js';
import { type RowReader, readTableRow } from './table-rows.js';
import { guessUnit, type UnitSource, unitFromLine, unitInRow } from './table-unit.js';

export { unitFromLine };

/** Why a row inside a table was not read as data; counted in the report, never silent. */
export type SkipReason = 'blank' | 'footer' | 'example' | 'heading';

export interface SkippedCounts {
  blank: number;
  footer: number;
  example: number;
  heading: number;
}

export function emptySkipped(): SkippedCounts {
  return { blank: 0, footer: 0, example: 0, heading: 0 };
}

export interface DataRow {
  /** 1-based row as the clerk sees it. */
  row: number;
  /** Raw cells by field key. */
  cells: Record<string, CellValue>;
  /** Cells under unknown columns, by header text. */
  extra: Record<string, string>;
  /** From a 来源单位 column, when the table has one (a consolidated workbook read again). */
  unit?: string;
}

export interface FoundTable {
  sheet: string;
  /** The unit from the 单位名称（盖章） line, or a guess (see `unitSource`). */
  unit: string;
  unitSource: UnitSource;
  /** First and last header row (two-row headers). */
  headerRow: number;
  headerEnd: number;
  /** 0-based column → field key. */
  columns: Map<number, string>;
  /** Header cells that name no field: 0-based column and text. */
  unknownColumns: { column: number; label: string }[];
  /** Required fields without a column. */
  missingFields: ResolvedField[];
  rows: DataRow[];
  skipped: SkippedCounts;
  /** Rows of each skipped kind, for the report's detail. */
  skippedRows: { row: number; reason: SkipReason }[];
  /** 0-based column of 序号, when the table has one. */
  seqColumn?: number;
  /** The row of a "无" return (本单位无活动): the unit reported, and had nothing to report. */
  nilReturn?: number;
  /** The sheet whose table this one continues (its header not repeated on this sheet). */
  continues?: string;
}

export interface FindTablesOptions {
  /** Unit used when no 单位名称 line is found: the file name without folder and extension. */
  fallbackUnit: string;
  /** Expected units: a title, sheet name or file name that names one gives the unit. */
  expectedUnits?: readonly string[];
  /**
   * The last table of the sheet before this one: a sheet without a header of its own whose rows
   * fit that table's columns continues it (see `continuedTable`).
   */
  continues?: FoundTable;
}

/** The table finder's state as it goes down a sheet. */
interface Scan extends RowReader {
  sheet: GridSheet;
  matcher: LabelMatcher;
  fields: readonly ResolvedField[];
  options: FindTablesOptions;
  tables: FoundTable[];
  current: FoundTable | undefined;
  pendingUnit: string | undefined;
  previousRow: number;
}

/**
 * Finds every statistics table in a sheet: header rows by their labels (one or two rows), the
 * unit from the 单位名称（盖章） line before each, and the data rows until the next table,
 * with blank, footer, example and heading rows counted apart. A sheet with no header of its own
 * may continue the previous sheet's table.
 */
export function findTables(
  sheet: GridSheet,
  fields: readonly ResolvedField[],
  options: FindTablesOptions,
): FoundTable[] {
  const found = scanSheet(startScan(sheet, fields, options));
  if (found.length > 0 || !options.continues) return found;
  const scan = startScan(sheet, fields, options);
  const continued = continuedTable(scan, options.continues);
  if (!continued) return found;
  scan.current = continued;
  return scanSheet(scan);
}

function startScan(sheet: GridSheet, fields: readonly ResolvedField[], options: FindTablesOptions): Scan {
  const scan: Scan = {
    sheet,
    view: createView(sheet),
    matcher: createLabelMatcher(fields),
    fields,
    options,
    tables: [],
    current: undefined,
    pendingUnit: undefined,
    titleLines: [],
    previousRow: 0,
    columnLists: new Map(),
    trailingBlanks: [],
  };
  // Paragraphs before a Word table: its unit line and its title.
  for (const line of sheet.leadingLines ?? []) {
    const unit = unitFromLine(line);
    if (unit) scan.pendingUnit = unit;
    else scan.titleLines.push(line);
  }
  return scan;
}

function scanSheet(scan: Scan): FoundTable[] {
  const rows = scan.sheet.rows;
  for (let index = 0; index < rows.length; index++) scanRow(scan, rows[index]?.row ?? 0);
  closeTable(scan);
  return scan.tables;
}

function scanRow(scan: Scan, rowNumber: number): void {
  const { view } = scan;
  if (scan.current && rowNumber <= scan.current.headerEnd) {
    scan.previousRow = rowNumber;
    return;
  }
  // A row this far below the one before it is a stray keystroke, not the table going on: the
  // table ends, and the row is named by the far-cell warning instead of read as data.
  if (scan.current && rowNumber - Math.max(scan.previousRow, scan.current.headerEnd) > farRows) {
    closeTable(scan);
  }
  countGap(scan, rowNumber);
  scan.previousRow = rowNumber;
  // Inside a table, a row numbered in its 序号 column is data: no header is numbered.
  const seqColumn = scan.current?.seqColumn;
  const numbered = seqColumn !== undefined && /^\d+$/.test(view.textAt(rowNumber, seqColumn));
  const header = numbered ? undefined : matchHeaderRow(view, scan.matcher, rowNumber);
  if (header && isHeader(header)) {
    openTable(scan, header, rowNumber);
    return;
  }
  const unit = unitInRow(view, rowNumber);
  if (unit !== undefined) {
    unitLine(scan, unit);
    return;
  }
  if (scan.current) readTableRow(scan, scan.current, rowNumber);
  else scan.titleLines.push(...view.texts(rowNumber).filter((value) => value !== ''));
}

/** Rows absent from the file between two rows of a table are blank rows the clerk left. */
function countGap(scan: Scan, rowNumber: number): void {
  const current = scan.current;
  if (!current) return;
  for (let gap = Math.max(scan.previousRow, current.headerEnd) + 1; gap < rowNumber; gap++) {
    current.skipped.blank++;
    current.skippedRows.push({ row: gap, reason: 'blank' });
    scan.trailingBlanks.push(gap);
  }
}

function unitLine(scan: Scan, unit: string): void {
  const current = scan.current;
  // A unit line under a table that had none above it (填报单位 at the bottom) is that table's.
  if (current && unit !== '' && current.unitSource !== 'unit-line' && current.rows.length > 0) {
    current.unit = unit;
    current.unitSource = 'unit-line';
  }
  closeTable(scan);
  scan.pendingUnit = unit === '' ? undefined : unit;
}

function closeTable(scan: Scan): void {
  const current = scan.current;
  if (!current) return;
  // Blank rows after the last data row are the template's unused rows, not skipped data.
  const trailing = new Set(scan.trailingBlanks);
  current.skipped.blank -= trailing.size;
  current.skippedRows = current.skippedRows.filter((entry) => !trailing.has(entry.row));
  scan.trailingBlanks = [];
  scan.tables.push(current);
  scan.current = undefined;
}

function openTable(scan: Scan, header: HeaderMatch, rowNumber: number): void {
  closeTable(scan);
  const { headerEnd, columns, unknownColumns } = tableHeader(scan.view, scan.matcher, header, rowNumber);
  const keys = new Set(columns.values());
  if (keys.has(dateStartKey)) keys.add('date');
  if (keys.has(modeOnlineKey) || keys.has(modeOfflineKey)) keys.add('mode');
  const { unit, unitSource } = scan.pendingUnit
    ? { unit: scan.pendingUnit, unitSource: 'unit-line' as const }
    : guessUnit({
        titleLines: scan.titleLines,
        sheetName: scan.sheet.name,
        fileName: scan.options.fallbackUnit,
        expectedUnits: scan.options.expectedUnits ?? [],
      });
  const seqColumn = [...columns].find(([, key]) => key === 'seq')?.[0];
  scan.current = {
    ...(seqColumn !== undefined ? { seqColumn } : {}),
    sheet: scan.sheet.name,
    unit,
    unitSource,
    headerRow: rowNumber,
    headerEnd,
    columns,
    unknownColumns,
    missingFields: scan.fields.filter((field) => field.required && !keys.has(field.key)),
    rows: [],
    skipped: emptySkipped(),
    skippedRows: [],
  };
  scan.pendingUnit = undefined;
  scan.titleLines = [];
}

/**
 * The rule for a table continued on the next sheet, the same as for a Word table split by a page
 * break: the previous table runs to the end of its sheet (nothing but blank rows after its last
 * data row: no footer, no unit line), and this sheet, which has no header of its own, starts
 * with a row that reads as data in that table's columns (values in three of its fields or more,
 * nothing beyond its last column). Its rows are then read with that table's columns and unit.
 */
function continuedTable(scan: Scan, previous: FoundTable): FoundTable | undefined {
  const lastData = previous.rows[previous.rows.length - 1]?.row;
  if (lastData === undefined || previous.nilReturn !== undefined) return undefined;
  if (previous.skippedRows.some((entry) => entry.row > lastData && entry.reason !== 'blank'))
    return undefined;
  const first = scan.sheet.rows.find((row) => scan.view.texts(row.row).some((value) => value !== ''));
  if (!first || !readsAsData(scan.view, previous, first.row)) return undefined;
  const { rows: _rows, skipped: _skipped, skippedRows: _skippedRows, nilReturn: _nil, ...shape } = previous;
  return {
    ...shape,
    sheet: scan.sheet.name,
    headerRow: 0,
    headerEnd: 0,
    rows: [],
    skipped: emptySkipped(),
    skippedRows: [],
    continues: previous.continues ?? previous.sheet,
  };
}

function readsAsData(view: SheetView, table: FoundTable, rowNumber: number): boolean {
  const texts = view.texts(rowNumber);
  const lastColumn = Math.max(...table.columns.keys(), ...table.unknownColumns.map((entry) => entry.column));
  if (texts.some((value, column) => value !== '' && column > lastColumn)) return false;
  if (unitInRow(view, rowNumber) !== undefined) return false;
  let filled = 0;
  for (const [column, key] of table.columns) if (key !== 'seq' && texts[column]) filled++;
  return filled >= 3;
}
