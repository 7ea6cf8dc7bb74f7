import { Zip, ZipDeflate } from 'fflate';
import { concatBytes } from './bytes.js';
import { type CellPosition, columnLetter, parseCellReference } from './cell-reference.js';
import { cellMaxCharacters, fitCell, stripBidiControls } from './cell-text.js';
import { addDeflatedEntry } from './deflated-entry.js';
import { type DeflatedRows, splicedEntry } from './deflated-rows.js';
import { type CreateRawDeflater, NativeZipDeflate } from './native-zip-deflate.js';
import { safeSheetName } from './sheet-name.js';
import type { SheetRecording } from './sheet-recording.js';
import { escapeXml } from './xml-text.js';
import { fixedZipDate } from './zip-entries.js';

/** Cell styles of the writer's fixed styles.xml. */
export const styles = {
  normal: 0,
  title: 1,
  header: 2,
  text: 3,
  center: 4,
  date: 5,
  plain: 6,
  totalRow: 7,
  number: 8,
} as const;

export type StyleId = (typeof styles)[keyof typeof styles];

/** A cell to write: text is always written as text (inline string), never as a formula. */
export interface CellSpec {
  value: string | number | Date | undefined;
  style?: StyleId;
}

export type CellRow = readonly (CellSpec | undefined)[];

export interface SheetSpec {
  name: string;
  widths: readonly number[];
  /** In memory, or streamed (then `rowCount` says how many will come). */
  rows: readonly CellRow[] | AsyncIterable<CellRow>;
  /**
   * Rows written ahead and deflated (`DeflatedRows`), below `rows` (then in memory: the rows
   * above them): the sheet's entry joins them as they are (such a sheet is never `recording`'s).
   */
  deflatedRows?: DeflatedRows;
  /** Rows `rows` yields, when it is streamed. */
  rowCount?: number;
  /** Columns, when it is streamed (default: the widths given). */
  columnCount?: number;
  /** A1 ranges, e.g. A1:J1. */
  merges?: readonly string[];
  /** Rows kept visible when scrolling and repeated on every printed page. */
  headerRows?: number;
  /** Row heights in points by 0-based row; others are computed from wrapped text. */
  heights?: readonly (number | undefined)[];
  landscape?: boolean;
  /**
   * The same sheet in more than one workbook: recorded by the first writer, copied by the next
   * (see `SheetRecording`).
   */
  recording?: SheetRecording;
}

const epoch1900 = Date.UTC(1899, 11, 30);

export function serialOf(date: Date): number {
  return Math.round(
    (Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()) - epoch1900) / 86_400_000,
  );
}

/** A text cell the writer cut to Excel's limit: where it is and how long it was. */
export interface TruncatedCell extends CellPosition {
  /** The sheet's name as written in the workbook. */
  sheet: string;
  /** A1 reference, e.g. `G12`. */
  cell: string;
  /** Characters of the text before it was cut (bidi controls already dropped). */
  length: number;
}

/** What writing a sheet's cells needs besides the cells: the cut marker and who hears of cuts. */
export interface CellWriting {
  marker: string;
  sheet: string;
  onTruncated: ((cut: TruncatedCell) => void) | undefined;
  /** Column letters by 0-based column, worked out once per column instead of once per cell. */
  letters: string[];
}

export function letterOf(writing: CellWriting, column: number): string {
  const known = writing.letters[column];
  if (known !== undefined) return known;
  const letters = columnLetter(column);
  writing.letters[column] = letters;
  return letters;
}

/** ` s="3"` for style 3: made once, not for every cell. */
export const styleAttributes = Object.values(styles).map((style) => (style ? ` s="${style}"` : ''));

/**
 * Any character a text cell must not be written with as it stands: bidi controls (dropped),
 * characters XML cannot carry (dropped), `&<>"` (escaped); surrogates send pairs the careful way
 * too. Most cells have none: one scan instead of three (a third of making the cells' XML).
 */
const needsCare =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F&<>"\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069\uD800-\uDFFF\uFFFE\uFFFF]/;

export function cellXml(reference: string, cell: CellSpec, writing: CellWriting): string {
  const style = cell.style ? (styleAttributes[cell.style] ?? ` s="${cell.style}"`) : '';
  const { value } = cell;
  if (value === undefined || value === '') return style ? `<c r="${reference}"${style}/>` : '';
  if (typeof value === 'number') {
    return Number.isFinite(value) ? `<c r="${reference}"${style}><v>${value}</v></c>` : '';
  }
  if (value instanceof Date) return `<c r="${reference}"${style}><v>${serialOf(value)}</v></c>`;
  const text = cellText(value, reference, writing);
  return `<c r="${reference}"${style} t="inlineStr"><is>${keepsSpace(text) ? preservedOpen : '<t>'}${text}</t></is></c>`;
}

