import type { RenderedChart } from '@jianshen/charts';
import type { Lang } from '@jianshen/schema';
import { ChartFigure } from './chart-figure.js';
import { chartsPartSays } from './charts-text.js';
import './charts.css';

export interface ChartsPartProps {
  lang: Lang;
  /**
   * The last aggregation's charts, drawn by @jianshen/charts in the aggregate worker (ECharts
   * stays out of the page's main script); undefined before any aggregation.
   */
  charts: readonly RenderedChart[] | undefined;
}

/** The 图表 part: activities per unit, share by 举办方式, activities by month. */
export function ChartsPart({ lang, charts }: ChartsPartProps) {
  return (
    <div class="charts-part" data-state={charts ? 'done' : 'empty'}>
      <h2>{chartsPartSays(lang, 'heading')}</h2>
      {charts && charts.length > 0 ? (
        charts.map((chart) => <ChartFigure key={chart.id} lang={lang} chart={chart} />)
      ) : (
        <p class="charts-empty">{chartsPartSays(lang, 'empty')}</p>
      )}
    </div>
  );
}
