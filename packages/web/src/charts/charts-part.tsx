import type { AggregateReport } from '@jianshen/aggregator';
import type { Lang } from '@jianshen/schema';

export interface ChartsPartProps {
  lang: Lang;
  report: AggregateReport | undefined;
}

// SKELETON: replaced by the 图表 part.
export function ChartsPart(_props: ChartsPartProps) {
  return <p>图表</p>;
}
