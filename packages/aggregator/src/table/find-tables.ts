import { type CellValue, normalizeText, type ResolvedField, toHalfWidth } from '@jianshen/schema';
import type { GridRow, GridSheet, MergeRange } from '../read/grid.js';
import {
  createLabelMatcher,
  dateEndKey,
  dateStartKey,
  type LabelMatcher,
  normalizeLabel,
  unitColumnKey,
} from './labels.js';

/** Why a row inside a table was not read as data; counted in the report, never silent. */
export type SkipReason = 'blank' | 'footer' | 'example' | 'heading';

export interface SkippedCounts {
  blank: number;
  footer: number;
  example: number;
  heading: number;
}

export function emptySkipped(): SkippedCounts {
  return { blank: 0, footer: 0, example: 0, heading: 0 };
}

export interface DataRow {
  /** 1-based row as the clerk sees it. */
  row: number;
  /** Raw cells by field key. */
  cells: Record<string, CellValue>;
  /** Cells under unknown columns, by header text. */
  extra: Record<string, string>;
  /** From a 来源单位 column, when the table has one (a consolidated workbook read again). */
  unit?: string;
}

export interface FoundTable {
  sheet: string;
  /** The unit from the 单位名称（盖章） line, or a guess (see `unitSource`). */
  unit: string;
  unitSource: 'unit-line' | 'sheet-name' | 'title' | 'file-name';
  /** First and last header row (two-row headers). */
  headerRow: number;
  headerEnd: number;
  /** 0-based column → field key. */
  columns: Map<number, string>;
  /** Header cells that name no field: 0-based column and text. */
  unknownColumns: { column: number; label: string }[];
  /** Required fields without a column. */
  missingFields: ResolvedField[];
  rows: DataRow[];
  skipped: SkippedCounts;
  /** Rows of each skipped kind, for the report's detail. */
  skippedRows: { row: number; reason: SkipReason }[];
  /** 0-based column of 序号, when the table has one. */
  seqColumn?: number;
}

export interface FindTablesOptions {
  /** Unit used when no 单位名称 line is found: usually the file name without extension. */
  fallbackUnit: string;
  /** Expected units: a sheet name or title that names one is used before the file name. */
  expectedUnits?: readonly string[];
}

const unitLinePattern =
  /^(?:单位名称|填报单位|报送单位|填表单位|报送单位名称|填报单位名称)\s*[（(]?\s*(?:盖章|公章|签章)?\s*[）)]?\s*[:：]\s*(.*)$/s;
const unitLineWithoutColon =
  /^(?:单位名称|填报单位|报送单位|填表单位)\s*[（(]\s*(?:盖章|公章|签章)\s*[）)]\s*(.*)$/s;
// What follows the unit on the same line: 填报日期：…, 联系人：… separated by spaces.
const unitTailPattern =
  /\s{2,}.*$|\s*(?:填报|填表|报送|制表)?(?:日期|时间)\s*[:：].*$|\s*(?:填表人|联系人|电话)\s*[:：].*$/s;
const footerPattern =
  /^(?:填表人|填报人|审核人|制表人|审核|制表|审批|单位负责人|负责人|分管领导|主要领导|联系人|联系电话|填表日期|填报日期|报送日期|日期|注|说明|备注|填表说明)\s*(?:[（(]?\s*(?:签字|签名|签章|盖章)\s*[）)]?)?\s*[:：]|^(?:合计|总计|小计|共计)/;
const withPunctuation = { punctuation: true } as const;
// What a 单位名称（盖章）：… line starts with, full-width letters made half-width or not.
const unitLineStart = /^(?:单位|填报|报送|填表)/;
// What clerks type to say "nothing here": a row of these alone is blank, not a broken activity.
const placeholderPattern = /^(?:无|暂无|空|没有|\/|／|-|－|—+|\\|n\/a|none)$/i;
const examplePattern = /^[（(【[]?\s*(?:示例|样例|举例|例|例如|example|sample)\s*[）)】\]]?\s*(?:[:：\d]|$)/i;

function isDigits(value: string): boolean {
  if (value === '') return false;
  for (let index = 0; index < value.length; index++) {
    const code = value.charCodeAt(index);
    if (code < 0x30 || code > 0x39) return false;
  }
  return true;
}

