import type { LocalizedText } from '@jianshen/schema';
import type { RowEntry } from './row-entry.js';

/** A number summed over rows in every summary table (e.g. 参与人数). */
export interface SummaryTotal {
  key: string;
  label: LocalizedText | string;
  value(entry: RowEntry): number | undefined;
}

/**
 * A summary a plugin contributes. With `groupBy` it is a dimension: a sheet counting rows per
 * group (a row may fall in several groups). Its `totals` are summed in every summary table.
 */
export interface SummaryDefinition {
  id: string;
  label: LocalizedText | string;
  groupBy?(entry: RowEntry): string | readonly string[] | undefined;
  /** Order of the groups; unlisted groups follow in first-seen order. */
  order?: readonly string[];
  totals?: readonly SummaryTotal[];
}

export function defineSummary<const T extends SummaryDefinition>(summary: T): T {
  return summary;
}
