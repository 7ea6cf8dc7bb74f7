import { columnLetter } from '@jianshen/ooxml';
import type { GridSheet, ReaderNote } from '../read/grid.js';
import type { FoundTable } from './find-tables.js';

/**
 * Rows this far below a sheet's last table row are not part of it: a footer, a blank line and a
 * signature line sit within a few rows; a cell 200,000 rows down is a stray keystroke.
 */
export const farRows = 100;

/**
 * A cell with content far below the sheet's tables, as a warning naming the first one (the
 * file is read, not refused: the row limit counts rows with content). One note per sheet.
 */
export function farCellNote(sheet: GridSheet, tables: readonly FoundTable[]): ReaderNote | undefined {
  const here = tables.filter((table) => table.sheet === sheet.name);
  if (here.length === 0) return undefined;
  const last = Math.max(
    ...here.map((table) => Math.max(table.headerEnd, ...table.rows.map((row) => row.row))),
  );
  for (const row of sheet.rows) {
    if (row.row <= last + farRows) continue;
    const column = row.cells.findIndex((cell) => cell !== undefined && cell !== null && cell !== '');
    if (column === -1) continue;
    const value = String(row.cells[column]).slice(0, 50);
    return {
      code: 'cell-outside-table',
      row: row.row,
      data: { cell: `${columnLetter(column)}${row.row}`, last, value },
    };
  }
  return undefined;
}
