import type { ReaderNote } from './grid.js';

/**
 * Tables a clerk put inside a cell of the statistics table (a list of sub-activities in 活动简介):
 * their text is folded into the cell, as Word shows it, and each such cell is reported with the
 * number of rows it holds, so activities listed there are not counted as one silently.
 */
export interface NestedTableTracker {
  /** A row of a table nested in the current outer cell ended. */
  nestedRowEnded(): void;
  /** The outer cell at this row (1-based) and column (0-based) ended. */
  outerCellEnded(row: number, column: number): void;
  /** The notes of the table just finished; starts over for the next one. */
  take(): ReaderNote[];
}

export function createNestedTableTracker(): NestedTableTracker {
  let rowsInCell = 0;
  let notes: ReaderNote[] = [];
  return {
    nestedRowEnded() {
      rowsInCell++;
    },
    outerCellEnded(row, column) {
      if (rowsInCell > 0)
        notes.push({ code: 'nested-table', row, data: { column: column + 1, rows: rowsInCell } });
      rowsInCell = 0;
    },
    take() {
      const taken = notes;
      notes = [];
      return taken;
    },
  };
}
