import { phrase } from '@jianshen/schema';
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
  fieldLength: number;
  hasContent: boolean;
  quoted: boolean;
  fieldStart: boolean;
}

function endRecord(scan: Scan): void {
  if (scan.hasContent && ++scan.contentRows > scan.limits.maxRows) {
    throw new LimitError('maxRows', phrase('rows-over', { max: scan.limits.maxRows }));
  }
  scan.record++;
  scan.fields = 1;
  scan.fieldLength = 0;
  scan.hasContent = false;
  scan.fieldStart = true;
}

function endField(scan: Scan): void {
  if (++scan.fields > scan.limits.maxColumns) {
    const data = { row: scan.record, max: scan.limits.maxColumns };
    throw new LimitError('maxColumns', phrase('row-columns-over', data));
  }
  scan.fieldLength = 0;
  scan.fieldStart = true;
}

function countCharacter(scan: Scan, code: number): void {
  scan.fieldStart = false;
  if (code > 0x20) scan.hasContent = true;
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
