import { phrase } from '@jianshen/schema';
import { LimitError, type ReadLimits } from '../limits.js';

/**
 * Checks a CSV's shape against the limits before it is parsed, in one pass that allocates
 * nothing: papaparse builds a whole record before anyone can look at it, so a 64 MiB line of
 * commas became 67 million cells (~1 GB) first. Quotes are read as papaparse reads them: special
 * only at the start of a field; inside, `""` is a quote and a quote ends the field only before a
 * comma, a line end or the end of the text. Rows are counted only when they have content: blank
 * records (",,,") a spreadsheet leaves below a table are not rows.
 */
export function checkCsvShape(text: string, limits: ReadLimits): void {
  let record = 1;
  let contentRows = 0;
  let fields = 1;
  let fieldLength = 0;
  let hasContent = false;
  let quoted = false;
  let fieldStart = true;
  const endRecord = () => {
    if (hasContent && ++contentRows > limits.maxRows) {
      throw new LimitError('maxRows', phrase('rows-over', { max: limits.maxRows }));
    }
    record++;
    fields = 1;
    fieldLength = 0;
    hasContent = false;
    fieldStart = true;
  };
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (quoted) {
      if (code === 0x22) {
        const next = text.charCodeAt(index + 1);
        if (next === 0x22) index++;
        else if (Number.isNaN(next) || next === 0x2c || next === 0x0a || next === 0x0d) quoted = false;
      }
    } else if (code === 0x2c) {
      if (++fields > limits.maxColumns) {
        throw new LimitError(
          'maxColumns',
          phrase('row-columns-over', { row: record, max: limits.maxColumns }),
        );
      }
      fieldLength = 0;
      fieldStart = true;
      continue;
    } else if (code === 0x0a || code === 0x0d) {
      if (code === 0x0d && text.charCodeAt(index + 1) === 0x0a) index++;
      endRecord();
      continue;
    } else if (code === 0x22 && fieldStart) {
      quoted = true;
    }
    fieldStart = false;
    if (code > 0x20) hasContent = true;
    if (++fieldLength > limits.maxCellLength) {
      throw new LimitError(
        'maxCellLength',
        phrase('row-cell-too-long', { row: record, max: limits.maxCellLength }),
      );
    }
  }
  if (hasContent && contentRows + 1 > limits.maxRows) endRecord();
}
