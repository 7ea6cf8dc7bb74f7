import type { ActivityMode } from '@jianshen/schema';

/**
 * What the charts read from a report's summary. Declared here by shape rather than imported from
 * the aggregator: charts sit beside the aggregator (same layer), and the aggregator's
 * `ReportSummary` (report.json's `summary`) satisfies this interface as it is.
 */
export interface ChartSummary {
  /** Units with a file or an accepted row, in the campaign's order. */
  readonly byUnit: readonly { readonly unit: string; readonly rows: number }[];
  /** Every 举办方式, zeros included. */
  readonly byMode: readonly { readonly mode: ActivityMode; readonly rows: number }[];
  /** By the month an activity starts in (YYYY-MM), ascending. */
  readonly byMonth: readonly { readonly month: string; readonly rows: number }[];
  /** Expected units with no file: drawn as zero bars so a missing county shows. */
  readonly missingUnits: readonly string[];
}