function text(value: CellValue): string {
  return normalizeText(value);
}

/** The unit named by a 单位名称（盖章）：… text, '' when the line is there but blank, undefined if not a unit line. */
export function unitFromLine(line: string, rest: readonly string[] = []): string | undefined {
  const clean = toHalfWidth(normalizeText(line)).replace(/\s*[（(]\s*盖章\s*[）)]\s*$/, '');
  const match = unitLinePattern.exec(clean) ?? unitLineWithoutColon.exec(clean);
  if (!match) return undefined;
  let value = (match[1] ?? '').replace(unitTailPattern, '').trim();
  if (value === '') {
    const next = rest.find((cell) => normalizeText(cell) !== '');
    if (next !== undefined && !/[:：]/.test(next))
      value = normalizeText(next).replace(unitTailPattern, '').trim();
  }
  return value.replace(/[（(]\s*(?:盖章|公章)\s*[）)]/g, '').trim();
}

interface SheetView {
  /** Cells as read, plus merge origins copied into every cell of a merge (for headers). */
  filled(row: number, column: number): CellValue;
  /** The normalised text of `filled`. */
  filledText(row: number, column: number): string;
  /** Cells with vertical merges filled down (for data): one 举办单位 for three activities. */
  data(row: number, column: number): CellValue;
  /** The normalised text of a cell as read ('' when empty). */
  textAt(row: number, column: number): string;
  /** The normalised texts of a row's cells, by column. */
  texts(row: number): readonly string[];
  /** The normalised text of `data`. */
  dataText(row: number, column: number): string;
  hasMerges: boolean;
  /** The merge a cell is part of. */
  mergeAt(row: number, column: number): MergeRange | undefined;
  row(number: number): GridRow | undefined;
  width: number;
}

// Merge lookups key a cell as one number: columns stop at 16,384 (XFD) in every format read.
const columnSpan = 16_384;

function createView(sheet: GridSheet): SheetView {
  const byNumber = new Map<number, GridRow>(sheet.rows.map((row) => [row.row, row]));
  const mergeIndex = new Map<number, MergeRange>();
  // Merges are indexed cell by cell, capped so a sheet-wide merge cannot cost gigabytes.
  let budget = 200_000;
  for (const range of sheet.merges) {
    for (let row = range.top; row <= range.bottom && budget > 0; row++) {
      for (let column = range.left; column <= range.right && budget > 0; column++, budget--) {
        mergeIndex.set(row * columnSpan + column, range);
      }
    }
  }
  const hasMerges = mergeIndex.size > 0;
  const mergeAt = (row: number, column: number) =>
    hasMerges ? mergeIndex.get(row * columnSpan + column) : undefined;
  // Every cell is normalised once: header, unit-line, footer and data checks all read the text.
  const textCache = new Map<number, string[]>();
  const texts = (number: number): string[] => {
    let cached = textCache.get(number);
    if (!cached) {
      cached = (byNumber.get(number)?.cells ?? []).map((cell) => text(cell));
      textCache.set(number, cached);
    }
    return cached;
  };
  const textAt = (row: number, column: number) => texts(row)[column] ?? '';
  const origin = (row: number, column: number) => byNumber.get(row)?.cells[column];
  const width = sheet.rows.reduce((max, row) => Math.max(max, row.cells.length), 0);
  return {
    row: (number) => byNumber.get(number),
    mergeAt,
    texts,
    textAt,
    filled(row, column) {
      const range = mergeAt(row, column);
      return range ? origin(range.top, range.left) : origin(row, column);
    },
    filledText(row, column) {
      const range = mergeAt(row, column);
      return range ? textAt(range.top, range.left) : textAt(row, column);
    },
    data(row, column) {
      const range = mergeAt(row, column);
      if (range && range.bottom > range.top) return origin(range.top, range.left);
      return origin(row, column);
    },
    dataText(row, column) {
      const range = mergeAt(row, column);
      if (range && range.bottom > range.top) return textAt(range.top, range.left);
      return textAt(row, column);
    },
    hasMerges,
    width,
  };
}

interface HeaderMatch {
  columns: Map<number, string>;
  labels: Map<number, string>;
  score: number;
}

