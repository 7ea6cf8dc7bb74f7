import { phrase } from '@jianshen/schema/reading';
import { LimitError, type ReadLimits } from '../limits.js';

const quote = 0x22;
const comma = 0x2c;
const lineFeed = 0x0a;
const carriageReturn = 0x0d;

/** Where the scan stands: the record and field being read. */
interface Scan {
  limits: ReadLimits;
  record: number;
  contentRows: number;
  fields: number;
  /** Fields of this record with content: what the column limit counts. */
  contentFields: number;
  fieldHasContent: boolean;
  fieldLength: number;
  hasContent: boolean;
  quoted: boolean;
  fieldStart: boolean;
}

function endRecord(scan: Scan): void {
  if (scan.fieldHasContent && ++scan.contentFields > scan.limits.maxColumns) tooManyColumns(scan);
  if (scan.hasContent && ++scan.contentRows > scan.limits.maxRows) {
    throw new LimitError('maxRows', phrase('rows-over', { max: scan.limits.maxRows }));
  }
  scan.record++;
  scan.fields = 1;
  scan.contentFields = 0;
  scan.fieldHasContent = false;
  scan.fieldLength = 0;
  scan.hasContent = false;
  scan.fieldStart = true;
}

/**
 * Fields a record may have at all, empty ones included: Excel's widest sheet. A spreadsheet saved
 * as CSV pads every line to its used width, so one stray keystroke in XFD1 makes every line
 * 16,384 fields; more than that no spreadsheet writes, and papaparse would build them all.
 */
export const csvFieldsPerRecord = 16_384;

function endField(scan: Scan): void {
  if (scan.fieldHasContent && ++scan.contentFields > scan.limits.maxColumns) tooManyColumns(scan);
  if (++scan.fields > Math.max(scan.limits.maxColumns, csvFieldsPerRecord)) tooManyColumns(scan);
  scan.fieldLength = 0;
  scan.fieldHasContent = false;
  scan.fieldStart = true;
}

function tooManyColumns(scan: Scan): never {
  const data = { row: scan.record, max: scan.limits.maxColumns };
  throw new LimitError('maxColumns', phrase('row-columns-over', data));
}

function countCharacter(scan: Scan, code: number): void {
  scan.fieldStart = false;
  if (code > 0x20) {
    scan.hasContent = true;
    scan.fieldHasContent = true;
  }
  if (++scan.fieldLength > scan.limits.maxCellLength) {
    const data = { row: scan.record, max: scan.limits.maxCellLength };
    throw new LimitError('maxCellLength', phrase('row-cell-too-long', data));
  }
}

/** Inside quotes: `""` is a quote; a quote ends the field only before , line end or the end. */
function quotedCharacter(scan: Scan, text: string, index: number): number {
  if (text.charCodeAt(index) !== quote) return index;
  const next = text.charCodeAt(index + 1);
  if (next === quote) return index + 1;
  if (Number.isNaN(next) || next === comma || next === lineFeed || next === carriageReturn)
    scan.quoted = false;
  return index;
}

/**
 * Checks a CSV's shape against the limits before it is parsed, in one pass that allocates
 * nothing: papaparse builds a whole record before anyone can look at it, so a 64 MiB line of
 * commas became 67 million cells (~1 GB) first. Quotes are read as papaparse reads them: special
 * only at the start of a field. Rows are counted only when they have content: blank records
 * (",,,") a spreadsheet leaves below a table are not rows.
 */
export function checkCsvShape(text: string, limits: ReadLimits): void {
  const scan: Scan = {
    limits,
    record: 1,
    contentRows: 0,
    fields: 1,
    contentFields: 0,
    fieldHasContent: false,
    fieldLength: 0,
    hasContent: false,
    quoted: false,
    fieldStart: true,
  };
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (scan.quoted) {
      index = quotedCharacter(scan, text, index);
    } else if (code === comma) {
      endField(scan);
      continue;
    } else if (code === lineFeed || code === carriageReturn) {
      if (code === carriageReturn && text.charCodeAt(index + 1) === lineFeed) index++;
      endRecord(scan);
      continue;
    } else if (code === quote && scan.fieldStart) {
      scan.quoted = true;
    }
    countCharacter(scan, code);
  }
  if (scan.hasContent) endRecord(scan);
}