export const preservedOpen = '<t xml:space="preserve">';
const breakOrTab = /[\t\n\r]/;

/**
 * Whether a text must say `xml:space="preserve"`: only when it starts or ends with whitespace or
 * holds a line break or tab, as Excel writes it (the XML of the others is the same either way).
 * Said of every cell, it was a fifth of the consolidated sheet's XML (21 of ~860 bytes a row, for
 * each of eight text cells): bytes made, encoded, checksummed and deflated for nothing.
 */
export function keepsSpace(text: string): boolean {
  return text.charCodeAt(0) <= 0x20 || text.charCodeAt(text.length - 1) <= 0x20 || breakOrTab.test(text);
}

/** A text cell's text as written: without bidi controls, cut to Excel's limit, escaped. */
export function cellText(value: string, reference: string, writing: CellWriting): string {
  if (value.length <= cellMaxCharacters && !needsCare.test(value)) return value;
  const whole = stripBidiControls(value);
  const text = fitCell(whole, writing.marker);
  if (text !== whole) cutCell(writing, reference, whole.length);
  return escapeXml(text);
}

/** Tells the caller of a cut cell (rare: its position is worked out only then). */
function cutCell(writing: CellWriting, reference: string, length: number): void {
  const position = parseCellReference(reference) ?? { row: 0, column: 0 };
  const cut = {
    sheet: writing.sheet,
    cell: reference,
    row: position.row,
    column: position.column,
    length,
  };
  writing.onTruncated?.(cut);
}

/** Display width of a character in Excel character units: CJK and full-width count about two. */
function charWidth(code: number): number {
  return code >= 0x1100 && code <= 0xffef ? 1.8 : 1;
}

const lineHeight = 15;
const maxLines = 8;

/**
 * Excel and LibreOffice do not grow a row for wrapped text when opening a file, so wrapped
 * cells get a height for the lines they need (at most eight).
 */
export function wrappedHeight(
  row: readonly (CellSpec | undefined)[],
  widths: readonly number[],
): number | undefined {
  let lines = 1;
  for (let column = 0; column < row.length && lines < maxLines; column++) {
    const cell = row[column];
    if (!cell || typeof cell.value !== 'string') continue;
    if (cell.style !== styles.text && cell.style !== styles.header) continue;
    lines = Math.max(lines, linesNeeded(cell.value, Math.max(1, widths[column] ?? 10)));
  }
  return lines > 1 ? lines * lineHeight + 3 : undefined;
}

/**
 * Lines `text` wraps to in a column `width` characters wide, at most `maxLines`: counted in one
 * pass over its characters (splitting and measuring each line with a regular expression was a
 * fifth of writing the consolidated workbook).
 */
function linesNeeded(text: string, width: number): number {
  // No character is wider than 1.8, so text at most half the width (a margin no rounding of the
  // sum can cross) fits on one line unless it breaks: most cells, answered without the scan.
  if (text.length * 2 <= width && !text.includes('\n')) return 1;
  let lines = 0;
  let line = 0;
  for (let at = 0; at <= text.length && lines < maxLines; at++) {
    const code = at < text.length ? text.charCodeAt(at) : 0x0a;
    if (code === 0x0a) {
      lines += Math.max(1, Math.ceil(line / width));
      line = 0;
      continue;
    }
    if (code >= 0xd800 && code <= 0xdbff && (text.charCodeAt(at + 1) & 0xfc00) === 0xdc00) at++;
    line += charWidth(code);
  }
  return Math.min(maxLines, lines);
}

function rowXml(row: CellRow, rowIndex: number, sheet: RowWriterSheet, writing: CellWriting): string {
  let cells = '';
  const number = rowIndex + 1;
  for (let column = 0; column < row.length; column++) {
    const cell = row[column];
    if (cell) cells += cellXml(`${letterOf(writing, column)}${number}`, cell, writing);
  }
  const height = sheet.heights?.[rowIndex] ?? wrappedHeight(row, sheet.widths);
  const attributes = height ? ` ht="${height}" customHeight="1"` : '';
  return `<row r="${rowIndex + 1}"${attributes}>${cells}</row>`;
}

