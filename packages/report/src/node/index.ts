export { type RenderReportWithChartsOptions, renderReportWithCharts } from './render-report-with-charts.js';
export {
  type ReportFromAggregateOptions,
  renderReportFromAggregate,
  reportFileName,
} from './report-from-aggregate.js';
