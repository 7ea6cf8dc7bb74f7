export { type ChartDatum, modeData, monthData, topUnits, unitData } from './chart-data.js';
export type { ChartSummary } from './chart-summary.js';
export {
  type ChartId,
  type ChartTable,
  type RenderChartsOptions,
  type RenderedChart,
  renderReportCharts,
} from './render-report-charts.js';
export { chartFontFamily } from './render-svg.js';