function isInMemory(rows: SheetSpec['rows']): rows is readonly CellRow[] {
  return Array.isArray(rows);
}

/** What `createRowWriter` needs of its sheet: the name as the workbook writes it, the layout. */
export type RowWriterSheet = Pick<SheetSpec, 'name' | 'widths' | 'heights'>;

export interface RowWriterOptions {
  /** As `WriteXlsxOptions.truncatedMarker`. */
  truncatedMarker?: string;
  /** As `WriteXlsxOptions.onTruncated`: hears of a cut when the row is written here. */
  onTruncated?: (cut: TruncatedCell) => void;
}

/**
 * Writes rows of a sheet ahead, exactly as `writeXlsxTo` would write them there (`DeflatedRows`):
 * each call gives the `<row>` element for the row at `rowIndex` (0-based). `sheet.name` is the
 * name as written in the workbook (`safeSheetName`), which cut cells are reported at.
 */
export function createRowWriter(
  sheet: RowWriterSheet,
  options: RowWriterOptions = {},
): (row: CellRow, rowIndex: number) => string {
  const writing: CellWriting = {
    marker: options.truncatedMarker ?? defaultMarker,
    sheet: sheet.name,
    onTruncated: options.onTruncated,
    letters: [],
  };
  return (row, rowIndex) => rowXml(row, rowIndex, sheet, writing);
}

/** Rows a sheet has and how many columns wide it is (for its dimension). */
function sheetExtent(sheet: SheetSpec): { rowCount: number; width: number } {
  // Rows deflated ahead are as wide as the sheet's columns, as streamed rows are.
  if (sheet.deflatedRows && isInMemory(sheet.rows)) {
    const rowCount = sheet.rows.length + sheet.deflatedRows.rowCount;
    return { rowCount, width: Math.max(sheet.columnCount ?? sheet.widths.length, 1) };
  }
  const inMemory = isInMemory(sheet.rows) ? sheet.rows : undefined;
  const rowCount = inMemory ? inMemory.length : (sheet.rowCount ?? 0);
  const width = inMemory
    ? inMemory.reduce(
        // Not Math.max(...rows): a spread of 280,000 rows overflows the call stack.
        (widest, row) => Math.max(widest, row.length),
        Math.max(sheet.widths.length, 1),
      )
    : Math.max(sheet.columnCount ?? sheet.widths.length, 1);
  return { rowCount, width };
}

/** A sheet's XML up to its first row. */
function sheetHeadXml(sheet: SheetSpec, { rowCount, width }: { rowCount: number; width: number }): string {
  const last = `${columnLetter(width - 1)}${Math.max(rowCount, 1)}`;
  const pane = sheet.headerRows
    ? `<pane ySplit="${sheet.headerRows}" topLeftCell="A${sheet.headerRows + 1}" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft"/>`
    : '';
  const cols = sheet.widths
    .map(
      (columnWidth, index) =>
        `<col min="${index + 1}" max="${index + 1}" width="${columnWidth}" customWidth="1"/>`,
    )
    .join('');
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
    '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>' +
    `<dimension ref="A1:${last}"/>` +
    `<sheetViews><sheetView workbookViewId="0">${pane}</sheetView></sheetViews>` +
    '<sheetFormatPr defaultRowHeight="15"/>' +
    (cols ? `<cols>${cols}</cols>` : '') +
    '<sheetData>'
  );
}

/** A sheet's XML after its last row. */
function sheetTailXml(sheet: SheetSpec): string {
  const merges = sheet.merges?.length
    ? `<mergeCells count="${sheet.merges.length}">${sheet.merges.map((range) => `<mergeCell ref="${range}"/>`).join('')}</mergeCells>`
    : '';
  return (
    '</sheetData>' +
    merges +
    '<pageMargins left="0.5" right="0.5" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>' +
    `<pageSetup paperSize="9" orientation="${sheet.landscape ? 'landscape' : 'portrait'}" fitToWidth="1" fitToHeight="0"/>` +
    '</worksheet>'
  );
}

/**
 * A zip entry's text gathered into chunks of about `chunkCharacters`, each encoded into a staging
 * buffer, which is pushed once it cannot take the next chunk (waiting for the native deflater when
 * it has enough in flight). `encodeInto` a buffer made once per `stagingBytes` measured 25-30 ms
 * for 20 MB of the consolidated sheet's XML where `encode`, an array per chunk, took 40-56 ms.
 */
