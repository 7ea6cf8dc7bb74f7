import { type CellValue, excelSerialToIsoDay, phrase, templateMarkerName } from '@jianshen/schema';
import { LimitError, type ReadLimits, UnreadableError } from '../limits.js';
import type { GridRow, GridSheet, GridWorkbook, MergeRange } from './grid.js';
import { attribute, createXmlStream, rawCharsPerChar, type XmlGuard, type XmlHandlers } from './xml.js';
import { findEntry, streamEntryText, type ZipDirectory, type ZipEntry } from './zip.js';

/** Resolves a relationship target against the folder of the part that owns it. */
export function resolvePartPath(base: string, target: string): string {
  // openpyxl and some others write absolute part names (/xl/worksheets/sheet1.xml).
  const parts = target.startsWith('/') ? [] : base.split('/').slice(0, -1);
  for (const segment of target.replace(/\\/g, '/').split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') parts.pop();
    else parts.push(segment);
  }
  return parts.join('/');
}

/**
 * Streams one part through the XML parser as it inflates: no part is ever held whole as text,
 * and the guard keeps saxes from gathering an endless text node or tag.
 */
function parsePart(
  zip: ZipDirectory,
  entry: ZipEntry,
  part: string,
  handlers: XmlHandlers,
  guard: XmlGuard,
): void {
  const stream = createXmlStream(part, handlers, guard);
  streamEntryText(zip, entry, (text) => stream.write(text));
  stream.close();
}

/** For parts whose text we do not keep beyond a short name: long text is cut and forgotten. */
function dropLongText(limits: ReadLimits): XmlGuard {
  return { maxText: limits.maxCellLength * rawCharsPerChar, onLongText() {} };
}

interface Relationship {
  type: string;
  target: string;
  external: boolean;
}

