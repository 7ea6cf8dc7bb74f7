import type { AggregateReport } from '@jianshen/aggregator';
import type { CampaignInput, Lang } from '@jianshen/schema';

export interface AggregatePartProps {
  lang: Lang;
  campaign: CampaignInput;
  /** The last finished report (for the charts part). */
  onReport: (report: AggregateReport) => void;
}

// SKELETON: replaced by the 汇总 part (files, worker, tables, downloads).
export function AggregatePart(_props: AggregatePartProps) {
  return <p>报送文件</p>;
}
