import { type CellValue, phrase } from '@jianshen/schema';
import { LimitError, type ReadLimits, UnreadableError } from '../limits.js';
import type { GridRow, GridSheet, GridWorkbook, MergeRange } from './grid.js';
import { resolvePartPath } from './xlsx.js';
import { createXmlStream } from './xml.js';
import { findEntry, streamEntry, streamEntryText, type ZipDirectory } from './zip.js';

interface CellDraft {
  column: number;
  span: number;
  /** `restart` opens a vertical merge, `continue` extends the one above. */
  vMerge?: 'restart' | 'continue';
  text: string;
}

/**
 * Reads the tables of a Word document (the attachment filled in inside the notice). Each table
 * becomes a sheet (表格1, 表格2 …) whose rows are the table rows; paragraphs before a table are
 * kept as its leading lines, where the 单位名称（盖章） line usually is. gridSpan and vMerge are
 * turned into merges, like merged cells in a spreadsheet.
 */
export function readDocx(zip: ZipDirectory, limits: ReadLimits): GridWorkbook {
  let documentPart = 'word/document.xml';
  const rootRels = findEntry(zip, '_rels/.rels');
  if (rootRels) {
    const text = new TextDecoder().decode(inflateSmall(zip, '_rels/.rels'));
    const match =
      /Type="[^"]*\/officeDocument"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Type="[^"]*\/officeDocument"/.exec(
        text,
      );
    const target = match?.[1] ?? match?.[2];
    if (target && findEntry(zip, resolvePartPath('', target))) documentPart = resolvePartPath('', target);
  }
  const entry = findEntry(zip, documentPart);
  if (!entry) {
    throw new UnreadableError(phrase('docx-no-document'));
  }

  const sheets: GridSheet[] = [];
  let paragraphs: string[] = [];
  let tableDepth = 0;
  let fallbackDepth = 0;
  let paragraphText = '';
  let inText = false;
  // State of the outermost table being read.
  let rows: CellDraft[][] = [];
  let row: CellDraft[] = [];
  let cell: CellDraft | undefined;
  let cellParagraphs: string[] = [];
  let column = 0;

  const finishTable = () => {
    const previous = sheets[sheets.length - 1];
    // A table that follows another with no text between them is the same table split by a page
    // break (often without its header): its rows continue the previous table's.
    if (previous && paragraphs.length === 0) {
      const next = buildSheet(previous.name, rows, [], limits);
      const offset = previous.rows.length;
      if (offset + next.rows.length > limits.maxRows) {
        throw new LimitError('maxRows', phrase('table-rows-over', { max: limits.maxRows }));
      }
      previous.rows.push(...next.rows.map((row) => ({ ...row, row: row.row + offset })));
      previous.merges.push(
        ...next.merges.map((range) => ({ ...range, top: range.top + offset, bottom: range.bottom + offset })),
      );
      rows = [];
      return;
    }
    if (sheets.length >= limits.maxSheets) {
      throw new LimitError('maxSheets', phrase('tables-over', { max: limits.maxSheets }));
    }
    sheets.push(buildSheet(`表格${sheets.length + 1}`, rows, paragraphs, limits));
    rows = [];
    paragraphs = [];
  };

  const stream = createXmlStream(documentPart, {
    open(name, attributes) {
      // Text boxes come twice (mc:Choice and mc:Fallback): read one.
      if (name === 'Fallback' || fallbackDepth > 0) {
        fallbackDepth++;
        return;
      }
      const value = attributes['w:val'] ?? attributes.val;
      switch (name) {
        case 'tbl':
          tableDepth++;
          break;
        case 'tr':
          if (tableDepth === 1) {
            row = [];
            column = 0;
          }
          break;
        case 'gridBefore':
          if (tableDepth === 1) column += Number(value ?? 0) || 0;
          break;
        case 'tc':
          if (tableDepth === 1) {
            cell = { column, span: 1, text: '' };
            cellParagraphs = [];
          }
          break;
        case 'gridSpan':
          if (tableDepth === 1 && cell) cell.span = Math.max(1, Number(value ?? 1) || 1);
          break;
        case 'vMerge':
          if (tableDepth === 1 && cell) cell.vMerge = value === 'restart' ? 'restart' : 'continue';
          break;
        case 'p':
          paragraphText = '';
          break;
        case 't':
          inText = true;
          break;
        case 'tab':
          paragraphText += ' ';
          break;
        case 'br':
        case 'cr':
          paragraphText += '\n';
          break;
      }
    },
    close(name) {
      if (fallbackDepth > 0) {
        fallbackDepth--;
        return;
      }
      switch (name) {
        case 't':
          inText = false;
          break;
        case 'p':
          if (tableDepth === 0) {
            if (paragraphText.trim() !== '') paragraphs.push(paragraphText);
          } else {
            cellParagraphs.push(paragraphText);
          }
          paragraphText = '';
          break;
        case 'tc':
          if (tableDepth === 1 && cell) {
            cell.text = cellParagraphs.join('\n').replace(/\n+$/, '');
            if (cell.text.length > limits.maxCellLength) {
              throw new LimitError('maxCellLength', phrase('cell-too-long', { max: limits.maxCellLength }));
            }
            row.push(cell);
            column += cell.span;
            if (column > limits.maxColumns) {
              throw new LimitError('maxColumns', phrase('table-columns-over', { max: limits.maxColumns }));
            }
            cell = undefined;
          }
          break;
        case 'tr':
          if (tableDepth === 1) {
            rows.push(row);
            if (rows.length > limits.maxRows) {
              throw new LimitError('maxRows', phrase('table-rows-over', { max: limits.maxRows }));
            }
          }
          break;
        case 'tbl':
          tableDepth--;
          if (tableDepth === 0) finishTable();
          break;
      }
    },
    text(value) {
      if (inText && fallbackDepth === 0) paragraphText += value;
    },
  });
  streamEntryText(zip, entry, (text) => stream.write(text));
  stream.close();
  return { format: 'docx', sheets, date1904: false };
}

function inflateSmall(zip: ZipDirectory, name: string): Uint8Array {
  const entry = findEntry(zip, name);
  if (!entry) return new Uint8Array();
  const chunks: Uint8Array[] = [];
  streamEntry(zip, entry, (chunk) => chunks.push(chunk.slice()));
  const out = new Uint8Array(chunks.reduce((sum, chunk) => sum + chunk.length, 0));
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

/** Turns table rows into a grid: spans and vertical merges become merge ranges. */
function buildSheet(
  name: string,
  drafts: CellDraft[][],
  leadingLines: string[],
  _limits: ReadLimits,
): GridSheet {
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
