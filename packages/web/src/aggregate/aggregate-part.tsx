import type { RenderedChart } from '@jianshen/charts';
import type { CampaignInput, Lang } from '@jianshen/schema';

export interface AggregatePartProps {
  lang: Lang;
  campaign: CampaignInput;
  /** The last aggregation's charts (from the worker's renderReportCharts), for the 图表 part. */
  onCharts: (charts: readonly RenderedChart[] | undefined) => void;
}

// SKELETON: replaced by the 汇总 part (files, worker, tables, downloads).
export function AggregatePart(_props: AggregatePartProps) {
  return <p>报送文件</p>;
}
