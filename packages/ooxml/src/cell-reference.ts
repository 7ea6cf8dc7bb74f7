/**
 * A1-style references. Columns are 0-based everywhere in the kit (column 0 is A): one
 * convention, so no caller adds or subtracts one on the way in.
 */

/** Letters of a 0-based column index: 0 → A, 25 → Z, 26 → AA. */
export function columnLetter(index: number): string {
  let letters = '';
  for (let rest = index + 1; rest > 0; rest = Math.floor((rest - 1) / 26)) {
    letters = String.fromCharCode(65 + ((rest - 1) % 26)) + letters;
  }
  return letters;
}

/** The 0-based column of a reference's leading upper-case letters (`AB12` → 27). */
export function columnIndex(reference: string): number {
  let index = 0;
  for (const char of reference) {
    const code = char.charCodeAt(0);
    if (code < 65 || code > 90) break;
    index = index * 26 + (code - 64);
  }
  return index - 1;
}

/** A cell's 1-based row and 0-based column. */
export interface CellPosition {
  row: number;
  column: number;
}

/**
 * A cell reference such as B12 or $AB$7 (letters in either case), read character by character:
 * it is parsed once per cell, where a regular expression cost 7% of reading a sheet. The checks
 * are `cellReferenceColumn`'s; past them, the row is the reference's trailing digits.
 */
export function parseCellReference(reference: string): CellPosition | undefined {
  const column = cellReferenceColumn(reference);
  if (column < 0) return undefined;
  let row = 0;
  let scale = 1;
  for (let at = reference.length - 1; at >= 0; at--) {
    const code = reference.charCodeAt(at);
    if (code < 48 || code > 57) break;
    row += (code - 48) * scale;
    scale *= 10;
  }
  return { column, row };
}

/**
 * The 0-based column of a cell reference, -1 when `parseCellReference` would refuse it: the same
 * checks without the position object, for a reader that needs only the column (a worksheet's
 * `<c r="B12">`, a million of them in a county's batch).
 */
export function cellReferenceColumn(reference: string): number {
  return cellReferenceColumnIn(reference, 0, reference.length);
}

/**
 * `cellReferenceColumn` of `text[from, to)`, read in place: a worksheet reader looks at `r`
 * where the tokenizer found it in the chunk, without slicing a string per cell.
 */
export function cellReferenceColumnIn(text: string, from: number, to: number): number {
  let at = text.charCodeAt(from) === 36 && from < to ? from + 1 : from; // $
  let column = 0;
  let letters = 0;
  for (; at < to && letters <= 3; at++, letters++) {
    const code = text.charCodeAt(at) & ~32; // upper case
    if (code < 65 || code > 90) break;
    column = column * 26 + (code - 64);
  }
  if (letters === 0 || letters > 3) return -1;
  if (at < to && text.charCodeAt(at) === 36) at++;
  if (at >= to) return -1;
  for (; at < to; at++) {
    const code = text.charCodeAt(at);
    if (code < 48 || code > 57) return -1;
  }
  return column - 1;
}

/** A rectangle of cells: 1-based rows, 0-based columns, both ends included. */
export interface CellRange {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

/** `B2:D5` (either corner first) or a single cell `B2`, as a range; undefined when malformed. */
export function parseRange(reference: string): CellRange | undefined {
  const [from, to] = reference.split(':');
  const start = from ? parseCellReference(from) : undefined;
  const end = to ? parseCellReference(to) : start;
  if (!start || !end) return undefined;
  return {
    top: Math.min(start.row, end.row),
    bottom: Math.max(start.row, end.row),
    left: Math.min(start.column, end.column),
    right: Math.max(start.column, end.column),
  };
}
