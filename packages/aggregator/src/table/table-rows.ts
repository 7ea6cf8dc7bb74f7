import { type CellValue, isAsciiDigits, normalizeText, toHalfWidth } from '@jianshen/schema';
import type { DataRow, FoundTable, SkipReason } from './find-tables.js';
import { dateEndKey, dateStartKey, modeOfflineKey, modeOnlineKey, unitColumnKey } from './labels.js';
import type { SheetView } from './sheet-view.js';

const footerPattern =
  /^(?:填表人|填报人|审核人|制表人|审核|制表|审批|单位负责人|负责人|分管领导|主要领导|联系人|联系电话|填表日期|填报日期|报送日期|日期|注|说明|备注|填表说明)\s*(?:[（(]?\s*(?:签字|签名|签章|盖章)\s*[）)]?)?\s*[:：]|^(?:合计|总计|小计|共计)/;
const withPunctuation = { punctuation: true } as const;
// What clerks type to say "nothing here": a row of these alone is blank, not a broken activity.
const placeholderPattern = /^(?:无|暂无|空|没有|\/|／|-|－|—+|\\|n\/a|none)$/i;
const examplePattern = /^[（(【[]?\s*(?:示例|样例|举例|例|例如|example|sample)\s*[）)】\]]?\s*(?:[:：\d]|$)/i;
// "We held none": 无, 暂无, 本单位无活动, 本季度无活动, 本县今年未开展此类活动 … (punctuation removed).
const nilReturnPattern =
  /^(?:本|我)?(?:单位|县|区|市|局|乡镇|街道|中心)?(?:本?(?:季度|期|年度|月|年))?(?:暂|目前|今年|尚|均)?(?:无|没有|未(?:开展|举办|组织|报送))(?:相关|此类|该类|任何)?(?:活动|数据|内容|信息|情况|举办|开展)*(?:可报|可填|需报送|上报|报送|填报)?$/;
