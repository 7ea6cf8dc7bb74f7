import { type CellValue, normalizeText } from '@jianshen/schema';
import type { GridRow, GridSheet, MergeRange } from '../read/grid.js';

/**
 * A sheet as the table finder reads it: rows by number, merges by cell, every cell's normalised
 * text made once. Every reader's grid is read through this one view.
 */
export interface SheetView {
  /** Cells as read, plus merge origins copied into every cell of a merge (for headers). */
  filled(row: number, column: number): CellValue;
  /** The normalised text of `filled`. */
  filledText(row: number, column: number): string;
  /** Cells with vertical merges filled down (for data): one 举办单位 for three activities. */
  data(row: number, column: number): CellValue;
  /** The normalised text of a cell as read ('' when empty). */
  textAt(row: number, column: number): string;
  /** The normalised texts of a row's cells, by column. */
  texts(row: number): readonly string[];
  /** The normalised text of `data`. */
  dataText(row: number, column: number): string;
  hasMerges: boolean;
  /** The merge a cell is part of. */
  mergeAt(row: number, column: number): MergeRange | undefined;
  /**
   * False when no cell of the row is part of a merge: `data` and `dataText` are then the row's
   * own cells and `texts`, read without a lookup per cell (most data rows).
   */
  rowHasMerges(row: number): boolean;
  row(number: number): GridRow | undefined;
  width: number;
}

// Merge lookups key a cell as one number: columns stop at 16,384 (XFD) in every format read.
const columnSpan = 16_384;

export function createView(sheet: GridSheet): SheetView {
  const byNumber = new Map<number, GridRow>(sheet.rows.map((row) => [row.row, row]));
  const mergeIndex = new Map<number, MergeRange>();
  const mergedRows = new Set<number>();
  // Merges are indexed cell by cell, capped so a sheet-wide merge cannot cost gigabytes.
  let budget = 200_000;
  for (const range of sheet.merges) {
    for (let row = range.top; row <= range.bottom && budget > 0; row++) {
      for (let column = range.left; column <= range.right && budget > 0; column++, budget--) {
        mergeIndex.set(row * columnSpan + column, range);
        mergedRows.add(row);
      }
    }
  }
  const hasMerges = mergeIndex.size > 0;
  const mergeAt = (row: number, column: number) =>
    hasMerges ? mergeIndex.get(row * columnSpan + column) : undefined;
  // Every cell is normalised once: header, unit-line, footer and data checks all read the text.
  const textCache = new Map<number, string[]>();
  const texts = (number: number): string[] => {
    let cached = textCache.get(number);
    if (!cached) {
      const row = byNumber.get(number);
      cached = row?.texts ?? (row?.cells ?? []).map((cell) => normalizeText(cell));
      textCache.set(number, cached);
    }
    return cached;
  };
  const textAt = (row: number, column: number) => texts(row)[column] ?? '';
  const origin = (row: number, column: number) => byNumber.get(row)?.cells[column];
  const width = sheet.rows.reduce((max, row) => Math.max(max, row.cells.length), 0);
  return {
    row: (number) => byNumber.get(number),
    mergeAt,
    rowHasMerges: (row) => hasMerges && mergedRows.has(row),
    texts,
    textAt,
    filled(row, column) {
      const range = mergeAt(row, column);
      return range ? origin(range.top, range.left) : origin(row, column);
    },
    filledText(row, column) {
      const range = mergeAt(row, column);
      return range ? textAt(range.top, range.left) : textAt(row, column);
    },
    data(row, column) {
      const range = mergeAt(row, column);
      if (range && range.bottom > range.top) return origin(range.top, range.left);
      return origin(row, column);
    },
    dataText(row, column) {
      const range = mergeAt(row, column);
      if (range && range.bottom > range.top) return textAt(range.top, range.left);
      return textAt(row, column);
    },
    hasMerges,
    width,
  };
}