function distinctScore(columns: Map<number, string>): number {
  const keys = new Set(
    [...columns.values()].map((key) => (key === dateStartKey || key === dateEndKey ? 'date' : key)),
  );
  keys.delete(unitColumnKey);
  return keys.size;
}

function matchHeaderRow(view: SheetView, matcher: LabelMatcher, rowNumber: number): HeaderMatch {
  const columns = new Map<number, string>();
  const labels = new Map<number, string>();
  // Without merges only the row's own cells can hold a label.
  const last = view.hasMerges ? view.width : (view.row(rowNumber)?.cells.length ?? 0);
  for (let column = 0; column < last; column++) {
    const label = view.filledText(rowNumber, column);
    if (label === '') continue;
    labels.set(column, label);
    const key = matcher.match(label);
    if (key) columns.set(column, key);
  }
  return { columns, labels, score: distinctScore(columns) };
}

/** A second header row under the first: sub-captions, or a group header split into columns. */
function matchSecondRow(
  view: SheetView,
  matcher: LabelMatcher,
  first: HeaderMatch,
  rowNumber: number,
): HeaderMatch | undefined {
  const next = view.row(rowNumber + 1);
  if (!next) return undefined;
  const columns = new Map<number, string>();
  const labels = new Map<number, string>();
  let origins = 0;
  for (let column = 0; column < view.width; column++) {
    const top = view.filledText(rowNumber, column);
    const below = view.filledText(rowNumber + 1, column);
    const belowRange = view.mergeAt(rowNumber + 1, column);
    const belowIsOrigin =
      below !== '' && (!belowRange || (belowRange.top === rowNumber + 1 && belowRange.left === column));
    const candidates: [string, string | undefined][] = [
      [below, below ? matcher.match(below) : undefined],
      [`${top}${below}`, top && below && top !== below ? matcher.match(`${top}${below}`) : undefined],
      [top, top ? matcher.match(top) : undefined],
    ];
    const chosen = candidates.find(([, key]) => key !== undefined);
    if (belowIsOrigin) {
      origins++;
      const topRange = view.mergeAt(rowNumber, column);
      const groupAbove = topRange !== undefined && topRange.right > topRange.left;
      const explained = (candidates[0]?.[1] ?? candidates[1]?.[1]) !== undefined || groupAbove;
      if (!explained) return undefined;
    }
    const label = below && top && below !== top ? `${top}${below}` : top || below;
    if (label) labels.set(column, label);
    if (chosen?.[1]) columns.set(column, chosen[1]);
  }
  if (origins === 0) return undefined;
  const score = distinctScore(columns);
  return score >= first.score ? { columns, labels, score } : undefined;
}

function isHeader(match: HeaderMatch): boolean {
  const keys = new Set(match.columns.values());
  return match.score >= 3 && (keys.has('name') || keys.has('organizer'));
}

function rowTexts(view: SheetView, rowNumber: number): string[] {
  return view.texts(rowNumber).filter((value) => value !== '');
}

