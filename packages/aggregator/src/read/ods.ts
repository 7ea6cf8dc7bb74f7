import {
  attribute,
  columnLetter,
  createXmlStream,
  findEntry,
  rawCharsPerChar,
  streamEntryText,
  type XmlHandlers,
  type ZipDirectory,
} from '@jianshen/ooxml';
import type { CellValue } from '@jianshen/schema';
import { phrase } from '@jianshen/schema/reading';
import { LimitError, type ReadLimits, UnreadableError } from '../limits.js';
import type { GridSheet, GridWorkbook, MergeRange } from './grid.js';

/** True when a zip is an OpenDocument spreadsheet (its `mimetype` entry says so). */
export const odsMimeType = 'application/vnd.oasis.opendocument.spreadsheet';

type Attributes = Readonly<Record<string, string>>;

interface OdsState {
  limits: ReadLimits;
  sheets: GridSheet[];
  hiddenStyles: Set<string>;
  styleName: string | undefined;
  sheet: GridSheet | undefined;
  sheetStyle: string | undefined;
  /** 1-based number of the row being read, and how often it repeats. */
  rowNumber: number;
  rowRepeat: number;
  cells: CellValue[];
  /** Cells with content in the row being read: the column limit counts these, not the column. */
  contentCells: number;
  column: number;
  cell: { repeat: number; value: CellValue; type: string; paragraphs: string[] } | undefined;
  text: string;
  inParagraph: boolean;
  date1904: boolean;
}

/**
 * Reads an OpenDocument spreadsheet (.ods, LibreOffice's own format) over the zip and XML
 * layer the .xlsx reader uses, into the same grid: rows 1-based, spans as merges, date cells as
 * UTC calendar days, hidden sheets marked. Repeated empty rows and cells (an .ods repeats the
 * empty rest of the sheet a million times) are skipped, never expanded.
 */
export function readOds(zip: ZipDirectory, limits: ReadLimits): GridWorkbook {
  const entry = findEntry(zip, 'content.xml');
  if (!entry) {
    throw new UnreadableError(phrase('ods-no-content'));
  }
  const state: OdsState = {
    limits,
    sheets: [],
    hiddenStyles: new Set(),
    styleName: undefined,
    sheet: undefined,
    sheetStyle: undefined,
    rowNumber: 0,
    rowRepeat: 1,
    cells: [],
    contentCells: 0,
    column: 0,
    cell: undefined,
    text: '',
    inParagraph: false,
    date1904: false,
  };
  const stream = createXmlStream('content.xml', odsHandlers(state), {
    maxText: limits.maxCellLength * rawCharsPerChar,
    onLongText() {
      if (state.inParagraph) throw cellTooLong(state);
    },
  });
  streamEntryText(zip, entry, (text) => stream.write(text));
  stream.close();
  const sheets = state.sheets;
  return { format: 'ods', sheets, date1904: state.date1904 };
}

function odsHandlers(state: OdsState): XmlHandlers {
  return {
    open(name, attributes) {
      switch (name) {
        case 'style':
          state.styleName = attribute(attributes, 'name');
          break;
        case 'table-properties':
          if (state.styleName && attribute(attributes, 'display') === 'false')
            state.hiddenStyles.add(state.styleName);
          break;
        case 'null-date':
          state.date1904 = attribute(attributes, 'date-value') === '1904-01-01';
          break;
        case 'table':
          openSheet(state, attributes);
          break;
        case 'table-row':
          state.rowRepeat = positive(attribute(attributes, 'number-rows-repeated'));
          state.rowNumber += 1;
          state.cells = [];
          state.contentCells = 0;
          state.column = 0;
          break;
        case 'table-cell':
        case 'covered-table-cell':
          openCell(state, name, attributes);
          break;
        case 'p':
          if (state.cell) {
            state.inParagraph = true;
            state.text = '';
          }
          break;
        case 's':
          if (state.inParagraph) state.text += ' '.repeat(Math.min(positive(attribute(attributes, 'c')), 64));
          break;
        case 'tab':
          if (state.inParagraph) state.text += '\t';
          break;
        case 'line-break':
          if (state.inParagraph) state.text += '\n';
          break;
      }
    },
    close(name) {
      if (name === 'p' && state.inParagraph) {
        state.cell?.paragraphs.push(state.text);
        state.inParagraph = false;
      } else if (name === 'table-cell' || name === 'covered-table-cell') closeCell(state);
      else if (name === 'table-row') closeRow(state);
      else if (name === 'table') closeSheet(state);
      else if (name === 'style') state.styleName = undefined;
    },
    text(value) {
      if (!state.inParagraph) return;
      state.text += value;
      if (state.text.length > state.limits.maxCellLength) throw cellTooLong(state);
    },
  };
}

function positive(text: string | undefined): number {
  const number = Number(text ?? 1);
  return Number.isInteger(number) && number > 0 ? number : 1;
}

