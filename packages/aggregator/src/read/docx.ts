import {
  createXmlStream,
  findEntry,
  rawCharsPerChar,
  readRelationships,
  relatedPart,
  streamEntryText,
  type ZipDirectory,
} from '@jianshen/ooxml';
import type { CellValue } from '@jianshen/schema';
import { phrase } from '@jianshen/schema/reading';
import { LimitError, type ReadLimits, UnreadableError } from '../limits.js';
import { mergeObjects } from '../merge-objects.js';
import { createNestedTableTracker, type NestedTableTracker } from './docx-nested.js';
import type { GridRow, GridSheet, GridWorkbook, MergeRange } from './grid.js';

interface CellDraft {
  column: number;
  span: number;
  /** `restart` opens a vertical merge, `continue` extends the one above. */
  vMerge?: 'restart' | 'continue';
  text: string;
}

/** The reader's state as it goes through document.xml. */
interface DocxState {
  limits: ReadLimits;
  sheets: GridSheet[];
  /** Paragraphs outside tables since the last table: its unit line and title. */
  paragraphs: string[];
  tableDepth: number;
  /** Inside mc:Fallback (text boxes come twice: mc:Choice and mc:Fallback; one is read). */
  fallbackDepth: number;
  paragraphText: string;
  inText: boolean;
  // State of the outermost table being read.
  rows: CellDraft[][];
  row: CellDraft[];
  cell: CellDraft | undefined;
  cellParagraphs: string[];
  column: number;
  /** Tables nested in the outer table's cells, reported rather than folded in silently. */
  nested: NestedTableTracker;
}

/**
 * Reads the tables of a Word document (the attachment filled in inside the notice). Each table
 * becomes a sheet (表格1, 表格2 …) whose rows are the table rows; paragraphs before a table are
 * kept as its leading lines, where the 单位名称（盖章） line usually is. gridSpan and vMerge are
 * turned into merges, like merged cells in a spreadsheet.
 */
export function readDocx(zip: ZipDirectory, limits: ReadLimits): GridWorkbook {
  const documentPart = documentPartOf(zip, limits);
  const entry = findEntry(zip, documentPart);
  if (!entry) {
    throw new UnreadableError(phrase('docx-no-document'));
  }
  const state: DocxState = {
    limits,
    sheets: [],
    paragraphs: [],
    tableDepth: 0,
    fallbackDepth: 0,
    paragraphText: '',
    inText: false,
    rows: [],
    row: [],
    cell: undefined,
    cellParagraphs: [],
    column: 0,
    nested: createNestedTableTracker(),
  };
  const stream = createXmlStream(documentPart, {
    open: (name, attributes) => openElement(state, name, attributes),
    close: (name) => closeElement(state, name),
    text(value) {
      if (state.inText && state.fallbackDepth === 0) state.paragraphText += value;
    },
  });
  streamEntryText(zip, entry, (text) => stream.write(text));
  stream.close();
  return { format: 'docx', sheets: state.sheets, date1904: false };
}

/** The main document part, as the package's relationships name it (word/document.xml mostly). */
function documentPartOf(zip: ZipDirectory, limits: ReadLimits): string {
  const root = readRelationships(zip, '', {
    maxText: limits.maxCellLength * rawCharsPerChar,
    onLongText() {},
  });
  const office = relatedPart(root, '', '/officeDocument');
  return office && findEntry(zip, office) ? office : 'word/document.xml';
}

function openElement(state: DocxState, name: string, attributes: Readonly<Record<string, string>>): void {
  if (name === 'Fallback' || state.fallbackDepth > 0) {
    state.fallbackDepth++;
    return;
  }
  if (!openTableElement(state, name, attributes)) openText(state, name);
}

/** Elements inside a table that shape the outermost table's grid. */
const gridElements = new Set(['tr', 'gridBefore', 'tc', 'gridSpan', 'vMerge']);

/**
 * Table structure: the nesting depth, and for the outermost table its rows, cells, spans and
 * vertical merges (nested tables only count depth; their text joins the outer cell).
 * Returns false when `name` is not a table element.
 */
function openTableElement(
  state: DocxState,
  name: string,
  attributes: Readonly<Record<string, string>>,
): boolean {
  if (name === 'tbl') {
    state.tableDepth++;
    return true;
  }
  if (!gridElements.has(name)) return false;
  if (state.tableDepth === 1) openGridElement(state, name, attributes['w:val'] ?? attributes.val);
  return true;
}

/** A row, cell, leading skipped columns, a span or a vertical merge of the outermost table. */
function openGridElement(state: DocxState, name: string, value: string | undefined): void {
  switch (name) {
    case 'tr':
      state.row = [];
      state.column = 0;
      break;
    case 'gridBefore':
      state.column += Number(value ?? 0) || 0;
      break;
    case 'tc':
      state.cell = { column: state.column, span: 1, text: '' };
      state.cellParagraphs = [];
      break;
    case 'gridSpan':
      if (state.cell) state.cell.span = Math.max(1, Number(value ?? 1) || 1);
      break;
    case 'vMerge':
      if (state.cell) state.cell.vMerge = value === 'restart' ? 'restart' : 'continue';
      break;
  }
}

