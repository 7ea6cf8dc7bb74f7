import { createNodeRawDeflater } from '@jianshen/aggregator/node';
import { renderReportCharts } from '@jianshen/charts';
import { type ChartPngOptions, chartsToPng } from '@jianshen/charts/node';
import { pictureScale } from '../chart-pictures.js';
import { renderReport } from '../render-report.js';
import type { RenderReportOptions } from '../report-input.js';

export interface RenderReportWithChartsOptions extends Omit<RenderReportOptions, 'charts'> {
  /** PNG scale and fallback font (see @jianshen/charts/node). */
  png?: ChartPngOptions;
}

/**
 * Bars in the report's per-unit chart: a city's counties (临汾 17, most cities under 20) each get
 * their own; above that the picture, 8 lines high, shows the 20 most active, their names still
 * readable, and its title says so (the assessment table lists every unit).
 */
const mostUnitsInReport = 20;

/**
 * The report with its three charts drawn from report.json's summary (ECharts SVG, then PNG with
 * resvg and the system's CJK fonts), packed with zlib: what `jianshen aggregate` and `jianshen
 * report` write.
 */
export async function renderReportWithCharts(options: RenderReportWithChartsOptions): Promise<Uint8Array> {
  const lang = options.lang ?? 'zh';
  const svgs = renderReportCharts(options.report.summary, { lang, mostUnits: mostUnitsInReport });
  // Each chart as sharp as it is printed, no sharper (see pictureScale).
  const charts = await chartsToPng(svgs, { scale: pictureScale, ...options.png });
  const { png: _png, ...rest } = options;
  return renderReport({ createDeflater: (level) => createNodeRawDeflater(level), ...rest, charts });
}