function openSheet(state: OdsState, attributes: Attributes): void {
  if (state.sheets.length >= state.limits.maxSheets) {
    throw new LimitError('maxSheets', phrase('sheets-over', { max: state.limits.maxSheets }));
  }
  state.sheet = {
    name: attribute(attributes, 'name') ?? `Sheet${state.sheets.length + 1}`,
    rows: [],
    merges: [],
  };
  state.sheetStyle = attribute(attributes, 'style-name');
  state.rowNumber = 0;
}

function closeSheet(state: OdsState): void {
  const sheet = state.sheet;
  if (!sheet) return;
  state.sheets.push(
    state.sheetStyle && state.hiddenStyles.has(state.sheetStyle) ? { ...sheet, hidden: true } : sheet,
  );
  state.sheet = undefined;
}

function openCell(state: OdsState, name: string, attributes: Attributes): void {
  const repeat = positive(attribute(attributes, 'number-columns-repeated'));
  const type = name === 'covered-table-cell' ? '' : (attribute(attributes, 'value-type') ?? '');
  state.cell = { repeat, value: typedValue(type, attributes), type, paragraphs: [] };
  const across = positive(attribute(attributes, 'number-columns-spanned'));
  const down = positive(attribute(attributes, 'number-rows-spanned'));
  if (state.sheet && (across > 1 || down > 1)) {
    const range: MergeRange = {
      top: state.rowNumber,
      left: state.column,
      bottom: state.rowNumber + down - 1,
      right: state.column + across - 1,
    };
    state.sheet.merges.push(range);
  }
}

/** A cell's own value: numbers as numbers, dates as the calendar day, the rest from its text. */
function typedValue(type: string, attributes: Attributes): CellValue {
  if (type === 'float' || type === 'percentage' || type === 'currency') {
    const number = Number(attribute(attributes, 'value'));
    return Number.isFinite(number) ? number : undefined;
  }
  if (type === 'date') {
    const day = /^\d{4}-\d{2}-\d{2}/.exec(attribute(attributes, 'date-value') ?? '')?.[0];
    return day ? new Date(`${day}T00:00:00Z`) : undefined;
  }
  if (type === 'boolean') return attribute(attributes, 'boolean-value') === 'true';
  return undefined;
}

function closeCell(state: OdsState): void {
  const cell = state.cell;
  state.cell = undefined;
  if (!cell) return;
  const text = cell.paragraphs.join('\n');
  const value = cell.value ?? (text === '' ? undefined : text);
  if (value !== undefined) {
    const { maxColumns } = state.limits;
    state.contentCells += cell.repeat;
    if (state.contentCells > maxColumns) throw tooManyColumns(state);
    const last = Math.min(state.column + cell.repeat, maxColumns);
    for (let column = state.column; column < last; column++) state.cells[column] = value;
    if (state.column + cell.repeat > maxColumns)
      noteFarRight(state, Math.max(state.column, maxColumns), value);
  }
  state.column += cell.repeat;
}

/**
 * A cell right of the column limit (one stray keystroke in AMJ1048576) is left out and the first
 * one of the sheet named, as the .xlsx reader does: not a reason to refuse the file.
 */
function noteFarRight(state: OdsState, column: number, value: CellValue): void {
  const sheet = state.sheet;
  if (!sheet || sheet.notes?.some((note) => note.code === 'cell-far-right')) return;
  const cell = `${columnLetter(column)}${state.rowNumber}`;
  const note = {
    code: 'cell-far-right' as const,
    row: state.rowNumber,
    data: { cell, max: state.limits.maxColumns, value: String(value).slice(0, 50) },
  };
  sheet.notes = [...(sheet.notes ?? []), note];
}

function closeRow(state: OdsState): void {
  const sheet = state.sheet;
  const repeat = state.rowRepeat;
  if (sheet && state.cells.length > 0) {
    // Rows with content count, not row numbers: LibreOffice repeats a million empty rows before
    // one stray space in A1048576.
    if (sheet.rows.length + repeat > state.limits.maxRows) throw tooManyRows(state);
    for (let copy = 0; copy < repeat; copy++) {
      sheet.rows.push({ row: state.rowNumber + copy, cells: copy === 0 ? state.cells : [...state.cells] });
    }
  }
  state.rowNumber += repeat - 1;
}

function sheetName(state: OdsState): string {
  return state.sheet?.name ?? '';
}

function tooManyRows(state: OdsState): LimitError {
  const { maxRows } = state.limits;
  return new LimitError('maxRows', phrase('sheet-rows-over', { sheet: sheetName(state), max: maxRows }));
}

function tooManyColumns(state: OdsState): LimitError {
  const { maxColumns } = state.limits;
  return new LimitError(
    'maxColumns',
    phrase('sheet-columns-over', { sheet: sheetName(state), max: maxColumns }),
  );
}

function cellTooLong(state: OdsState): LimitError {
  const { maxCellLength } = state.limits;
  const cell = `${columnLetter(state.column)}${state.rowNumber}`;
  return new LimitError(
    'maxCellLength',
    phrase('sheet-cell-too-long', { sheet: sheetName(state), cell, max: maxCellLength }),
  );
}
