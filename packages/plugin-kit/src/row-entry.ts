import type { ActivityRow } from '@jianshen/schema';

/** Where a row came from, as the clerk would find it again. */
export interface RowSource {
  path: string;
  sheet?: string;
  /** 1-based row number in the spreadsheet (or table row in a docx). */
  row?: number;
}

/** One accepted row as rules and summaries see it: normalised values plus plugin values. */
export interface RowEntry {
  values: Partial<ActivityRow> & Record<string, unknown>;
  /** The submitting unit (from the 单位名称（盖章） line). */
  unit: string;
  source: RowSource;
}
