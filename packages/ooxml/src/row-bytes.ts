import {
  type CellRow,
  type CellSpec,
  type CellWriting,
  cellText,
  cellXml,
  defaultMarker,
  keepsSpace,
  letterOf,
  preservedOpen,
  type RowWriterOptions,
  type RowWriterSheet,
  styleAttributes,
  wrappedHeight,
} from './xlsx-writer.js';

/** Where `createRowBytesWriter` writes: `bytes` up to `length` are written. */
export interface RowBytesTarget {
  bytes: Uint8Array;
  length: number;
  /** Makes room for `needed` more bytes after `length` (it may hand on what is written first). */
  reserve(needed: number): void;
}

/** Writes `text` as UTF-8 into `bytes` at `at`; gives where it ended. */
export type PutText = (bytes: Uint8Array, at: number, text: string) => number;

export interface RowBytesWriterOptions extends RowWriterOptions {
  /**
   * Writes a cell's text as UTF-8, as `TextEncoder` would (a lone surrogate as U+FFFD). Node's
   * `(bytes as Buffer).write(text, at)` wrote the medium batch's texts in 59 ms where this
   * package's own loop, the default, took 98 ms (25 MB, 860,000 texts).
   */
  putText?: PutText;
}

/** Writes an ASCII string's characters as bytes. */
function putAscii(bytes: Uint8Array, at: number, text: string): number {
  for (let index = 0; index < text.length; index++) bytes[at++] = text.charCodeAt(index);
  return at;
}

function putBytes(bytes: Uint8Array, at: number, source: Uint8Array): number {
  for (let index = 0; index < source.length; index++) bytes[at++] = source[index] as number;
  return at;
}

/** Writes `text` as UTF-8, as `TextEncoder` and `Buffer.from` do: a lone surrogate as U+FFFD. */
export function putUtf8(bytes: Uint8Array, at: number, text: string): number {
  const length = text.length;
  for (let index = 0; index < length; index++) {
    const code = text.charCodeAt(index);
    if (code < 0x80) {
      bytes[at++] = code;
    } else if (code < 0x800) {
      bytes[at++] = 0xc0 | (code >> 6);
      bytes[at++] = 0x80 | (code & 0x3f);
    } else if (code < 0xd800 || code > 0xdfff) {
      bytes[at++] = 0xe0 | (code >> 12);
      bytes[at++] = 0x80 | ((code >> 6) & 0x3f);
      bytes[at++] = 0x80 | (code & 0x3f);
    } else {
      const next = index + 1 < length ? text.charCodeAt(index + 1) : 0;
      if (code <= 0xdbff && (next & 0xfc00) === 0xdc00) {
        const point = 0x10000 + ((code - 0xd800) << 10) + (next - 0xdc00);
        bytes[at++] = 0xf0 | (point >> 18);
        bytes[at++] = 0x80 | ((point >> 12) & 0x3f);
        bytes[at++] = 0x80 | ((point >> 6) & 0x3f);
        bytes[at++] = 0x80 | (point & 0x3f);
        index++;
      } else {
        bytes[at++] = 0xef;
        bytes[at++] = 0xbf;
        bytes[at++] = 0xbd;
      }
    }
  }
  return at;
}

const asciiBytes = (text: string) => Uint8Array.from(text, (character) => character.charCodeAt(0));

// A text cell's markup after its row number, by `style * 2 + (xml:space="preserve" ? 1 : 0)`:
// made once, and copied byte by byte (writing the same strings a character at a time was most of
// the row writer's time).
const textHeads = styleAttributes.flatMap((style) => [
  asciiBytes(`"${style} t="inlineStr"><is><t>`),
  asciiBytes(`"${style} t="inlineStr"><is>${preservedOpen}`),
]);
const textTail = asciiBytes('</t></is></c>');

// A cell's markup besides its reference, style and text: `<c r="` … `" t="inlineStr"><is><t
// xml:space="preserve">` … `</t></is></c>` is 67 characters; a row's is under 60 with its height.
const cellMarkupBytes = 96;
const rowMarkupBytes = 96;

