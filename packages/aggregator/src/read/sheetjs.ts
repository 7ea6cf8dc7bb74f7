import { columnLetter } from '@jianshen/ooxml';
import type { CellValue } from '@jianshen/schema';
import { excelSerialToIsoDay, phrase } from '@jianshen/schema/reading';
import { LimitError, type ReadLimits } from '../limits.js';
import type { GridRow, GridSheet, GridWorkbook, MergeRange } from './grid.js';
import { isDateFormatCode } from './xlsx.js';

/**
 * The formats read with SheetJS: Excel 97–2003 and WPS .et (BIFF8 in OLE2), HTML tables and
 * Excel 2003 XML (both text, often saved as .xls by exporters).
 */
export type SheetJsFormat = 'xls' | 'html' | 'spreadsheetml';

/** The part of a SheetJS cell read here (`dense` mode). */
interface SheetJsCell {
  t: string;
  v?: unknown;
  z?: unknown;
  w?: string;
}

interface SheetJsSheet {
  '!data'?: (SheetJsCell[] | undefined)[];
  '!merges'?: { s: { r: number; c: number }; e: { r: number; c: number } }[];
}

interface SheetJsBook {
  SheetNames: string[];
  Sheets: Record<string, SheetJsSheet>;
  Workbook?: { WBProps?: { date1904?: boolean }; Sheets?: { name?: string; Hidden?: number }[] };
}

type SheetJsModule = { read(data: Uint8Array | string, options: Record<string, unknown>): SheetJsBook };

let loading: Promise<SheetJsModule> | undefined;

/**
 * SheetJS is imported only when a legacy workbook or an HTML table arrives: it is ~500 KB of
 * code that .xlsx, .docx and CSV submissions (and the page until such a file is chosen) never
 * load. `@e965/xlsx` is SheetJS CE 0.20.3 republished; `xlsx` on npm stops at 0.18.5, which has
 * the prototype-pollution and ReDoS advisories.
 */
function loadSheetJs(): Promise<SheetJsModule> {
  loading ??= import('@e965/xlsx') as unknown as Promise<SheetJsModule>;
  return loading;
}

/**
 * Reads an .xls/.et workbook, an HTML table or an Excel 2003 XML workbook (text, decoded by the
 * caller) into the same grid as the .xlsx reader: rows
 * 1-based, merges, date cells as UTC calendar days in the workbook's date system (1900 or 1904),
 * rich text as the text the person sees, hidden sheets marked.
 */
export async function readWithSheetJs(
  data: Uint8Array | string,
  format: SheetJsFormat,
  limits: ReadLimits,
): Promise<GridWorkbook> {
  const sheetJs = await loadSheetJs();
  // HTML cells are text as typed: `raw` keeps 0357… phones and 2024-06-01 from being turned into
  // numbers and dates (as the CSV reader does); BIFF cells carry their own types.
  const book = sheetJs.read(data, {
    type: typeof data === 'string' ? 'string' : 'array',
    dense: true,
    cellNF: true,
    cellHTML: false,
    cellFormula: false,
    ...(format === 'html' ? { raw: true } : {}),
  });
  if (book.SheetNames.length > limits.maxSheets) {
    throw new LimitError('maxSheets', phrase('sheets-over', { max: limits.maxSheets }));
  }
  const date1904 = book.Workbook?.WBProps?.date1904 === true;
  const hidden = new Set(
    (book.Workbook?.Sheets ?? []).filter((sheet) => (sheet.Hidden ?? 0) > 0).map((sheet) => sheet.name),
  );
  const sheets = book.SheetNames.map((name) => {
    const grid = gridSheet(name, book.Sheets[name] ?? {}, { date1904, limits });
    return hidden.has(name) ? { ...grid, hidden: true } : grid;
  });
  return { format: format === 'xls' ? 'xls' : 'html', sheets, date1904 };
}

interface CellContext {
  date1904: boolean;
  limits: ReadLimits;
}

function gridSheet(name: string, sheet: SheetJsSheet, context: CellContext): GridSheet {
  const { limits } = context;
  const data = sheet['!data'] ?? [];
  if (data.length > limits.maxRows) {
    throw new LimitError('maxRows', phrase('sheet-rows-over', { sheet: name, max: limits.maxRows }));
  }
  const rows: GridRow[] = [];
  for (let index = 0; index < data.length; index++) {
    const cells = gridCells(data[index], { sheet: name, rowNumber: index + 1, ...context });
    if (cells.length > 0) rows.push({ row: index + 1, cells });
  }
  const merges: MergeRange[] = (sheet['!merges'] ?? []).map((range) => ({
    top: range.s.r + 1,
    left: range.s.c,
    bottom: range.e.r + 1,
    right: range.e.c,
  }));
  return { name, rows, merges };
}

function gridCells(
  row: SheetJsCell[] | undefined,
  context: CellContext & { sheet: string; rowNumber: number },
): CellValue[] {
  const cells: CellValue[] = [];
  if (!row) return cells;
  const { limits, sheet, rowNumber } = context;
  if (row.length > limits.maxColumns && row.slice(limits.maxColumns).some((cell) => cell !== undefined)) {
    throw new LimitError('maxColumns', phrase('sheet-columns-over', { sheet, max: limits.maxColumns }));
  }
  for (let column = 0; column < row.length; column++) {
    const value = cellValue(row[column], context.date1904);
    if (value === undefined || value === '') continue;
    if (typeof value === 'string' && value.length > limits.maxCellLength) {
      throw new LimitError(
        'maxCellLength',
        phrase('sheet-cell-too-long', {
          sheet,
          cell: `${columnLetter(column)}${rowNumber}`,
          max: limits.maxCellLength,
        }),
      );
    }
    cells[column] = value;
  }
  return cells;
}

/** A cell as the xlsx reader gives it: a number in a date format is the calendar day it shows. */
function cellValue(cell: SheetJsCell | undefined, date1904: boolean): CellValue {
  if (!cell) return undefined;
  const { t: type, v: value } = cell;
  if (type === 's' || type === 'str') return typeof value === 'string' ? value : String(value ?? '');
  if (type === 'b') return value === true;
  // An error cell (#N/A, #DIV/0!) shows its text, as the xlsx reader keeps it.
  if (type === 'e') return cell.w ?? '';
  if (type === 'd' && value instanceof Date) {
    return new Date(`${value.toISOString().slice(0, 10)}T00:00:00Z`);
  }
  if (type !== 'n' || typeof value !== 'number') return undefined;
  if (typeof cell.z === 'string' && isDateFormatCode(cell.z)) {
    const day = excelSerialToIsoDay(value, date1904);
    if (day !== undefined) return new Date(`${day}T00:00:00Z`);
  }
  return value;
}
