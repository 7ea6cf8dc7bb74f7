import { columnLetter } from '@jianshen/ooxml';

/** Where things sit on the table sheet; readers find the header by its texts, tests and docs by these. */
export interface TemplateLayout {
  /** Merged title row (campaign.tableTitle). */
  titleRow: number;
  /** The 单位名称（盖章）： line; the unit's name goes in `unitCell`. */
  unitRow: number;
  /** Address of the (merged, unlocked) cell for the unit's name: `C2`. */
  unitCell: string;
  /** The merged range of that cell: `C2:E2` (the label 单位名称（盖章）： spans A2:B2). */
  unitRange: string;
  headerRow: number;
  firstInputRow: number;
  lastInputRow: number;
  /** Number of columns: one per campaign field. */
  columnCount: number;
  /** Letter of the last column, e.g. `I`. */
  lastColumn: string;
}

/**
 * The layout of a table with `columnCount` columns (at least the nine built-in ones, which the
 * unit line relies on) and `rows` input rows.
 */
export function templateLayout(columnCount: number, rows: number): TemplateLayout {
  const headerRow = 3;
  return {
    titleRow: 1,
    unitRow: 2,
    unitCell: 'C2',
    unitRange: 'C2:E2',
    headerRow,
    firstInputRow: headerRow + 1,
    lastInputRow: headerRow + rows,
    columnCount,
    lastColumn: columnLetter(columnCount - 1),
  };
}
