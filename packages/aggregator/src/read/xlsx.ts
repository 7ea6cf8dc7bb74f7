import {
  attribute,
  columnLetter,
  findEntry,
  parseRange,
  parseXmlEntry,
  rawCharsPerChar,
  readRelationships,
  relatedPart,
  resolvePartPath,
  type XmlAttributes,
  type XmlGuard,
  type XmlHandlers,
  type ZipDirectory,
  type ZipEntry,
} from '@jianshen/ooxml';
import type { CellValue } from '@jianshen/schema';
import { excelSerialToIsoDay, isAsciiDigits, phrase, templateMarkerName } from '@jianshen/schema/reading';
import { LimitError, type ReadLimits, UnreadableError } from '../limits.js';
import type { GridRow, GridSheet, GridWorkbook, MergeRange, ReaderNote } from './grid.js';

/** Streams one part through the XML tokenizer as it inflates (see parseXmlEntry). */
function parsePart(
  zip: ZipDirectory,
  entry: ZipEntry,
  part: string,
  handlers: XmlHandlers,
  guard: XmlGuard,
): void {
  parseXmlEntry({ zip, entry, part, handlers, guard });
}

/** For parts whose text we do not keep beyond a short name: long text is cut and forgotten. */
function dropLongText(limits: ReadLimits): XmlGuard {
  return { maxText: limits.maxCellLength * rawCharsPerChar, onLongText() {} };
}

/**
 * Text of every `<t>` under the current element, leaving out phonetic guides (`<rPh>`), kept to
 * `max` characters: what comes after is dropped as it arrives and the text marked as cut.
 */
function createTextCollector(max: number) {
  let depthInPhonetic = 0;
  let inText = false;
  let text = '';
  let cut = false;
  return {
    open(name: string) {
      if (name === 'rPh') depthInPhonetic++;
      else if (name === 't' && depthInPhonetic === 0) inText = true;
    },
    close(name: string) {
      if (name === 'rPh') depthInPhonetic--;
      else if (name === 't') inText = false;
    },
    text(value: string) {
      if (!inText || cut) return;
      if (text.length + value.length > max) {
        text += value.slice(0, max - text.length);
        cut = true;
      } else text += value;
    },
    /** The XML guard cut a text node: counts only inside `<t>` (not phonetics or spacing). */
    textCut() {
      if (inText) cut = true;
    },
    get inText() {
      return inText;
    },
    /** What `take` gives, read without making its object: an inline-string cell reads this. */
    get gathered() {
      return text;
    },
    get wasCut() {
      return cut;
    },
    take(): { text: string; cut: boolean } {
      const value = { text, cut };
      text = '';
      cut = false;
      return value;
    },
    /** Forgets what was gathered, as `take` does, without making its result (once per cell). */
    reset() {
      text = '';
      cut = false;
    },
  };
}

/** A cell over `maxCellLength`: the whole file is refused, naming the cell to shorten. */
function cellTooLong(limits: ReadLimits, sheet: string, cell: string): LimitError {
  return new LimitError(
    'maxCellLength',
    phrase('sheet-cell-too-long', { sheet, cell, max: limits.maxCellLength }),
  );
}

/** Shared strings, each kept to `maxCellLength` characters; `cut` holds those that were longer. */
interface SharedStrings {
  strings: string[];
  cut: Set<number>;
}

/**
 * The shared-string table. A string over `maxCellLength` is kept cut, not refused here: only a
 * cell that uses it is an error, and that error can name the cell.
 */
function readSharedStrings(zip: ZipDirectory, part: string, limits: ReadLimits): SharedStrings {
  const entry = findEntry(zip, part);
  const shared: SharedStrings = { strings: [], cut: new Set() };
  if (!entry) return shared;
  const collector = createTextCollector(limits.maxCellLength);
  parsePart(
    zip,
    entry,
    part,
    {
      // In place (no attribute is read), so plain items go through the tokenizer's fast lane.
      sharedStrings: true,
      openInPlace(name) {
        if (name === 'si') collector.reset();
        collector.open(name);
      },
      close(name) {
        collector.close(name);
        if (name === 'si') {
          const { text, cut } = collector.take();
          if (cut) shared.cut.add(shared.strings.length);
          shared.strings.push(text);
        }
      },
      text: (value) => collector.text(value),
    },
    { maxText: limits.maxCellLength * rawCharsPerChar, onLongText: () => collector.textCut() },
  );
  return shared;
}

