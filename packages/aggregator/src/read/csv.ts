import { columnLetter } from '@jianshen/ooxml';
import { phrase } from '@jianshen/schema/reading';
import Papa from 'papaparse';
import { LimitError, type ReadLimits, UnreadableError } from '../limits.js';
import { damageNotes, decodeCsvText } from './csv-decode.js';
import { checkCsvShape } from './csv-shape.js';
import type { GridRow, GridWorkbook, ReaderNote } from './grid.js';

/** A cell with more than spaces and control characters (as `checkCsvShape` counts them). */
const hasContent = (cell: string) => /[^\x00-\x20]/.test(cell);

/**
 * A cell right of the column limit (one stray keystroke in XFD1, the line padded to 16,384
 * fields by the spreadsheet that saved it): left out, and the first one of the file named.
 */
function farRightNote(record: number, column: number, value: string, limits: ReadLimits): ReaderNote {
  const cell = `${columnLetter(column)}${record}`;
  return {
    code: 'cell-far-right',
    row: record,
    data: { cell, max: limits.maxColumns, value: value.slice(0, 50) },
  };
}

/** Reads a CSV with every cell kept as text: 0357… phones and 2024-06-01 stay exactly as typed. */
export function readCsv(bytes: Uint8Array, name: string, limits: ReadLimits): GridWorkbook {
  const { text, damaged } = decodeCsvText(bytes);
  if (text.trim() === '') throw new UnreadableError(phrase('no-content'));
  // Limits first, in a pass that builds nothing: papaparse builds each record whole.
  checkCsvShape(text, limits);
  const rows: GridRow[] = [];
  const recordEnds: number[] = [];
  let record = 0;
  let failure: Error | undefined;
  let farRight: ReaderNote | undefined;
  Papa.parse(text, {
    header: false,
    dynamicTyping: false,
    skipEmptyLines: false,
    step(results, parser) {
      record += 1;
      recordEnds.push(results.meta.cursor);
      const cells = results.data;
      // checkCsvShape counted as papaparse reads; these stay as the last word on each record.
      if (cells.filter(hasContent).length > limits.maxColumns) {
        failure = new LimitError(
          'maxColumns',
          phrase('row-columns-over', { row: record, max: limits.maxColumns }),
        );
        parser.abort();
        return;
      }
      if (cells.some((cell) => cell.length > limits.maxCellLength)) {
        failure = new LimitError(
          'maxCellLength',
          phrase('row-cell-too-long', { row: record, max: limits.maxCellLength }),
        );
        parser.abort();
        return;
      }
      // ="0357…" is how exporters keep Excel from turning text into numbers: the text is inside.
      if (cells.some((cell) => cell !== '')) {
        const far = cells.findIndex((cell, index) => index >= limits.maxColumns && hasContent(cell));
        if (far !== -1 && farRight === undefined)
          farRight = farRightNote(record, far, cells[far] ?? '', limits);
        rows.push({
          row: record,
          cells: cells
            .slice(0, limits.maxColumns)
            .map((cell) => (/^="[^"]*"$/.test(cell) ? cell.slice(2, -1) : cell)),
        });
      }
    },
  });
  if (failure) throw failure;
  const notes = [...damageNotes(damaged, recordEnds), ...(farRight ? [farRight] : [])];
  return {
    format: 'csv',
    sheets: [{ name, rows, merges: [], ...(notes.length > 0 ? { notes } : {}) }],
    date1904: false,
  };
}