/** The writer's state: `CellWriting`, the row's texts, and each column's `<c r="A` as bytes. */
interface ByteWriting extends CellWriting {
  putText: PutText;
  texts: (string | undefined)[];
  opens: Uint8Array[];
}

/** A row's text cells as written (cut and escaped), in column order, cuts reported; their size. */
function rowTexts(row: CellRow, number: number, writing: ByteWriting): number {
  let most = 0;
  for (let column = 0; column < row.length; column++) {
    const value = row[column]?.value;
    if (typeof value !== 'string' || value === '') {
      writing.texts[column] = undefined;
      continue;
    }
    const text = cellText(value, `${letterOf(writing, column)}${number}`, writing);
    writing.texts[column] = text;
    // A UTF-16 unit is at most three bytes of UTF-8 (a pair is two units and four bytes).
    most += text.length * 3;
  }
  return most;
}

function columnOpen(writing: ByteWriting, column: number): Uint8Array {
  const known = writing.opens[column];
  if (known) return known;
  const open = asciiBytes(`<c r="${letterOf(writing, column)}`);
  writing.opens[column] = open;
  return open;
}

function putCells(row: CellRow, number: string, writing: ByteWriting, target: RowBytesTarget): number {
  const { bytes } = target;
  let at = target.length;
  for (let column = 0; column < row.length; column++) {
    const cell = row[column];
    if (!cell) continue;
    const text = writing.texts[column];
    if (text === undefined) {
      // A number, a date, a styled empty cell (or nothing): the string writer's XML, all ASCII.
      at = putAscii(bytes, at, cellXml(`${letterOf(writing, column)}${number}`, cell, writing));
      continue;
    }
    at = putBytes(bytes, at, columnOpen(writing, column));
    at = putAscii(bytes, at, number);
    at = putTextHead(bytes, at, cell, text);
    at = putBytes(bytes, writing.putText(bytes, at, text), textTail);
  }
  return at;
}

/** A text cell's markup after its row number, up to its text. */
function putTextHead(bytes: Uint8Array, at: number, cell: CellSpec, text: string): number {
  const head = textHeads[(cell.style ?? 0) * 2 + (keepsSpace(text) ? 1 : 0)];
  if (head) return putBytes(bytes, at, head);
  // A style the writer's styles.xml does not name.
  return putAscii(
    bytes,
    at,
    `" s="${cell.style}" t="inlineStr"><is>${keepsSpace(text) ? preservedOpen : '<t>'}`,
  );
}

function rowBytes(
  row: CellRow,
  rowIndex: number,
  context: { sheet: RowWriterSheet; writing: ByteWriting; target: RowBytesTarget },
): void {
  const { sheet, writing, target } = context;
  const number = String(rowIndex + 1);
  const most = rowTexts(row, rowIndex + 1, writing);
  target.reserve(rowMarkupBytes + most + row.length * cellMarkupBytes);
  const height = sheet.heights?.[rowIndex] ?? wrappedHeight(row, sheet.widths);
  const { bytes } = target;
  target.length = putAscii(bytes, target.length, `<row r="${number}"`);
  target.length = putAscii(bytes, target.length, height ? ` ht="${height}" customHeight="1">` : '>');
  target.length = putAscii(bytes, putCells(row, number, writing, target), '</row>');
}

/**
 * `createRowWriter`'s rows written as UTF-8 into `target`, byte for byte the same, without a
 * string of the row made first: the strings of the medium batch's rows (96,000, 65 MB of XML)
 * were 500 MB of the main thread's 1.5 GB allocated while reading (sampling heap profile, garbage
 * included). Writing the bytes takes about as long as the strings did; the garbage and ~20 MB of
 * the job's peak are what it saves.
 */
export function createRowBytesWriter(
  sheet: RowWriterSheet,
  options: RowBytesWriterOptions = {},
): (row: CellRow, rowIndex: number, target: RowBytesTarget) => void {
  const writing: ByteWriting = {
    marker: options.truncatedMarker ?? defaultMarker,
    sheet: sheet.name,
    onTruncated: options.onTruncated,
    letters: [],
    putText: options.putText ?? putUtf8,
    texts: [],
    opens: [],
  };
  return (row, rowIndex, target) => rowBytes(row, rowIndex, { sheet, writing, target });
}