// Built-in number formats that show a date (14–17, 22; 27–36 and 50–58 are the East Asian ones).
const builtInDateFormats = new Set([
  14, 15, 16, 17, 22, 27, 28, 29, 30, 31, 34, 35, 36, 50, 51, 52, 53, 54, 55, 56, 57, 58,
]);

/** A custom format shows a date when it has y or d outside quotes, brackets and escapes. */
export function isDateFormatCode(code: string): boolean {
  const bare = code
    .replace(/"[^"]*"/g, '')
    .replace(/\[[^\]]*\]/g, '')
    .replace(/\\./g, '')
    .replace(/_./g, '')
    .toLowerCase();
  // Only the first section counts (positive numbers), which is where dates are formatted.
  const first = bare.split(';')[0] ?? '';
  return /[yd]/.test(first) || /[年日]/.test(code.replace(/"/g, ''));
}

const maxStyles = 65_536;

function readDateStyles(zip: ZipDirectory, part: string | undefined, limits: ReadLimits): boolean[] {
  const entry = part ? findEntry(zip, part) : undefined;
  if (!entry || !part) return [];
  const custom = new Map<number, string>();
  const dateStyles: boolean[] = [];
  let inCellXfs = false;
  parsePart(
    zip,
    entry,
    part,
    {
      // Excel keeps at most 64,000 cell formats: past that a part is hostile, and what it
      // says is no longer remembered (a style beyond is read as not a date).
      open(name, attributes) {
        if (name === 'numFmt') {
          if (custom.size < maxStyles) custom.set(Number(attributes.numFmtId), attributes.formatCode ?? '');
        } else if (name === 'cellXfs') inCellXfs = true;
        else if (name === 'xf' && inCellXfs && dateStyles.length < maxStyles) {
          const id = Number(attributes.numFmtId ?? 0);
          const code = custom.get(id);
          dateStyles.push(code !== undefined ? isDateFormatCode(code) : builtInDateFormats.has(id));
        }
      },
      close(name) {
        if (name === 'cellXfs') inCellXfs = false;
      },
    },
    dropLongText(limits),
  );
  return dateStyles;
}

function dateFromSerial(serial: number, date1904: boolean): Date | undefined {
  const day = excelSerialToIsoDay(serial, date1904);
  return day === undefined ? undefined : new Date(`${day}T00:00:00Z`);
}

interface SheetContext {
  sharedStrings: SharedStrings;
  dateStyles: readonly boolean[];
  date1904: boolean;
  limits: ReadLimits;
}

// What a cell read in place of its value: its text was cut at the read limit, or its shared-string
// index points nowhere. Symbols, never strings: a cell may hold the text "cut" or "missing".
const cutText: unique symbol = Symbol('cut');
const missingString: unique symbol = Symbol('missing');
type ReadCell = CellValue | typeof cutText | typeof missingString;

/** A cell's value as the person sees it, from its type (`t`), raw text and style. */
function cellValue(type: string, raw: string, style: number, context: SheetContext): ReadCell {
  if (raw === '') return undefined;
  switch (type) {
    case 's':
      return sharedStringValue(raw, context.sharedStrings);
    case 'str':
    case 'e':
      return raw;
    case 'b':
      return raw === '1' || raw.toLowerCase() === 'true';
    case 'd':
      return isoDateValue(raw);
    default:
      return numberValue(raw, style, context);
  }
}

/** `t="s"`: an index into the shared strings. */
function sharedStringValue(raw: string, sharedStrings: SharedStrings): ReadCell {
  // An empty or non-numeric index (`<v></v>`, `<v> </v>`: Number() makes those 0, the first string)
  // and a reference past the shared strings (a damaged or forged file): said at the cell, not blank.
  if (!isAsciiDigits(raw) && !/^\s*\d+\s*$/.test(raw)) return missingString;
  const index = Number(raw);
  if (sharedStrings.cut.has(index)) return cutText;
  return sharedStrings.strings[index] ?? missingString;
}

/** `t="d"`: an ISO 8601 date (Strict OOXML), read as UTC and kept as the calendar day. */
function isoDateValue(raw: string): CellValue {
  const date = new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(raw) ? raw : `${raw}Z`);
  return Number.isNaN(date.getTime()) ? raw : new Date(`${date.toISOString().slice(0, 10)}T00:00:00Z`);
}

