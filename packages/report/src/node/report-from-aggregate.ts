import { maskRowPhones, type ReportLike, type ReportRow, safeFileName } from '@jianshen/aggregator';
import type { ResolvedCampaign } from '@jianshen/plugin-kit';
import type { Lang } from '@jianshen/schema';
import { attachmentListsRows } from '../consolidated-attachment.js';
import { reportSettings } from '../report-settings.js';
import { renderReportWithCharts } from './render-report-with-charts.js';

/** The report's file name: its title (关于…开展情况的报告.docx). */
export function reportFileName(campaign: ResolvedCampaign, lang: Lang = 'zh'): string {
  return `${safeFileName(reportSettings(campaign, { files: [] }, lang).title)}.docx`;
}

export interface ReportFromAggregateOptions {
  campaign: ResolvedCampaign;
  /** An aggregation's report, rows in memory or streamed. */
  report: ReportLike;
  lang?: Lang;
  /** Hide the middle digits of contact numbers, as the other outputs do with --mask-phone. */
  maskPhone?: boolean;
}

/**
 * The report straight from an aggregation (`jianshen aggregate --out`): the rows are read once
 * from a streamed report, masked on request, then laid out with the charts. Above the
 * attachment's limit the rows are not read at all: the attachment names the workbook instead.
 */
export async function renderReportFromAggregate(options: ReportFromAggregateOptions): Promise<Uint8Array> {
  const rows: ReportRow[] = [];
  if (attachmentListsRows(options.report.summary.rowsAccepted))
    for await (const row of options.report.rows) rows.push(options.maskPhone ? maskRowPhones(row) : row);
  return renderReportWithCharts({
    campaign: options.campaign,
    report: { ...options.report, rows },
    ...(options.lang ? { lang: options.lang } : {}),
  });
}