class EntryText {
  private pending = '';
  // Never reused once pushed: the deflater may hold it until its next batch.
  private staging = new Uint8Array(0);
  private used = 0;
  constructor(
    private readonly file: ZipDeflate | NativeZipDeflate,
    private readonly encoder: TextEncoder,
  ) {}
  /** Adds text; a promise only when a full buffer went out and the deflater must be waited for. */
  add(text: string): Promise<void> | undefined {
    this.pending += text;
    if (this.pending.length < chunkCharacters) return undefined;
    const pushed = this.stagePending();
    return pushed && this.file instanceof NativeZipDeflate ? this.file.settle(maxInFlight) : undefined;
  }
  /** Pushes the rest, ending the entry, and waits until every byte is handed on. */
  async end(): Promise<void> {
    this.pushStaged();
    this.file.push(this.encoder.encode(this.pending), true);
    this.pending = '';
    if (this.file instanceof NativeZipDeflate) await this.file.settle();
  }
  /** Encodes the pending text into the staging buffer, handed on first if full; whether it was. */
  private stagePending(): boolean {
    // A UTF-16 unit is at most 3 bytes of UTF-8.
    const pushed = this.used + this.pending.length * 3 > this.staging.length && this.pushStaged();
    if (this.used === 0) this.staging = new Uint8Array(Math.max(stagingBytes, this.pending.length * 3));
    this.used += this.encoder.encodeInto(this.pending, this.staging.subarray(this.used)).written;
    this.pending = '';
    return pushed;
  }
  /** Hands the staged bytes on, if any; whether there were. */
  private pushStaged(): boolean {
    if (this.used === 0) return false;
    this.file.push(this.staging.subarray(0, this.used));
    this.used = 0;
    return true;
  }
}

/**
 * A sheet whose rows were deflated ahead (`SheetSpec.deflatedRows`): its head and the rows above
 * them as text, the deflated rows, then its tail, in one entry (see `splicedEntry`).
 */
function addSplicedSheet(
  zip: Zip,
  sheet: SheetSpec,
  options: { filename: string; writing: CellWriting },
): void {
  const { deflatedRows: rows } = sheet;
  if (!rows || !isInMemory(sheet.rows))
    throw new Error(`sheet ${sheet.name}: rows deflated ahead follow rows in memory`);
  const encoder = new TextEncoder();
  const above = sheet.rows.map((row, rowIndex) => rowXml(row, rowIndex, sheet, options.writing)).join('');
  const head = encoder.encode(sheetHeadXml(sheet, sheetExtent(sheet)) + above);
  addDeflatedEntry(
    zip,
    options.filename,
    splicedEntry({ head, rows, tail: encoder.encode(sheetTailXml(sheet)) }),
  );
}

/**
 * Writes a sheet's XML into its entry: the head, the rows as they come, then the tail. Each row
 * goes straight into the entry's text (an async generator yielding row by row cost a promise a
 * row, ~93,000 for the consolidated sheet).
 */
async function writeSheet(sheet: SheetSpec, writing: CellWriting, out: EntryText): Promise<void> {
  const extent = sheetExtent(sheet);
  await out.add(sheetHeadXml(sheet, extent));
  let rowIndex = 0;
  // `await` only when a chunk went out: awaiting undefined would still cost a turn a row.
  if (isInMemory(sheet.rows)) {
    for (const row of sheet.rows) {
      const waiting = out.add(rowXml(row, rowIndex++, sheet, writing));
      if (waiting) await waiting;
    }
  } else {
    for await (const row of sheet.rows) {
      const waiting = out.add(rowXml(row, rowIndex++, sheet, writing));
      if (waiting) await waiting;
    }
  }
  if (rowIndex !== extent.rowCount) {
    throw new Error(`sheet ${sheet.name}: ${rowIndex} rows written, ${extent.rowCount} declared`);
  }
  await out.add(sheetTailXml(sheet));
  await out.end();
}

const border =
  '<border><left style="thin"><color auto="1"/></left><right style="thin"><color auto="1"/></right><top style="thin"><color auto="1"/></top><bottom style="thin"><color auto="1"/></bottom><diagonal/></border>';