/** `t="n"` or none: a number, or a date when the cell's style formats it as one. */
function numberValue(raw: string, style: number, context: SheetContext): CellValue {
  const number = Number(raw);
  if (!Number.isFinite(number)) return raw;
  return context.dateStyles[style] ? (dateFromSerial(number, context.date1904) ?? number) : number;
}

/**
 * The handlers that read one worksheet's XML into a grid, as it streams by: rows and their
 * cells, inline strings, merged ranges; every bound checked as it is passed, naming the sheet.
 * A class with arrow properties: the tokenizer calls the handlers detached from their object.
 */
class SheetReader {
  readonly rows: GridRow[] = [];
  readonly merges: MergeRange[] = [];
  readonly notes: ReaderNote[] = [];
  /** Rows of the usual shape are read by the tokenizer's fast lane (XmlHandlers.worksheetRows). */
  readonly worksheetRows = true;
  private rowNumber = 0;
  private cells: CellValue[] = [];
  private column = -1;
  private type = 'n';
  private style = 0;
  private raw = '';
  private inCell = false;
  private inValue = false;
  // An empty `<v></v>` differs from no `<v>` at all: in a shared-string cell it is a broken index.
  private hasValue = false;
  private inInline = false;
  // Excel's own grid (XFD, row 1,048,576) bounds how many `<c>` and `<row>` elements a sheet
  // can hold, empty ones and ones repeating a reference included; the limits bound the values.
  private cellsInRow = 0;
  private rowElements = 0;
  // The column limit counts cells with content in a row, like the row limit counts rows: one
  // stray keystroke in XFD1048576 is a warning naming it, not a reason to refuse the file.
  private cellsWithContent = 0;
  private farRightNoted = false;
  private readonly maxCellsPerRow: number;
  private readonly maxRowElements: number;
  private readonly inline: ReturnType<typeof createTextCollector>;
  private readonly limits: ReadLimits;

  constructor(
    private readonly name: string,
    private readonly context: SheetContext,
  ) {
    this.limits = context.limits;
    this.maxCellsPerRow = Math.max(this.limits.maxColumns, 16_384);
    this.maxRowElements = Math.max(this.limits.maxRows, 1_048_576);
    this.inline = createTextCollector(this.limits.maxCellLength);
  }

  // In place: a cell's attributes are read where the tokenizer found them (see XmlAttributes).
  readonly openInPlace = (element: string, attributes: XmlAttributes): void => {
    if (this.inInline) this.inline.open(element);
    else if (element === 'c') this.openCell(attributes);
    else if (element === 'v') {
      this.inValue = true;
      this.hasValue = true;
    } else if (element === 'row') this.openRow(attributes.number('r'));
    else if (element === 'is') this.inInline = true;
    else if (element === 'mergeCell') this.addMerge(attributes.get('ref'));
  };

  readonly close = (element: string): void => {
    if (this.inInline) {
      if (element === 'is') this.inInline = false;
      else this.inline.close(element);
    } else if (element === 'v') this.inValue = false;
    else if (element === 'c') {
      this.finishCell();
      this.inCell = false;
    } else if (element === 'row') this.closeRow();
  };

  readonly text = (value: string): void => {
    if (this.inInline) this.inline.text(value);
    else if (this.inValue) {
      this.raw += value;
      if (this.raw.length > this.limits.maxCellLength) this.tooLong();
    }
  };

  /**
   * The guard cut a text: a cell's text cut short refuses the file at once, naming the cell.
   * Other long text (a formula, spacing between tags) is cut and forgotten: never a value.
   */
  readonly onLongText = (): void => {
    if (this.inCell && ((this.inInline && this.inline.inText) || this.inValue)) this.tooLong();
  };

