import type { RenderedChart } from '@jianshen/charts';
import { formatTemplate, type Lang } from '@jianshen/schema';
import { chartsPartSays } from './charts-text.js';

export interface ChartDataTableProps {
  lang: Lang;
  chart: RenderedChart;
}

/** The numbers a chart draws, as a table: the picture's text alternative, and easy to copy. */
export function ChartDataTable({ lang, chart }: ChartDataTableProps) {
  const [labelHeader, valueHeader] = chart.table.headers;
  return (
    <table class="chart-data">
      <caption>{formatTemplate(chartsPartSays(lang, 'dataCaption'), { title: chart.title })}</caption>
      <thead>
        <tr>
          <th scope="col">{labelHeader}</th>
          <th scope="col">{valueHeader}</th>
        </tr>
      </thead>
      <tbody>
        {chart.table.rows.map((row) => (
          <tr key={row.label}>
            <th scope="row">{row.label}</th>
            <td>{row.value}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
