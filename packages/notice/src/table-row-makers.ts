import type { CampaignFonts } from '@jianshen/schema';
import type { TableRow } from 'docx';
import { type TableRowOptions, tableRow } from './table-cells.js';
import { type TableRowsWriter, tableRowsWriter } from './table-rows-writer.js';

/** Makes a table's rows, one per list of cell texts, laid out as `tableRow` lays them out. */
export type MakeTableRows = (
  fonts: CampaignFonts,
  texts: readonly (readonly string[])[],
  options: TableRowOptions,
) => TableRow[];

/** Rows as docx objects: a table that can go into any docx Document. */
export const docxTableRows: MakeTableRows = (fonts, texts, options) =>
  texts.map((cells) => tableRow(fonts, cells, options));

/** Rows written as XML, standing in their table as one placeholder row each until `packDocx` fills them in. */
export interface XmlTableRows {
  make: MakeTableRows;
  /** `document.xml` as UTF-8, each placeholder row replaced by the rows it stands for. */
  fill: (documentXml: string) => Uint8Array<ArrayBuffer>;
}

let drafts = 0;

/** A table's rows, written and encoded so many at a time (a few hundred KB of text). */
const rowsAtOnce = 256;

interface PendingRows {
  placeholder: string;
  /** The rows' XML as UTF-8, in pieces. */
  rows: Uint8Array[];
}

/** The rows' XML as UTF-8, a few rows at a time: never the whole table as one string. */
function encodedRows(write: TableRowsWriter, texts: readonly (readonly string[])[]): Uint8Array[] {
  const encoder = new TextEncoder();
  const pieces: Uint8Array[] = [];
  for (let start = 0; start < texts.length; start += rowsAtOnce)
    pieces.push(encoder.encode(write(texts.slice(start, start + rowsAtOnce))));
  return pieces;
}

/** `documentXml` as UTF-8 with each placeholder, in whatever order they stand, replaced by its rows. */
function filledBytes(documentXml: string, pending: readonly PendingRows[]): Uint8Array<ArrayBuffer> {
  const found = pending.map((entry) => ({ ...entry, at: documentXml.indexOf(entry.placeholder) }));
  if (found.some((entry) => entry.at < 0))
    throw new Error('xmlTableRows: a placeholder row is not in this document');
  found.sort((first, second) => first.at - second.at);
  const encoder = new TextEncoder();
  const parts: Uint8Array[] = [];
  let copied = 0;
  for (const { placeholder, rows, at } of found) {
    parts.push(encoder.encode(documentXml.slice(copied, at)), ...rows);
    copied = at + placeholder.length;
  }
  parts.push(encoder.encode(documentXml.slice(copied)));
  const bytes = new Uint8Array(parts.reduce((size, part) => size + part.length, 0));
  parts.reduce((offset, part) => {
    bytes.set(part, offset);
    return offset + part.length;
  }, 0);
  return bytes;
}

/**
 * Rows for a document packed with `packDocx(document, day, { rows })`: the same XML as
 * `docxTableRows` gives, written as text (table-rows-writer.ts). A placeholder row is one cell
 * holding a marker no campaign writes; its XML is found whole in document.xml and replaced.
 * The rows are written a few at a time, wait as UTF-8 and are copied into document.xml's bytes
 * as they are. A 2,800-unit 考核 table is 8.7 M characters: 17 MB as one JavaScript string (two
 * bytes a character once one is 汉字), and the filled document.xml was two more such strings
 * (filled, then its section marks merged), 51 MB at once, the 2,800-file batch's peak.
 */
export function xmlTableRows(): XmlTableRows {
  const draft = `jianshen-rows-${++drafts}-${Math.random().toString(36).slice(2)}`;
  const pending: PendingRows[] = [];
  const make: MakeTableRows = (fonts, texts, options) => {
    const marker = [`${draft}-${pending.length}`];
    const placeholderOptions = { widths: [0] };
    pending.push({
      placeholder: tableRowsWriter(fonts, placeholderOptions)([marker]),
      rows: encodedRows(tableRowsWriter(fonts, options), texts),
    });
    return [tableRow(fonts, marker, placeholderOptions)];
  };
  return { make, fill: (documentXml) => filledBytes(documentXml, pending) };
}