  private openRow(number: number | undefined): void {
    this.rowNumber =
      number !== undefined && Number.isInteger(number) && number > 0 ? number : this.rowNumber + 1;
    this.cells = [];
    this.column = -1;
    this.cellsInRow = 0;
    this.cellsWithContent = 0;
    if (++this.rowElements > this.maxRowElements) this.tooManyRows();
  }

  private openCell(attributes: XmlAttributes): void {
    // Only the column is needed: no position object per cell.
    const column = attributes.column('r');
    this.column = column >= 0 ? column : this.column + 1;
    if (++this.cellsInRow > this.maxCellsPerRow) this.tooManyColumns();
    this.type = attributes.get('t') ?? 'n';
    this.style = attributes.number('s') ?? 0;
    this.raw = '';
    this.hasValue = false;
    this.inCell = true;
    this.inline.reset();
  }

  private finishCell(): void {
    let value: ReadCell;
    // Read in place, not taken: openCell resets the collector before the next cell.
    if (this.type === 'inlineStr') value = this.inline.wasCut ? cutText : this.inline.gathered;
    else if (this.type === 's' && this.hasValue)
      value = sharedStringValue(this.raw, this.context.sharedStrings);
    else value = cellValue(this.type, this.raw, this.style, this.context);
    if (value === cutText) this.tooLong();
    if (value === missingString) {
      const cell = `${columnLetter(Math.max(this.column, 0))}${this.rowNumber}`;
      this.notes.push({
        code: 'shared-string-missing',
        row: this.rowNumber,
        data: { cell, index: this.raw },
      });
      return;
    }
    if (value === undefined || value === '') return;
    if (++this.cellsWithContent > this.limits.maxColumns) this.tooManyColumns();
    if (this.column >= this.limits.maxColumns) this.noteFarRight(value);
    else this.cells[this.column] = value;
  }

  /** A cell right of the column limit is left out, and the first one of the sheet named. */
  private noteFarRight(value: CellValue): void {
    if (this.farRightNoted) return;
    this.farRightNoted = true;
    this.notes.push({
      code: 'cell-far-right',
      row: this.rowNumber,
      data: {
        cell: `${columnLetter(this.column)}${this.rowNumber}`,
        max: this.limits.maxColumns,
        value: String(value).slice(0, 50),
      },
    });
  }

  private closeRow(): void {
    if (this.cells.length === 0) return;
    // Rows with content are counted, not row numbers: one stray space in A200000 beside a
    // three-row table is read (the table finder names it), not a reason to refuse the file.
    if (this.rows.length >= this.limits.maxRows) this.tooManyRows();
    this.rows.push({ row: this.rowNumber, cells: this.cells });
  }

  private addMerge(reference: string | undefined): void {
    const range = reference ? parseRange(reference) : undefined;
    if (range) this.merges.push(range);
  }

  private tooLong(): never {
    const cell = `${columnLetter(Math.max(this.column, 0))}${this.rowNumber}`;
    throw cellTooLong(this.limits, this.name, cell);
  }

  private tooManyRows(): never {
    throw new LimitError(
      'maxRows',
      phrase('sheet-rows-over', { sheet: this.name, max: this.limits.maxRows }),
    );
  }

  private tooManyColumns(): never {
    throw new LimitError(
      'maxColumns',
      phrase('sheet-columns-over', { sheet: this.name, max: this.limits.maxColumns }),
    );
  }
}

/** One worksheet part into a grid, read as it inflates (see SheetReader). */
function readSheet(zip: ZipDirectory, part: string, name: string, context: SheetContext): GridSheet {
  const entry = findEntry(zip, part);
  if (!entry) {
    throw new UnreadableError(phrase('sheet-part-missing', { sheet: name, part }));
  }
  const reader = new SheetReader(name, context);
  const guard = { maxText: context.limits.maxCellLength * rawCharsPerChar, onLongText: reader.onLongText };
  parsePart(zip, entry, part, reader, guard);
  return {
    name,
    rows: reader.rows,
    merges: reader.merges,
    ...(reader.notes.length > 0 ? { notes: reader.notes } : {}),
  };
}