const stylesXml =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
  '<numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/></numFmts>' +
  '<fonts count="3">' +
  '<font><sz val="11"/><name val="宋体"/><family val="3"/><charset val="134"/></font>' +
  '<font><b/><sz val="11"/><name val="宋体"/><family val="3"/><charset val="134"/></font>' +
  '<font><b/><sz val="16"/><name val="宋体"/><family val="3"/><charset val="134"/></font>' +
  '</fonts>' +
  '<fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>' +
  '<fill><patternFill patternType="solid"><fgColor rgb="FFF2F2F2"/><bgColor indexed="64"/></patternFill></fill></fills>' +
  `<borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border>${border}</borders>` +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="9">' +
  '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
  '<xf numFmtId="0" fontId="2" fillId="0" borderId="0" xfId="0" applyFont="1" applyAlignment="1"><alignment horizontal="center" vertical="center"/></xf>' +
  '<xf numFmtId="0" fontId="1" fillId="2" borderId="1" xfId="0" applyFont="1" applyFill="1" applyBorder="1" applyAlignment="1"><alignment horizontal="center" vertical="center" wrapText="1"/></xf>' +
  '<xf numFmtId="49" fontId="0" fillId="0" borderId="1" xfId="0" applyNumberFormat="1" applyBorder="1" applyAlignment="1"><alignment vertical="center" wrapText="1"/></xf>' +
  '<xf numFmtId="0" fontId="0" fillId="0" borderId="1" xfId="0" applyBorder="1" applyAlignment="1"><alignment horizontal="center" vertical="center"/></xf>' +
  '<xf numFmtId="164" fontId="0" fillId="0" borderId="1" xfId="0" applyNumberFormat="1" applyBorder="1" applyAlignment="1"><alignment horizontal="center" vertical="center"/></xf>' +
  '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment vertical="center"/></xf>' +
  '<xf numFmtId="0" fontId="1" fillId="2" borderId="1" xfId="0" applyFont="1" applyFill="1" applyBorder="1" applyAlignment="1"><alignment horizontal="center" vertical="center"/></xf>' +
  '<xf numFmtId="0" fontId="0" fillId="0" borderId="1" xfId="0" applyBorder="1" applyAlignment="1"><alignment horizontal="right" vertical="center"/></xf>' +
  '</cellXfs>' +
  '<cellStyles count="1"><cellStyle name="常规" xfId="0" builtinId="0"/></cellStyles>' +
  '</styleSheet>';

/** Receives the bytes of a file being written, in order. */
export type ByteSink = (chunk: Uint8Array) => void;

// Deflate level (rows deflated ahead take it too): on the consolidated sheet of 93,000 rows
// (76 MB of XML) level 5 took 0.9 s for 7.2 MB where zlib's default 6 took 1.5 s for 6.9 MB.
export const xlsxDeflateLevel = 5;
// Text is gathered to about this many characters before it is encoded and compressed. Kept under
// V8's large-object size (~128 KB, so 64 Ki two-byte characters is too many): encoding 64 Ki
// characters of Chinese ran at ~130 MB/s, 16 Ki at ~480 MB/s, and the zip is 0.3% larger.
const chunkCharacters = 1 << 14;
// Bytes staged before they are pushed to the entry. With the native deflater's 1 MiB batches and
// `maxInFlight` pushes, the main thread runs at most about 1 MiB ahead of zlib (with 1 MiB staged
// it ran 3 MiB ahead: peak RSS +20-40 MB and no faster on 2 cores).
const stagingBytes = 256 * 1024;

// The package holds no message catalogue: the aggregator passes its catalogue's marker.
export const defaultMarker = '…';

export interface WriteXlsxOptions {
  /** Compresses natively when given (several times faster than fflate's JavaScript deflate). */
  createDeflater?: CreateRawDeflater;
  /** Ends a text cut to Excel's 32,767-character cell limit; callers pass it in their language. */
  truncatedMarker?: string;
  /** Hears of each text cell cut to that limit, as it is written (the caller says so: issue 15). */
  onTruncated?: (cut: TruncatedCell) => void;
}

// Batches a native deflater may hold in flight before the writer waits for one: enough to keep
// the other core busy, few enough that memory stays at a few megabytes (the Node entry's batches
// are 1 MiB).
const maxInFlight = 3;

/**
 * Writes a workbook from plain sheet specs, SpreadsheetML by hand: every text is an inline
 * string (never a formula), dates are day serials in the 1900 system, and every zip entry is
 * stamped with a fixed date so the same input gives the same bytes. Rows may be streamed: the
 * bytes go to `sink` as they are made, so a sheet of any length needs no more memory than a
 * chunk.
 */
