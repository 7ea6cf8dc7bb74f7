import type { AggregateReport } from '@jianshen/aggregator';
import type { CreateRawDeflater } from '@jianshen/ooxml';
import type { ResolvedCampaign } from '@jianshen/plugin-kit';
import type { Lang } from '@jianshen/schema';

/** report.json as the report reads it: rows in memory (the attachment lists every one). */
export type ReportJson = Pick<AggregateReport, 'campaign' | 'files' | 'rows' | 'issues' | 'summary'> &
  Partial<Pick<AggregateReport, 'assessment'>>;

/** A chart as a picture: PNG bytes and their size in pixels (`@jianshen/charts/node` makes them). */
export interface ChartPicture {
  title: string;
  png: Uint8Array;
  width: number;
  height: number;
}

export interface RenderReportOptions {
  campaign: ResolvedCampaign;
  report: ReportJson;
  /** The charts in the order they are shown (activities per unit, by 举办方式, by month). */
  charts?: readonly ChartPicture[];
  lang?: Lang;
  /** A native deflater for the .docx zip (`renderReportWithCharts` passes zlib's). */
  createDeflater?: CreateRawDeflater;
}
