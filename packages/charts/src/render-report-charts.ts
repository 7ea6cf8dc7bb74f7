import type { Lang } from '@jianshen/schema';
import type { EChartsCoreOption } from 'echarts/core';
import { type ChartDatum, modeData, monthData, topUnits, unitData } from './chart-data.js';
import { defaultChartSize } from './chart-style.js';
import type { ChartSummary } from './chart-summary.js';
import { type ChartTextKey, chartText } from './chart-text.js';
import { modeChartOption } from './mode-chart.js';
import { monthChartOption } from './month-chart.js';
import { renderOptionToSvg } from './render-svg.js';
import { unitChartHeight, unitChartOption } from './unit-chart.js';

export type ChartId = 'by-unit' | 'by-mode' | 'by-month';

const fileNameKeys = {
  'by-unit': 'byUnitFile',
  'by-mode': 'byModeFile',
  'by-month': 'byMonthFile',
} as const satisfies Record<ChartId, ChartTextKey>;

/** The numbers a chart draws: a text alternative beside the picture, and what a test checks. */
export interface ChartTable {
  /** Column headings: what is counted by, and 活动数. */
  headers: readonly [string, string];
  rows: readonly ChartDatum[];
}

export interface RenderedChart {
  id: ChartId;
  title: string;
  /** A standalone SVG document (ECharts server-side rendering). */
  svg: string;
  /** A name to save the SVG under: the title in Chinese, words joined by hyphens in English. */
  fileName: string;
  /** The SVG's size in pixels (for an <img>, or a PNG at a chosen DPI). */
  width: number;
  height: number;
  table: ChartTable;
}

export interface RenderChartsOptions {
  lang: Lang;
  /** Pixels; default 800. */
  width?: number;
  /**
   * Pixels; default 450. The per-unit chart grows past the default to give every unit a row
   * when no height is given.
   */
  height?: number;
  /**
   * At most this many bars in the per-unit chart, the most active units, its title saying so
   * (前 20 个，共 120 个单位). Default: every unit (the page's 图表 scrolls; a printed report does not).
   */
  mostUnits?: number;
}

/**
 * The report's three charts as SVG, drawn the same in Node, a worker and a page:
 * activities per unit (every expected unit, zeros included), share by 举办方式, and by month.
 */
export function renderReportCharts(summary: ChartSummary, options: RenderChartsOptions): RenderedChart[] {
  const { lang } = options;
  const width = options.width ?? defaultChartSize.width;
  const height = options.height ?? defaultChartSize.height;
  const activities = chartText(lang, 'activitiesHeader');

  const everyUnit = unitData(summary);
  const units = options.mostUnits === undefined ? everyUnit : topUnits(everyUnit, options.mostUnits);
  const unitHeight = options.height ?? unitChartHeight(units);
  const modes = modeData(summary, lang);
  const months = monthData(summary, lang);

  const draw = (
    id: ChartId,
    title: string,
    option: EChartsCoreOption,
    size: { width: number; height: number },
  ) => ({
    id,
    title,
    svg: renderOptionToSvg(option, { ...size, idPrefix: `jianshen-${id}` }),
    fileName: `${chartText(lang, fileNameKeys[id])}.svg`,
    ...size,
  });
  const byUnitTitle =
    units.length < everyUnit.length
      ? chartText(lang, 'byUnitTopTitle', { shown: units.length, count: everyUnit.length })
      : chartText(lang, 'byUnitTitle');
  const byModeTitle = chartText(lang, 'byModeTitle');
  const byMonthTitle = chartText(lang, 'byMonthTitle');
  return [
    {
      ...draw('by-unit', byUnitTitle, unitChartOption(byUnitTitle, units), { width, height: unitHeight }),
      table: { headers: [chartText(lang, 'unitHeader'), activities], rows: units },
    },
    {
      ...draw('by-mode', byModeTitle, modeChartOption(byModeTitle, modes, lang), { width, height }),
      table: { headers: [chartText(lang, 'modeHeader'), activities], rows: modes },
    },
    {
      ...draw('by-month', byMonthTitle, monthChartOption(byMonthTitle, months, lang), { width, height }),
      table: { headers: [chartText(lang, 'monthHeader'), activities], rows: months },
    },
  ];
}