export async function writeXlsxTo(
  sheets: readonly SheetSpec[],
  sink: ByteSink,
  options: WriteXlsxOptions = {},
): Promise<void> {
  const encoder = new TextEncoder();
  const taken = new Set<string>();
  const names = sheets.map((sheet) => safeSheetName(sheet.name, { taken }));
  let failure: Error | undefined;
  const zip = new Zip((error, chunk) => {
    if (error) failure = error;
    else if (chunk.length > 0) sink(chunk);
  });
  const entries: (ZipDeflate | NativeZipDeflate)[] = [];
  const entry = (name: string) => {
    const file = options.createDeflater
      ? new NativeZipDeflate(name, options.createDeflater(xlsxDeflateLevel))
      : new ZipDeflate(name, { level: xlsxDeflateLevel });
    file.mtime = fixedZipDate;
    zip.add(file);
    entries.push(file);
    return file;
  };
  const put = (name: string, text: string) => entry(name).push(encoder.encode(text), true);
  // The package parts first (small, whole), then each sheet streamed.
  put('[Content_Types].xml', contentTypesXml(names));
  put('_rels/.rels', rootRelationshipsXml);
  put('xl/_rels/workbook.xml.rels', workbookRelationshipsXml(names));
  put('xl/styles.xml', stylesXml);
  put('xl/workbook.xml', workbookXml(sheets, names));
  for (const [index, sheet] of sheets.entries()) {
    const filename = `xl/worksheets/sheet${index + 1}.xml`;
    if (sheet.recording?.recorded) {
      addDeflatedEntry(zip, filename, sheet.recording.entry());
      continue;
    }
    let cut = false;
    const writing = {
      marker: options.truncatedMarker ?? defaultMarker,
      sheet: names[index] ?? sheet.name,
      onTruncated: (truncated: TruncatedCell) => {
        cut = true;
        options.onTruncated?.(truncated);
      },
      letters: [],
    };
    if (sheet.deflatedRows) {
      addSplicedSheet(zip, sheet, { filename, writing });
      if (failure) throw failure;
      continue;
    }
    const file = entry(filename);
    const listening = sheet.recording?.listen(file);
    await writeSheet(sheet, writing, new EntryText(file, encoder));
    if (failure) throw failure;
    if (!cut) listening?.keep();
  }
  // Every entry's last bytes are out before the central directory is written.
  for (const file of entries) if (file instanceof NativeZipDeflate) await file.settle();
  zip.end();
  if (failure) throw failure;
}

/** `[Content_Types].xml`: the workbook, styles and one worksheet part per sheet. */
function contentTypesXml(names: readonly string[]): string {
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
    '<Default Extension="xml" ContentType="application/xml"/>' +
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
    '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
    names
      .map(
        (_name, index) =>
          `<Override PartName="/xl/worksheets/sheet${index + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
      )
      .join('') +
    '</Types>'
  );
}

/** `_rels/.rels`: the package's one relationship, to the workbook. */
const rootRelationshipsXml =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>' +
  '</Relationships>';

/** `xl/_rels/workbook.xml.rels`: rId1…rIdN the sheets in order, rIdN+1 the styles. */
function workbookRelationshipsXml(names: readonly string[]): string {
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
    names
      .map(
        (_name, index) =>
          `<Relationship Id="rId${index + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${index + 1}.xml"/>`,
      )
      .join('') +
    `<Relationship Id="rId${names.length + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>` +
    '</Relationships>'
  );
}

/** `xl/workbook.xml`: the sheets by name, and each sheet's header rows repeated on every printed page. */
function workbookXml(sheets: readonly SheetSpec[], names: readonly string[]): string {
  const printTitles = sheets
    .map((sheet, index) =>
      sheet.headerRows
        ? `<definedName name="_xlnm.Print_Titles" localSheetId="${index}">'${escapeXml((names[index] ?? '').replace(/'/g, "''"))}'!$1:$${sheet.headerRows}</definedName>`
        : '',
    )
    .join('');
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
    '<workbookPr date1904="false"/><bookViews><workbookView activeTab="0"/></bookViews><sheets>' +
    names
      .map(
        (name, index) => `<sheet name="${escapeXml(name)}" sheetId="${index + 1}" r:id="rId${index + 1}"/>`,
      )
      .join('') +
    '</sheets>' +
    (printTitles ? `<definedNames>${printTitles}</definedNames>` : '') +
    '</workbook>'
  );
}

/** `writeXlsxTo`, collected into one array (browsers, tests, small workbooks). */
export async function writeXlsx(sheets: readonly SheetSpec[]): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  await writeXlsxTo(sheets, (chunk) => chunks.push(chunk));
  return concatBytes(chunks);
}
