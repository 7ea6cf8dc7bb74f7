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

/** A (1-based) column number as Excel letters: 1 → A, 27 → AA. */
export function columnLetter(column: number): string {
  let letters = '';
  let rest = column;
  while (rest > 0) {
    const remainder = (rest - 1) % 26;
    letters = String.fromCharCode(65 + remainder) + letters;
    rest = Math.floor((rest - 1) / 26);
  }
  return letters;
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
    lastColumn: columnLetter(columnCount),
  };
}

/** Worksheet names may not contain []:*?/\ nor start or end with an apostrophe, and hold 31 characters. */
export function safeSheetName(name: string, fallback: string): string {
  const cleaned = name
    .replace(/[[\]:*?/\\']/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 31)
    .trim();
  return cleaned === '' || cleaned.toLowerCase() === 'history' ? fallback : cleaned;
}
