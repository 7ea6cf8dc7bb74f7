import type { CellValue } from '@jianshen/schema';
import { normalizeText } from '@jianshen/schema/reading';
import { mergeObjects } from '../merge-objects.js';
import type { GridRow, GridSheet, GridWorkbook } from './grid.js';

/**
 * A grid workbook in the form a reading thread hands it back: the cells of every sheet in a few
 * flat arrays (one transferred buffer each, and arrays of strings) instead of an object per row
 * and an array per row's cells: the read pool's rows, sent as objects, cost ~800 ms a batch to
 * clone and deserialise (`PackedRows`), so grids travel packed from the start; unpacking the
 * medium batch's (120 files × 800 rows) takes 50-80 ms on the main thread (profile).
 * The text cells' `normalizeText` is made on the reading thread too (the table finder reads it
 * for every cell): only where it differs from the cell does it travel.
 */
export interface PackedWorkbook {
  format: GridWorkbook['format'];
  date1904: boolean;
  templateMarker?: string;
  /** Each sheet without its rows, and how many rows of the arrays below are its. */
  sheets: PackedSheet[];
  /** Per row, every sheet's rows in order: its number, its width, and how many cells it has. */
  rowNumbers: Int32Array;
  rowWidths: Int32Array;
  rowCells: Int32Array;
  /** Per cell present, in order: its column and what kind of value it holds (`CellKind`). */
  columns: Int32Array;
  kinds: Uint8Array;
  /** The text cells' values, in order. */
  texts: string[];
  /** `normalizeText` of the text cells it changes (`CellKind.changedText`), in order. */
  normalized: string[];
  /** The number cells' values and the date cells' times, in order. */
  numbers: Float64Array;
}

export interface PackedSheet extends Omit<GridSheet, 'rows'> {
  rowCount: number;
}

/**
 * What a cell holds; a hole (no cell at that column) is not packed at all. A text is `text` when
 * `normalizeText` gives it back unchanged (most cells), else `changedText`.
 */
const CellKind = {
  undefined: 0,
  null: 1,
  text: 2,
  number: 3,
  false: 4,
  true: 5,
  date: 6,
  changedText: 7,
} as const;

function kindOf(value: CellValue): number {
  if (typeof value === 'string') return CellKind.text;
  if (typeof value === 'number') return CellKind.number;
  if (value === undefined) return CellKind.undefined;
  if (value === null) return CellKind.null;
  if (typeof value === 'boolean') return value ? CellKind.true : CellKind.false;
  return CellKind.date;
}

/** Counts what the arrays must hold. */
function sizes(workbook: GridWorkbook): { rows: number; cells: number } {
  let rows = 0;
  let cells = 0;
  for (const sheet of workbook.sheets) {
    rows += sheet.rows.length;
    for (const row of sheet.rows) cells += row.cells.length;
  }
  return { rows, cells };
}

/** `workbook` packed, and the buffers to transfer with it. */
export function packWorkbook(workbook: GridWorkbook): { packed: PackedWorkbook; transfer: ArrayBuffer[] } {
  const size = sizes(workbook);
  const packed: PackedWorkbook = {
    format: workbook.format,
    date1904: workbook.date1904,
    ...(workbook.templateMarker !== undefined ? { templateMarker: workbook.templateMarker } : {}),
    sheets: workbook.sheets.map(({ rows, ...sheet }) => mergeObjects(sheet, { rowCount: rows.length })),
    rowNumbers: new Int32Array(size.rows),
    rowWidths: new Int32Array(size.rows),
    rowCells: new Int32Array(size.rows),
    columns: new Int32Array(size.cells),
    kinds: new Uint8Array(size.cells),
    texts: [],
    normalized: [],
    numbers: new Float64Array(size.cells),
  };
  let row = 0;
  let cell = 0;
  let number = 0;
  for (const sheet of workbook.sheets) {
    for (const gridRow of sheet.rows) {
      const first = cell;
      gridRow.cells.forEach((value, column) => {
        let kind = kindOf(value);
        if (kind === CellKind.text) {
          packed.texts.push(value as string);
          const text = normalizeText(value);
          if (text !== value) {
            kind = CellKind.changedText;
            packed.normalized.push(text);
          }
        } else if (kind === CellKind.number) packed.numbers[number++] = value as number;
        else if (kind === CellKind.date) packed.numbers[number++] = (value as Date).getTime();
        packed.columns[cell] = column;
        packed.kinds[cell++] = kind;
      });
      packed.rowNumbers[row] = gridRow.row;
      packed.rowWidths[row] = gridRow.cells.length;
      packed.rowCells[row++] = cell - first;
    }
  }
  packed.columns = packed.columns.slice(0, cell);
  packed.kinds = packed.kinds.slice(0, cell);
  packed.numbers = packed.numbers.slice(0, number);
  const { rowNumbers, rowWidths, rowCells, columns, kinds, numbers } = packed;
  const transfer = [rowNumbers, rowWidths, rowCells, columns, kinds, numbers].map(
    (array) => array.buffer as ArrayBuffer,
  );
  return { packed, transfer };
}

/** Reads packed cells back, row by row, with their normalised texts. */
class CellCursor {
  private cell = 0;
  private text = 0;
  private normalized = 0;
  private number = 0;
  constructor(private readonly packed: PackedWorkbook) {}

  row(at: number): GridRow {
    const { packed } = this;
    const cells: CellValue[] = [];
    const texts: string[] = [];
    const end = this.cell + (packed.rowCells[at] ?? 0);
    for (; this.cell < end; this.cell++) {
      const column = packed.columns[this.cell] ?? 0;
      const kind = packed.kinds[this.cell];
      const value = this.value(kind);
      cells[column] = value;
      if (kind === CellKind.text) texts[column] = value as string;
      else if (kind === CellKind.changedText) texts[column] = packed.normalized[this.normalized++] ?? '';
      else texts[column] = normalizeText(value);
    }
    // A row whose last cells are holes keeps its width.
    const width = packed.rowWidths[at] ?? cells.length;
    cells.length = width;
    texts.length = width;
    return { row: packed.rowNumbers[at] ?? 0, cells, texts };
  }

  private value(kind: number | undefined): CellValue {
    switch (kind) {
      case CellKind.text:
      case CellKind.changedText:
        return this.packed.texts[this.text++] ?? '';
      case CellKind.number:
        return this.packed.numbers[this.number++] ?? 0;
      case CellKind.date:
        return new Date(this.packed.numbers[this.number++] ?? Number.NaN);
      case CellKind.true:
        return true;
      case CellKind.false:
        return false;
      case CellKind.null:
        return null;
      default:
        return undefined;
    }
  }
}

/** The workbook `packWorkbook` packed, as it was, each row with its normalised `texts`. */
export function unpackWorkbook(packed: PackedWorkbook): GridWorkbook {
  const cursor = new CellCursor(packed);
  let row = 0;
  const sheets = packed.sheets.map(({ rowCount, ...sheet }): GridSheet => {
    const rows: GridRow[] = [];
    for (const end = row + rowCount; row < end; row++) rows.push(cursor.row(row));
    return mergeObjects(sheet, { rows });
  });
  return {
    format: packed.format,
    sheets,
    date1904: packed.date1904,
    ...(packed.templateMarker !== undefined ? { templateMarker: packed.templateMarker } : {}),
  };
}