interface WorkbookSheet {
  name: string;
  relationship: string;
  hidden: boolean;
}

/** What workbook.xml says: its sheets in order, the date system, the template marker if any. */
interface WorkbookPart {
  part: string;
  sheets: WorkbookSheet[];
  date1904: boolean;
  templateMarker?: string;
}

/** The workbook part, found through the package relationships (openpyxl names it absolutely). */
function findWorkbookPart(zip: ZipDirectory, limits: ReadLimits): { part: string; entry: ZipEntry } {
  const root = readRelationships(zip, '', dropLongText(limits));
  const office = relatedPart(root, '', '/officeDocument');
  const part = office && findEntry(zip, office) ? office : 'xl/workbook.xml';
  const entry = findEntry(zip, part);
  if (!entry) {
    throw new UnreadableError(phrase('xlsx-no-workbook'));
  }
  return { part, entry };
}

function readWorkbookPart(zip: ZipDirectory, limits: ReadLimits): WorkbookPart {
  const { part, entry } = findWorkbookPart(zip, limits);
  const workbook: WorkbookPart = { part, sheets: [], date1904: false };
  const { sheets } = workbook;
  let definedName: string | undefined;
  let definedText = '';
  const handlers: XmlHandlers = {
    open(name, attributes) {
      if (name === 'workbookPr') {
        const value = (attributes.date1904 ?? '').toLowerCase();
        workbook.date1904 = value === '1' || value === 'true';
      } else if (name === 'sheet') {
        if (sheets.length >= limits.maxSheets) {
          throw new LimitError('maxSheets', phrase('sheets-over', { max: limits.maxSheets }));
        }
        sheets.push({
          name: attributes.name ?? `Sheet${sheets.length + 1}`,
          relationship: attribute(attributes, 'id') ?? '',
          hidden: attributes.state === 'hidden' || attributes.state === 'veryHidden',
        });
      } else if (name === 'definedName') {
        definedName = attributes.name;
        definedText = '';
      }
    },
    text(value) {
      // Kept short like any cell: the template marker is a few dozen characters.
      if (definedName !== undefined && definedText.length < limits.maxCellLength) definedText += value;
    },
    close(name) {
      if (name !== 'definedName') return;
      if (definedName === templateMarkerName) workbook.templateMarker = definedText;
      definedName = undefined;
    },
  };
  parsePart(zip, entry, part, handlers, dropLongText(limits));
  return workbook;
}

/** Reads every worksheet of an xlsx (Excel, WPS, LibreOffice, openpyxl …) into grids. */
export function readXlsx(zip: ZipDirectory, limits: ReadLimits): GridWorkbook {
  const workbook = readWorkbookPart(zip, limits);
  const relationships = readRelationships(zip, workbook.part, dropLongText(limits));
  const partOf = (suffix: string) => relatedPart(relationships, workbook.part, suffix);
  const sharedStringsPart = partOf('/sharedStrings');
  const context: SheetContext = {
    sharedStrings: sharedStringsPart
      ? readSharedStrings(zip, sharedStringsPart, limits)
      : { strings: [], cut: new Set() },
    dateStyles: readDateStyles(zip, partOf('/styles'), limits),
    date1904: workbook.date1904,
    limits,
  };
  const grids: GridSheet[] = [];
  for (const sheet of workbook.sheets) {
    const relationship = relationships.get(sheet.relationship);
    // Chart sheets and dialog sheets hold no cells.
    if (!relationship || relationship.external || !relationship.type.endsWith('/worksheet')) continue;
    const part = resolvePartPath(workbook.part, relationship.target);
    const grid = readSheet(zip, part, sheet.name, context);
    grids.push(sheet.hidden ? { ...grid, hidden: true } : grid);
  }
  return {
    format: 'xlsx',
    sheets: grids,
    date1904: workbook.date1904,
    ...(workbook.templateMarker !== undefined ? { templateMarker: workbook.templateMarker } : {}),
  };
}
