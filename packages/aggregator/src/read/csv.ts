import { phrase } from '@jianshen/schema';
import Papa from 'papaparse';
import { LimitError, type ReadLimits, UnreadableError } from '../limits.js';
import type { GridRow, GridWorkbook } from './grid.js';

/**
 * Decodes CSV bytes: UTF-8 (with or without BOM), UTF-16 with BOM (Excel's "Unicode text"),
 * else GB18030, which is what Excel on Chinese Windows writes and a superset of GBK.
 */
export function decodeCsv(bytes: Uint8Array): { text: string; encoding: string } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8-bom' };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('gb18030').decode(bytes), encoding: 'gb18030' };
  }
}

/** Reads a CSV with every cell kept as text: 0357… phones and 2024-06-01 stay exactly as typed. */
export function readCsv(bytes: Uint8Array, name: string, limits: ReadLimits): GridWorkbook {
  const { text } = decodeCsv(bytes);
  if (text.trim() === '') throw new UnreadableError(phrase('no-content'));
  const rows: GridRow[] = [];
  let record = 0;
  let failure: Error | undefined;
  Papa.parse(text, {
    header: false,
    dynamicTyping: false,
    skipEmptyLines: false,
    step(results, parser) {
      record += 1;
      const cells = results.data;
      try {
        if (record > limits.maxRows) {
          throw new LimitError('maxRows', phrase('rows-over', { max: limits.maxRows }));
        }
        if (cells.length > limits.maxColumns) {
          throw new LimitError(
            'maxColumns',
            phrase('row-columns-over', { row: record, max: limits.maxColumns }),
          );
        }
        if (cells.some((cell) => cell.length > limits.maxCellLength)) {
          throw new LimitError(
            'maxCellLength',
            phrase('row-cell-too-long', { row: record, max: limits.maxCellLength }),
          );
        }
      } catch (error) {
        failure = error as Error;
        parser.abort();
        return;
      }
      // ="0357…" is how exporters keep Excel from turning text into numbers: the text is inside.
      if (cells.some((cell) => cell !== '')) {
        rows.push({
          row: record,
          cells: cells.map((cell) => (/^="[^"]*"$/.test(cell) ? cell.slice(2, -1) : cell)),
        });
      }
    },
  });
  if (failure) throw failure;
  return { format: 'csv', sheets: [{ name, rows, merges: [] }], date1904: false };
}