function unitInRow(view: SheetView, rowNumber: number): string | undefined {
  const texts = view.texts(rowNumber);
  for (let column = 0; column < texts.length; column++) {
    const value = texts[column] ?? '';
    // Every unit line starts with one of these; most cells are data and stop here, most of them
    // at the first character (单, 填 or 报), before any regular expression runs.
    const first = value.charCodeAt(0);
    if (first !== 0x5355 && first !== 0x586b && first !== 0x62a5) continue;
    if (!unitLineStart.test(value)) continue;
    const unit = unitFromLine(value, texts.slice(column + 1));
    if (unit !== undefined) return unit;
  }
  return undefined;
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

function expectedIn(candidate: string, expected: readonly string[]): string | undefined {
  const normal = normalizeLabel(candidate);
  const found = expected.find((unit) => normal.includes(normalizeLabel(unit)));
  return found === undefined ? undefined : candidate;
}

/**
 * Finds every statistics table in a sheet: header rows by their labels (one or two rows), the
 * unit from the 单位名称（盖章） line before each, and the data rows until the next table,
 * with blank, footer, example and heading rows counted apart.
 */
export function findTables(
  sheet: GridSheet,
  fields: readonly ResolvedField[],
  options: FindTablesOptions,
): FoundTable[] {
  const view = createView(sheet);
  const matcher = createLabelMatcher(fields);
  const tables: FoundTable[] = [];
  const expected = options.expectedUnits ?? [];
  let pendingUnit: string | undefined;
  let titleLines: string[] = [];
  for (const line of sheet.leadingLines ?? []) {
    const unit = unitFromLine(line);
    if (unit) pendingUnit = unit;
    else titleLines.push(line);
  }
  let current: FoundTable | undefined;
  // Each table's columns as a list, made once: iterating the map made an entry array per cell.
  const columnLists = new Map<FoundTable, [number, string][]>();
  let trailingBlanks: number[] = [];
  const closeTable = () => {
    if (!current) return;
    // Blank rows after the last data row are the template's unused rows, not skipped data.
    current.skipped.blank -= trailingBlanks.length;
    current.skippedRows = current.skippedRows.filter((entry) => !trailingBlanks.includes(entry.row));
    trailingBlanks = [];
    tables.push(current);
    current = undefined;
  };

  const rowNumbers = sheet.rows.map((row) => row.row);
  let previousRow = 0;
  for (let index = 0; index < rowNumbers.length; index++) {
    const rowNumber = rowNumbers[index] ?? 0;
    if (current && rowNumber <= current.headerEnd) {
      previousRow = rowNumber;
      continue;
    }
    // Rows absent from the file between two rows of a table are blank rows the clerk left.
    if (current) {
      for (let gap = Math.max(previousRow, current.headerEnd) + 1; gap < rowNumber; gap++) {
        current.skipped.blank++;
        current.skippedRows.push({ row: gap, reason: 'blank' });
        trailingBlanks.push(gap);
      }
    }
    previousRow = rowNumber;
    // Inside a table, a row numbered in its 序号 column is data: no header is numbered.
    const seqColumn = current?.seqColumn;
    const numbered = seqColumn !== undefined && /^\d+$/.test(view.textAt(rowNumber, seqColumn));
    const header = numbered ? undefined : matchHeaderRow(view, matcher, rowNumber);
    if (header && isHeader(header)) {
      closeTable();
      const second = matchSecondRow(view, matcher, header, rowNumber);
      const chosen = second ?? header;
      const headerEnd = second ? rowNumber + 1 : rowNumber;
      const unknownColumns: { column: number; label: string }[] = [];
      for (const [column, label] of chosen.labels) {
        if (!chosen.columns.has(column)) unknownColumns.push({ column, label });
      }
      // Two columns for one field: the first is the field, the rest are reported as unknown,
      // except phones, which clerks split into 手机 and 电话 and which are joined.
      const seen = new Set<string>();
      for (const [column, key] of [...chosen.columns]) {
        if (seen.has(key) && key !== 'phone') {
          chosen.columns.delete(column);
          unknownColumns.push({ column, label: chosen.labels.get(column) ?? '' });
        }
        seen.add(key);
      }
      const keys = new Set(chosen.columns.values());
      if (keys.has(dateStartKey)) keys.add('date');
      let unit = pendingUnit;
      let unitSource: FoundTable['unitSource'] = 'unit-line';
      if (!unit) {
        const fromTitle = titleLines.map((line) => expectedIn(line, expected)).find(Boolean);
        const fromSheet = expectedIn(sheet.name, expected);
        if (fromTitle) {
          unit =
            expected.find((name) => normalizeLabel(fromTitle).includes(normalizeLabel(name))) ?? fromTitle;
          unitSource = 'title';
        } else if (fromSheet) {
          unit = sheet.name;
          unitSource = 'sheet-name';
        } else {
          unit = options.fallbackUnit;
          unitSource = 'file-name';
        }
      }
      const seqColumn = [...chosen.columns].find(([, key]) => key === 'seq')?.[0];
      current = {
        ...(seqColumn !== undefined ? { seqColumn } : {}),
        sheet: sheet.name,
        unit,
        unitSource,
        headerRow: rowNumber,
        headerEnd,
        columns: chosen.columns,
        unknownColumns: unknownColumns.sort((a, b) => a.column - b.column),
        missingFields: fields.filter((field) => field.required && !keys.has(field.key)),
        rows: [],
        skipped: emptySkipped(),
        skippedRows: [],
      };
      pendingUnit = undefined;
      titleLines = [];
      continue;
    }
    const unit = unitInRow(view, rowNumber);
    if (unit !== undefined) {
      // A unit line under a table that had none above it (填报单位 at the bottom) is that table's.
      if (current && unit !== '' && current.unitSource !== 'unit-line' && current.rows.length > 0) {
        current.unit = unit;
        current.unitSource = 'unit-line';
      }
      closeTable();
      pendingUnit = unit === '' ? undefined : unit;
      continue;
    }
    if (!current) {
      titleLines.push(...rowTexts(view, rowNumber));
      continue;
    }
    const table: FoundTable = current;
    const skip = (reason: SkipReason) => {
      table.skipped[reason]++;
      table.skippedRows.push({ row: rowNumber, reason });
      if (reason === 'blank') trailingBlanks.push(rowNumber);
      else trailingBlanks = [];
    };
    if (isHeading(view, rowNumber)) {
      // A new table's title: it belongs to what follows, not to this table.
      titleLines = rowTexts(view, rowNumber);
      skip('heading');
      continue;
    }
    const cells: Record<string, CellValue> = {};
    let anyValue = false;
    let columns = columnLists.get(table);
    if (!columns) {
      columns = [...table.columns];
      columnLists.set(table, columns);
    }
    // Indexed, not destructured: `[column, key]` of each pair went through the array iterator,
    // and its result objects were a tenth of what reading a file allocated.
    for (let index = 0; index < columns.length; index++) {
      const pair = columns[index] as [number, string];
      const column = pair[0];
      const key = pair[1];
      const valueText = view.dataText(rowNumber, column);
      if (valueText === '') continue;
      const value = view.data(rowNumber, column);
      if (key !== 'seq' && !placeholderPattern.test(valueText)) anyValue = true;
      if (key === 'phone' && cells.phone !== undefined) {
        cells.phone = `${text(cells.phone)}、${valueText}`;
      } else if (cells[key] === undefined) {
        cells[key] = value;
      }
    }
    // Separate 开始时间 and 结束时间 columns make one 举办时间 range.
    const start = cells[dateStartKey];
    const end = cells[dateEndKey];
    // Deleted only when there: a deletion turns the object into a slow dictionary for parseRow.
    if (start !== undefined) delete cells[dateStartKey];
    if (end !== undefined) delete cells[dateEndKey];
    if (cells.date === undefined && start !== undefined) {
      cells.date = end !== undefined && text(end) !== text(start) ? `${text(start)}至${text(end)}` : start;
    }
    const extra: Record<string, string> = {};
    for (const { column, label } of table.unknownColumns) {
      const value = view.dataText(rowNumber, column);
      if (value !== '') {
        extra[label] = value;
        if (!placeholderPattern.test(value)) anyValue = true;
      }
    }
    const first = view.texts(rowNumber).find((value) => value !== '') ?? '';
    // Mostly the row's number: digits stay as they are, and no footer or example starts so.
    const firstClean = isDigits(first) ? first : toHalfWidth(first, withPunctuation).replace(/\s+/g, '');
    if (footerPattern.test(firstClean) && !(typeof cells.name === 'string' && cells.name === first)) {
      skip('footer');
      continue;
    }
    if (!anyValue) {
      skip('blank');
      continue;
    }
    const seqText = text(cells.seq);
    const noteText = text(cells.note);
    if (
      /示例|样例|example/i.test(seqText) ||
      examplePattern.test(seqText) ||
      examplePattern.test(firstClean) ||
      /^[（(【[]?示例[）)】\]]?$/.test(noteText)
    ) {
      skip('example');
      continue;
    }
    trailingBlanks = [];
    const rowUnit = cells[unitColumnKey];
    if (rowUnit !== undefined) delete cells[unitColumnKey];
    const row: DataRow = { row: rowNumber, cells, extra };
    if (rowUnit !== undefined && text(rowUnit) !== '') row.unit = text(rowUnit);
    table.rows.push(row);
  }
  closeTable();
  return tables;
}