function openText(state: DocxState, name: string): void {
  if (name === 'p') state.paragraphText = '';
  else if (name === 't') state.inText = true;
  else if (name === 'tab') state.paragraphText += ' ';
  else if (name === 'br' || name === 'cr') state.paragraphText += '\n';
}

function closeElement(state: DocxState, name: string): void {
  if (state.fallbackDepth > 0) {
    state.fallbackDepth--;
    return;
  }
  switch (name) {
    case 't':
      state.inText = false;
      break;
    case 'p':
      if (state.tableDepth === 0) {
        if (state.paragraphText.trim() !== '') state.paragraphs.push(state.paragraphText);
      } else {
        state.cellParagraphs.push(state.paragraphText);
      }
      state.paragraphText = '';
      break;
    case 'tc':
      if (state.tableDepth === 1 && state.cell) finishCell(state, state.cell);
      break;
    case 'tr':
      if (state.tableDepth === 2) state.nested.nestedRowEnded();
      if (state.tableDepth === 1) finishRow(state);
      break;
    case 'tbl':
      state.tableDepth--;
      if (state.tableDepth === 0) finishTable(state);
      break;
  }
}

function finishCell(state: DocxState, cell: CellDraft): void {
  const { limits } = state;
  state.nested.outerCellEnded(state.rows.length + 1, cell.column);
  cell.text = state.cellParagraphs.join('\n').replace(/\n+$/, '');
  if (cell.text.length > limits.maxCellLength) {
    throw new LimitError('maxCellLength', phrase('cell-too-long', { max: limits.maxCellLength }));
  }
  state.row.push(cell);
  state.column += cell.span;
  if (state.column > limits.maxColumns) {
    throw new LimitError('maxColumns', phrase('table-columns-over', { max: limits.maxColumns }));
  }
  state.cell = undefined;
}

function tooManyRows(limits: ReadLimits): LimitError {
  return new LimitError('maxRows', phrase('table-rows-over', { max: limits.maxRows }));
}

function finishRow(state: DocxState): void {
  state.rows.push(state.row);
  if (state.rows.length > state.limits.maxRows) throw tooManyRows(state.limits);
}

function finishTable(state: DocxState): void {
  const { sheets, limits } = state;
  const previous = sheets[sheets.length - 1];
  // A table that follows another with no text between them is the same table split by a page
  // break (often without its header): its rows continue the previous table's.
  if (previous && state.paragraphs.length === 0) {
    const next = buildSheet(previous.name, state.rows, []);
    const offset = previous.rows.length;
    if (offset + next.rows.length > limits.maxRows) throw tooManyRows(limits);
    previous.rows.push(...next.rows.map((row) => mergeObjects(row, { row: row.row + offset })));
    previous.merges.push(
      ...next.merges.map((range) => ({ ...range, top: range.top + offset, bottom: range.bottom + offset })),
    );
    const notes = state.nested.take().map((note) => mergeObjects(note, { row: (note.row ?? 0) + offset }));
    if (notes.length > 0) previous.notes = [...(previous.notes ?? []), ...notes];
    state.rows = [];
    return;
  }
  if (sheets.length >= limits.maxSheets) {
    throw new LimitError('maxSheets', phrase('tables-over', { max: limits.maxSheets }));
  }
  const sheet = buildSheet(`表格${sheets.length + 1}`, state.rows, state.paragraphs);
  const notes = state.nested.take();
  sheets.push(notes.length > 0 ? { ...sheet, notes } : sheet);
  state.rows = [];
  state.paragraphs = [];
}

/** Turns table rows into a grid: spans and vertical merges become merge ranges. */
function buildSheet(name: string, drafts: CellDraft[][], leadingLines: string[]): GridSheet {
  const rows: GridRow[] = [];
  const merges: MergeRange[] = [];
  // Open vertical merges by starting column.
  const open = new Map<number, MergeRange>();
  drafts.forEach((draft, index) => {
    const rowNumber = index + 1;
    const cells: CellValue[] = [];
    for (const cell of draft) {
      if (cell.vMerge === 'continue' && open.has(cell.column)) {
        const range = open.get(cell.column);
        if (range) range.bottom = rowNumber;
        continue;
      }
      open.delete(cell.column);
      if (cell.text !== '') cells[cell.column] = cell.text;
      const range: MergeRange = {
        top: rowNumber,
        bottom: rowNumber,
        left: cell.column,
        right: cell.column + cell.span - 1,
      };
      if (cell.vMerge === 'restart') open.set(cell.column, range);
      if (cell.span > 1 || cell.vMerge === 'restart') merges.push(range);
    }
    rows.push({ row: rowNumber, cells });
  });
  return {
    name,
    rows,
    merges: merges.filter((range) => range.bottom > range.top || range.right > range.left),
    leadingLines,
  };
}
