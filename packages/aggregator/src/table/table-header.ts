import {
  dateEndKey,
  dateStartKey,
  type LabelMatcher,
  modeOfflineKey,
  modeOnlineKey,
  normalizeLabel,
  unitColumnKey,
} from './labels.js';
import type { SheetView } from './sheet-view.js';
import { isNilStatement } from './table-rows.js';

export interface HeaderMatch {
  columns: Map<number, string>;
  labels: Map<number, string>;
  score: number;
}

/** A table's header as found: its columns by field, the rest as unknown columns. */
export interface TableHeader {
  /** Last header row (the first one's next row when the header has two rows). */
  headerEnd: number;
  /** 0-based column → field key. */
  columns: Map<number, string>;
  unknownColumns: { column: number; label: string }[];
}

// Keys that count as one field for a header's score: separate start and end columns are
// 举办时间, tick columns 线上 | 线下 are 举办方式.
const scoreKeys = new Map([
  [dateStartKey, 'date'],
  [dateEndKey, 'date'],
  [modeOnlineKey, 'mode'],
  [modeOfflineKey, 'mode'],
]);

function distinctScore(columns: Map<number, string>): number {
  const keys = new Set([...columns.values()].map((key) => scoreKeys.get(key) ?? key));
  keys.delete(unitColumnKey);
  return keys.size;
}

export function matchHeaderRow(view: SheetView, matcher: LabelMatcher, rowNumber: number): HeaderMatch {
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

/** One column of a possible second header row: its label, its field, and whether it fits. */
interface SecondRowColumn {
  label: string;
  key: string | undefined;
  /** The row below has its own cell here (not a merge from above or from the left). */
  origin: boolean;
  /** False when that cell can be no sub-caption: the rows are no two-row header. */
  fits: boolean;
}

function secondRowColumn(
  view: SheetView,
  matcher: LabelMatcher,
  rowNumber: number,
  column: number,
): SecondRowColumn {
  const top = view.filledText(rowNumber, column);
  const below = view.filledText(rowNumber + 1, column);
  const belowRange = view.mergeAt(rowNumber + 1, column);
  const origin =
    below !== '' && (!belowRange || (belowRange.top === rowNumber + 1 && belowRange.left === column));
  const own = below ? (tickKey(below) ?? matcher.match(below)) : undefined;
  const joined = top && below && top !== below ? matcher.match(`${top}${below}`) : undefined;
  const key = own ?? joined ?? (top ? matcher.match(top) : undefined);
  const label = below && top && below !== top ? `${top}${below}` : top || below;
  if (!origin) return { label, key, origin, fits: true };
  // 无 or 本单位无活动 under the header is a "无" return, not a sub-caption.
  if (isNilStatement(below)) return { label, key, origin, fits: false };
  const topRange = view.mergeAt(rowNumber, column);
  const groupAbove = topRange !== undefined && topRange.right > topRange.left;
  return { label, key, origin, fits: (own ?? joined) !== undefined || groupAbove };
}

/** A second header row under the first: sub-captions, or a group header split into columns. */
export function matchSecondRow(
  view: SheetView,
  matcher: LabelMatcher,
  first: HeaderMatch,
  rowNumber: number,
): HeaderMatch | undefined {
  if (!view.row(rowNumber + 1)) return undefined;
  const columns = new Map<number, string>();
  const labels = new Map<number, string>();
  let origins = 0;
  for (let column = 0; column < view.width; column++) {
    const found = secondRowColumn(view, matcher, rowNumber, column);
    if (!found.fits) return undefined;
    if (found.origin) origins++;
    if (found.label) labels.set(column, found.label);
    if (found.key) columns.set(column, found.key);
  }
  if (origins === 0) return undefined;
  const score = distinctScore(columns);
  return score >= first.score ? { columns, labels, score } : undefined;
}

export function isHeader(match: HeaderMatch): boolean {
  const keys = new Set(match.columns.values());
  return match.score >= 3 && (keys.has('name') || keys.has('organizer'));
}

// A column captioned 线上 or 线下 alone (under a 举办方式 group, or on its own) is ticked, not typed.
const onlineCaption = /^(?:线上|线上活动|线上举办|网上|online)$/;
const offlineCaption = /^(?:线下|线下活动|线下举办|现场|offline)$/;

/** The tick-column key a caption names: 线上 → online, 线下 → offline. */
export function tickKey(caption: string): string | undefined {
  const label = normalizeLabel(caption);
  if (onlineCaption.test(label)) return modeOnlineKey;
  if (offlineCaption.test(label)) return modeOfflineKey;
  return undefined;
}

/**
 * The header's columns: the two-row match when there is one, tick columns captioned 线上 | 线下
 * found in either, and a second column for a field reported as unknown, except phones, which
 * clerks split into 手机 and 电话 and which are joined.
 */
export function tableHeader(
  view: SheetView,
  matcher: LabelMatcher,
  header: HeaderMatch,
  rowNumber: number,
): TableHeader {
  const second = matchSecondRow(view, matcher, header, rowNumber);
  const chosen = second ?? header;
  const headerEnd = second ? rowNumber + 1 : rowNumber;
  for (const [column] of chosen.labels) {
    const key = tickKey(view.filledText(headerEnd, column));
    if (key && (chosen.columns.get(column) ?? 'mode') === 'mode') chosen.columns.set(column, key);
  }
  const unknownColumns: { column: number; label: string }[] = [];
  for (const [column, label] of chosen.labels) {
    if (!chosen.columns.has(column)) unknownColumns.push({ column, label });
  }
  const seen = new Set<string>();
  for (const [column, key] of [...chosen.columns]) {
    if (seen.has(key) && key !== 'phone') {
      chosen.columns.delete(column);
      unknownColumns.push({ column, label: chosen.labels.get(column) ?? '' });
    }
    seen.add(key);
  }
  unknownColumns.sort((a, b) => a.column - b.column);
  return { headerEnd, columns: chosen.columns, unknownColumns };
}
