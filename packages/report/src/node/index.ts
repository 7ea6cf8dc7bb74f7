export { type RenderReportWithChartsOptions, renderReportWithCharts } from './render-report-with-charts.js';
