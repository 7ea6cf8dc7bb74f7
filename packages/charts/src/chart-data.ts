import { type Lang, modeLabels } from '@jianshen/schema';
import type { ChartSummary } from './chart-summary.js';
import { monthLabel } from './chart-text.js';

/** One bar or slice: what is drawn and what the text alternative lists. */
export interface ChartDatum {
  label: string;
  value: number;
}

/**
 * Activities per unit, every expected unit included: the most active first (the order a report
 * names them in), ties and zeros in the campaign's order, then the units that sent nothing.
 */
export function unitData(summary: ChartSummary): ChartDatum[] {
  const reported = summary.byUnit.map((group, index) => ({ label: group.unit, value: group.rows, index }));
  const known = new Set(reported.map((datum) => datum.label));
  const missing = summary.missingUnits
    .filter((unit) => !known.has(unit))
    .map((unit, index) => ({ label: unit, value: 0, index: reported.length + index }));
  return [...reported, ...missing]
    .sort((a, b) => b.value - a.value || a.index - b.index)
    .map(({ label, value }) => ({ label, value }));
}

/**
 * The `most` most active units when there are more: a province's report with 120 units drew 120
 * bars into a picture 8 lines high, each a hairline with an unreadable name. (One more bar for
 * "the others" would dwarf every unit's bar.) The chart's title says how many are shown; the
 * assessment table still lists every unit.
 */
export function topUnits(data: readonly ChartDatum[], most: number): ChartDatum[] {
  return data.slice(0, Math.max(0, most));
}

/** Activities per 举办方式 in the schema's order (线上, 线下, 线上线下), labelled in `lang`. */
export function modeData(summary: ChartSummary, lang: Lang): ChartDatum[] {
  return summary.byMode.map((group) => ({ label: modeLabels[group.mode][lang], value: group.rows }));
}

/**
 * Months with no activity between the first and the last are shown as zero, so the axis reads as
 * time. A span longer than this (a mistyped year, 2004 for 2024) lists only the months present.
 */
const longestFilledSpan = 36;

/** Activities per month an activity starts in, ascending. */
export function monthData(summary: ChartSummary, lang: Lang): ChartDatum[] {
  const counts = new Map(summary.byMonth.map((group) => [group.month, group.rows]));
  const months = fillMonths([...counts.keys()].sort());
  return months.map((month) => ({ label: monthLabel(month, lang), value: counts.get(month) ?? 0 }));
}

function fillMonths(sorted: readonly string[]): string[] {
  const first = monthIndex(sorted[0]);
  const last = monthIndex(sorted[sorted.length - 1]);
  if (first === undefined || last === undefined || last - first >= longestFilledSpan) return [...sorted];
  if (sorted.some((month) => monthIndex(month) === undefined)) return [...sorted];
  return Array.from({ length: last - first + 1 }, (_, offset) => {
    const index = first + offset;
    return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
  });
}

function monthIndex(month: string | undefined): number | undefined {
  const match = month === undefined ? null : /^(\d{4})-(\d{2})$/.exec(month);
  return match ? Number(match[1]) * 12 + Number(match[2]) - 1 : undefined;
}