const punctuationPattern = /[\s。.,，、;；:：!！()（）【】[\]"“”'‘’…]/g;
// What a clerk puts in a tick column 线上 | 线下: ticked, or plainly not.
const tickedPattern = /^(?:√|✓|✔|☑|☑️|✅|●|■|是|有|1|v|y|yes|true|对)$/i;
const untickedPattern = /^(?:×|✗|✘|☐|□|○|否|无|0|n|no|false|\/|／|-|－|—+)$/i;

/** What reading a table's rows needs beyond the table: the sheet and the running state. */
export interface RowReader {
  view: SheetView;
  /** Each table's columns as a list, made once: iterating the map made an entry array per cell. */
  columnLists: Map<FoundTable, [number, string][]>;
  /** Blank rows since the last data row: the template's unused rows if no data follows. */
  trailingBlanks: number[];
  /** Set when a heading (the next table's title) is met. */
  titleLines: string[];
}

/** A title or section line: one value merged across several columns. */
function isHeading(view: SheetView, rowNumber: number): boolean {
  const texts = view.texts(rowNumber);
  let only: number | undefined;
  for (let column = 0; column < texts.length; column++) {
    if (texts[column] === '') continue;
    if (only !== undefined) return false;
    only = column;
  }
  if (only === undefined) return false;
  const range = view.mergeAt(rowNumber, only);
  return range !== undefined && range.right - range.left >= 2 && range.top === rowNumber;
}

/** True when a text says there were no activities (本单位无活动, 暂无 …). */
export function isNilStatement(text: string): boolean {
  const bare = toHalfWidth(text, withPunctuation).replace(punctuationPattern, '');
  return bare !== '' && nilReturnPattern.test(bare);
}

/**
 * A "无" return: the table's first row says there were none (in its first cell or merged across
 * the row), every other cell is empty or a placeholder, and the 序号 at most is numbered.
 */
function isNilReturnRow(view: SheetView, table: FoundTable, rowNumber: number): boolean {
  if (table.rows.length > 0 || table.nilReturn !== undefined) return false;
  const texts = view.texts(rowNumber).filter((value, column) => {
    if (value === '') return false;
    return !(column === table.seqColumn && isAsciiDigits(value));
  });
  const first = texts[0];
  if (first === undefined || !isNilStatement(first)) return false;
  return texts.every((value) => placeholderPattern.test(value) || isNilStatement(value));
}

function skipRow(reader: RowReader, table: FoundTable, rowNumber: number, reason: SkipReason): void {
  table.skipped[reason]++;
  table.skippedRows.push({ row: rowNumber, reason });
  if (reason === 'blank') reader.trailingBlanks.push(rowNumber);
  else reader.trailingBlanks = [];
}

/**
 * Reads one row inside a table: a heading, a "无" statement, a footer, a blank or an example row
 * is counted apart; anything else is a data row, every cell kept for the schema to judge.
 */
export function readTableRow(reader: RowReader, table: FoundTable, rowNumber: number): void {
  const { view } = reader;
  if (isHeading(view, rowNumber) && !isNilReturnRow(view, table, rowNumber)) {
    // A new table's title: it belongs to what follows, not to this table.
    reader.titleLines = view.texts(rowNumber).filter((value) => value !== '');
    skipRow(reader, table, rowNumber, 'heading');
    return;
  }
  if (isNilReturnRow(view, table, rowNumber)) {
    // Counted with the blank rows, but not as a trailing one: it was written, not left over.
    table.nilReturn = rowNumber;
    table.skipped.blank++;
    table.skippedRows.push({ row: rowNumber, reason: 'blank' });
    reader.trailingBlanks = [];
    return;
  }
  const { cells, extra, anyValue } = rowCells(reader, table, rowNumber);
  const reason = skipReason(view, rowNumber, cells, anyValue);
  if (reason) {
    skipRow(reader, table, rowNumber, reason);
    return;
  }
  reader.trailingBlanks = [];
  const rowUnit = cells[unitColumnKey];
  if (rowUnit !== undefined) delete cells[unitColumnKey];
  const row: DataRow = { row: rowNumber, cells, extra };
  if (rowUnit !== undefined && normalizeText(rowUnit) !== '') row.unit = normalizeText(rowUnit);
  table.rows.push(row);
}

/** Why a row with these cells is not data: a footer, blank, or an example; undefined when it is data. */
function skipReason(
  view: SheetView,
  rowNumber: number,
  cells: Record<string, CellValue>,
  anyValue: boolean,
): SkipReason | undefined {
  const first = view.texts(rowNumber).find((value) => value !== '') ?? '';
  // Mostly the row's number: digits stay as they are, and no footer or example starts so.
  const firstClean = isAsciiDigits(first) ? first : toHalfWidth(first, withPunctuation).replace(/\s+/g, '');
  if (footerPattern.test(firstClean) && !(typeof cells.name === 'string' && cells.name === first)) {
    return 'footer';
  }
  if (!anyValue) return 'blank';
  const seqText = normalizeText(cells.seq);
  const noteText = normalizeText(cells.note);
  if (
    /示例|样例|example/i.test(seqText) ||
    examplePattern.test(seqText) ||
    examplePattern.test(firstClean) ||
    /^[（(【[]?示例[）)】\]]?$/.test(noteText)
  ) {
    return 'example';
  }
  return undefined;
}

interface RowCells {
  cells: Record<string, CellValue>;
  extra: Record<string, string>;
  /** False when every cell is empty or a placeholder (无, /, —). */
  anyValue: boolean;
}

/** A row's cells by field key (date and tick columns joined) and its unknown columns by label. */
function rowCells(reader: RowReader, table: FoundTable, rowNumber: number): RowCells {
  const { view } = reader;
  let columns = reader.columnLists.get(table);
  if (!columns) {
    columns = [...table.columns];
    reader.columnLists.set(table, columns);
  }
  const { cells, anyValue: anyField } = fieldCells(view, columns, rowNumber);
  let anyValue = anyField;
  joinDateColumns(cells);
  joinTickColumns(cells);
  const extra: Record<string, string> = {};
  for (const { column, label } of table.unknownColumns) {
    const value = view.dataText(rowNumber, column);
    if (value !== '') {
      extra[label] = value;
      if (!anyValue && !placeholderPattern.test(value)) anyValue = true;
    }
  }
  return { cells, extra, anyValue };
}

/** The cells under the table's field columns, and whether any holds more than a placeholder. */
function fieldCells(
  view: SheetView,
  columns: readonly [number, string][],
  rowNumber: number,
): { cells: Record<string, CellValue>; anyValue: boolean } {
  const cells: Record<string, CellValue> = {};
  let anyValue = false;
  // A row without merges (most data rows) is read from its own cells and texts directly: the
  // same values as dataText and data, without two merge lookups per cell.
  const own = view.rowHasMerges(rowNumber) ? undefined : view.texts(rowNumber);
  const ownCells = own ? view.row(rowNumber)?.cells : undefined;
  // Indexed, not destructured: `[column, key]` of each pair went through the array iterator,
  // and its result objects were a tenth of what reading a file allocated.
  for (let index = 0; index < columns.length; index++) {
    const pair = columns[index] as [number, string];
    const column = pair[0];
    const key = pair[1];
    const valueText = own ? (own[column] ?? '') : view.dataText(rowNumber, column);
    if (valueText === '') continue;
    const value = own ? ownCells?.[column] : view.data(rowNumber, column);
    // Once one cell holds more than a placeholder, the others need not be tested.
    if (!anyValue && key !== 'seq' && !placeholderPattern.test(valueText)) anyValue = true;
    if (key === 'phone' && cells.phone !== undefined) {
      cells.phone = `${normalizeText(cells.phone)}、${valueText}`;
    } else if (cells[key] === undefined) {
      cells[key] = value;
    }
  }
  return { cells, anyValue };
}

/** Separate 开始时间 and 结束时间 columns make one 举办时间 range. */
function joinDateColumns(cells: Record<string, CellValue>): void {
  const start = cells[dateStartKey];
  const end = cells[dateEndKey];
  // Deleted only when there: a deletion turns the object into a slow dictionary for parseRow.
  if (start !== undefined) delete cells[dateStartKey];
  if (end !== undefined) delete cells[dateEndKey];
  if (cells.date === undefined && start !== undefined) {
    const startText = normalizeText(start);
    const endText = normalizeText(end);
    cells.date = end !== undefined && endText !== startText ? `${startText}至${endText}` : start;
  }
}

/**
 * Tick columns 线上 | 线下 make one 举办方式: both ticked is 线上线下, one is that one, none leaves
 * the field empty (the usual required error). A mark that is neither a tick nor a plain "no"
 * is handed on as typed, so the row gets a mode-unknown error showing it.
 */
function joinTickColumns(cells: Record<string, CellValue>): void {
  const online = cells[modeOnlineKey];
  const offline = cells[modeOfflineKey];
  if (online === undefined && offline === undefined) return;
  if (online !== undefined) delete cells[modeOnlineKey];
  if (offline !== undefined) delete cells[modeOfflineKey];
  if (cells.mode !== undefined) return;
  const marks = [normalizeText(online), normalizeText(offline)].map((text) => text.replace(/\s+/g, ''));
  const unclear = marks.find(
    (mark) => mark !== '' && !tickedPattern.test(mark) && !untickedPattern.test(mark),
  );
  if (unclear !== undefined) {
    cells.mode = unclear;
    return;
  }
  const [isOnline, isOffline] = marks.map((mark) => tickedPattern.test(mark));
  if (isOnline && isOffline) cells.mode = '线上线下';
  else if (isOnline) cells.mode = '线上';
  else if (isOffline) cells.mode = '线下';
}