function readRelationships(zip: ZipDirectory, part: string, limits: ReadLimits): Map<string, Relationship> {
  const slash = part.lastIndexOf('/');
  const relsPath = `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
  const entry = findEntry(zip, relsPath);
  const relationships = new Map<string, Relationship>();
  if (!entry) return relationships;
  parsePart(
    zip,
    entry,
    relsPath,
    {
      open(name, attributes) {
        if (name !== 'Relationship') return;
        const id = attributes.Id ?? '';
        relationships.set(id, {
          type: attributes.Type ?? '',
          target: attributes.Target ?? '',
          external: attributes.TargetMode === 'External',
        });
      },
    },
    dropLongText(limits),
  );
  return relationships;
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
    take(): { text: string; cut: boolean } {
      const value = { text, cut };
      text = '';
      cut = false;
      return value;
    },
  };
}

/** A1-style column letters of a 0-based index. */
function columnLetters(index: number): string {
  let letters = '';
  for (let rest = index + 1; rest > 0; rest = Math.floor((rest - 1) / 26)) {
    letters = String.fromCharCode(65 + ((rest - 1) % 26)) + letters;
  }
  return letters;
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
      open(name) {
        if (name === 'si') collector.take();
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

/** A1-style column letters to a 0-based index. */
export function columnIndex(reference: string): number {
  let index = 0;
  for (const char of reference) {
    const code = char.charCodeAt(0);
    if (code < 65 || code > 90) break;
    index = index * 26 + (code - 64);
  }
  return index - 1;
}

/**
 * A cell reference such as B12 or $AB$7 (letters in either case), read character by character:
 * it is parsed once per cell, where a regular expression cost 7% of reading.
 */
function parseReference(reference: string): { row: number; column: number } | undefined {
  let at = reference.charCodeAt(0) === 36 ? 1 : 0; // $
  let column = 0;
  let letters = 0;
  for (; at < reference.length && letters <= 3; at++, letters++) {
    const code = reference.charCodeAt(at) & ~32; // upper case
    if (code < 65 || code > 90) break;
    column = column * 26 + (code - 64);
  }
  if (letters === 0 || letters > 3) return undefined;
  if (reference.charCodeAt(at) === 36) at++;
  if (at >= reference.length) return undefined;
  let row = 0;
  for (; at < reference.length; at++) {
    const code = reference.charCodeAt(at);
    if (code < 48 || code > 57) return undefined;
    row = row * 10 + (code - 48);
  }
  return { column: column - 1, row };
}

export function parseRange(reference: string): MergeRange | undefined {
  const [from, to] = reference.split(':');
  const start = from ? parseReference(from) : undefined;
  const end = to ? parseReference(to) : start;
  if (!start || !end) return undefined;
  return {
    top: Math.min(start.row, end.row),
    bottom: Math.max(start.row, end.row),
    left: Math.min(start.column, end.column),
    right: Math.max(start.column, end.column),
  };
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

function readSheet(zip: ZipDirectory, part: string, name: string, context: SheetContext): GridSheet {
  const entry = findEntry(zip, part);
  if (!entry) {
    throw new UnreadableError(phrase('sheet-part-missing', { sheet: name, part }));
  }
  const { limits } = context;
  const rows: GridRow[] = [];
  const merges: MergeRange[] = [];
  let rowNumber = 0;
  let cells: CellValue[] = [];
  let column = -1;
  let type = 'n';
  let style = 0;
  let raw = '';
  let inCell = false;
  let inValue = false;
  let inInline = false;
  // Excel's own grid (XFD, row 1,048,576) bounds how many `<c>` and `<row>` elements a sheet
  // can hold, empty ones and ones repeating a reference included; the limits bound the values.
  let cellsInRow = 0;
  let rowElements = 0;
  const maxCellsPerRow = Math.max(limits.maxColumns, 16_384);
  const maxRowElements = Math.max(limits.maxRows, 1_048_576);
  const inline = createTextCollector(limits.maxCellLength);
  const tooLong = (): never => {
    throw cellTooLong(limits, name, `${columnLetters(Math.max(column, 0))}${rowNumber}`);
  };
  const tooManyRows = (): never => {
    throw new LimitError('maxRows', phrase('sheet-rows-over', { sheet: name, max: limits.maxRows }));
  };
  const tooManyColumns = (): never => {
    throw new LimitError('maxColumns', phrase('sheet-columns-over', { sheet: name, max: limits.maxColumns }));
  };

  const finishCell = () => {
    let value: CellValue;
    if (type === 'inlineStr') {
      const { text, cut } = inline.take();
      if (cut) tooLong();
      value = text;
    } else if (raw === '') value = undefined;
    else if (type === 's') {
      const index = Number(raw);
      if (context.sharedStrings.cut.has(index)) tooLong();
      value = context.sharedStrings.strings[index] ?? '';
    } else if (type === 'str' || type === 'e') value = raw;
    else if (type === 'b') value = raw === '1' || raw.toLowerCase() === 'true';
    else if (type === 'd') {
      const date = new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(raw) ? raw : `${raw}Z`);
      value = Number.isNaN(date.getTime()) ? raw : new Date(`${date.toISOString().slice(0, 10)}T00:00:00Z`);
    } else {
      const number = Number(raw);
      value = Number.isFinite(number) ? number : raw;
      if (typeof value === 'number' && context.dateStyles[style]) {
        value = dateFromSerial(value, context.date1904) ?? value;
      }
    }
    if (value === undefined || value === '') return;
    if (column >= limits.maxColumns) tooManyColumns();
    cells[column] = value;
  };

  const handlers: XmlHandlers = {
    open(element, attributes) {
      if (inInline) {
        inline.open(element);
        return;
      }
      switch (element) {
        case 'row': {
          const number = Number(attributes.r);
          rowNumber = Number.isInteger(number) && number > 0 ? number : rowNumber + 1;
          cells = [];
          column = -1;
          cellsInRow = 0;
          if (++rowElements > maxRowElements) tooManyRows();
          break;
        }
        case 'c': {
          const reference = attributes.r ? parseReference(attributes.r) : undefined;
          column = reference ? reference.column : column + 1;
          if (++cellsInRow > maxCellsPerRow) tooManyColumns();
          type = attributes.t ?? 'n';
          style = Number(attributes.s ?? 0);
          raw = '';
          inCell = true;
          inline.take();
          break;
        }
        case 'v':
          inValue = true;
          break;
        case 'is':
          inInline = true;
          break;
        case 'mergeCell': {
          const range = attributes.ref ? parseRange(attributes.ref) : undefined;
          if (range) merges.push(range);
          break;
        }
      }
    },
    close(element) {
      if (inInline) {
        if (element === 'is') inInline = false;
        else inline.close(element);
        return;
      }
      if (element === 'v') inValue = false;
      else if (element === 'c') {
        finishCell();
        inCell = false;
      } else if (element === 'row') {
        if (cells.length > 0) {
          // By number and by count: rows repeating one number are counted too.
          if (rowNumber > limits.maxRows || rows.length >= limits.maxRows) tooManyRows();
          rows.push({ row: rowNumber, cells });
        }
      }
    },
    text(value) {
      if (inInline) inline.text(value);
      else if (inValue) {
        raw += value;
        if (raw.length > limits.maxCellLength) tooLong();
      }
    },
  };
  parsePart(zip, entry, part, handlers, {
    maxText: limits.maxCellLength * rawCharsPerChar,
    // A cell's text cut short: the file is refused at once, naming the cell. Other long text
    // (a formula, spacing between tags) is cut and forgotten: it is never read as a value.
    onLongText() {
      if (inCell && ((inInline && inline.inText) || inValue)) tooLong();
    },
  });
  return { name, rows, merges };
}

interface WorkbookSheet {
  name: string;
  relationship: string;
  hidden: boolean;
}

/** Reads every worksheet of an xlsx (Excel, WPS, LibreOffice, openpyxl …) into grids. */
export function readXlsx(zip: ZipDirectory, limits: ReadLimits): GridWorkbook {
  const root = readRelationships(zip, '', limits);
  const office = [...root.values()].find((relationship) => relationship.type.endsWith('/officeDocument'));
  let workbookPart = office ? resolvePartPath('', office.target) : 'xl/workbook.xml';
  if (!findEntry(zip, workbookPart)) workbookPart = 'xl/workbook.xml';
  const workbookEntry = findEntry(zip, workbookPart);
  if (!workbookEntry) {
    throw new UnreadableError(phrase('xlsx-no-workbook'));
  }
  const sheets: WorkbookSheet[] = [];
  let date1904 = false;
  let templateMarker: string | undefined;
  let definedName: string | undefined;
  let definedText = '';
  parsePart(
    zip,
    workbookEntry,
    workbookPart,
    {
      open(name, attributes) {
        if (name === 'workbookPr') {
          const value = (attributes.date1904 ?? '').toLowerCase();
          date1904 = value === '1' || value === 'true';
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
        if (name === 'definedName') {
          if (definedName === templateMarkerName) templateMarker = definedText;
          definedName = undefined;
        }
      },
    },
    dropLongText(limits),
  );
  const relationships = readRelationships(zip, workbookPart, limits);
  const partOf = (suffix: string) => {
    const found = [...relationships.values()].find((relationship) => relationship.type.endsWith(suffix));
    return found ? resolvePartPath(workbookPart, found.target) : undefined;
  };
  const sharedStringsPart = partOf('/sharedStrings');
  const context: SheetContext = {
    sharedStrings: sharedStringsPart
      ? readSharedStrings(zip, sharedStringsPart, limits)
      : { strings: [], cut: new Set() },
    dateStyles: readDateStyles(zip, partOf('/styles'), limits),
    date1904,
    limits,
  };
  const grids: GridSheet[] = [];
  for (const sheet of sheets) {
    const relationship = relationships.get(sheet.relationship);
    // Chart sheets and dialog sheets hold no cells.
    if (!relationship || relationship.external || !relationship.type.endsWith('/worksheet')) continue;
    const grid = readSheet(zip, resolvePartPath(workbookPart, relationship.target), sheet.name, context);
    grids.push(sheet.hidden ? { ...grid, hidden: true } : grid);
  }
  return {
    format: 'xlsx',
    sheets: grids,
    date1904,
    ...(templateMarker !== undefined ? { templateMarker } : {}),
  };
}
