import { BarChart, PieChart } from 'echarts/charts';
import { GraphicComponent, GridComponent, TitleComponent } from 'echarts/components';
import { type EChartsCoreOption, init, setPlatformAPI, use } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { textWidth } from './text-width.js';

/**
 * Fonts a bureau's machines have: Windows (微软雅黑), macOS (苹方), Linux and the CI
 * (fonts-noto-cjk). Without a CJK face the labels turn into empty boxes.
 */
export const chartFontFamily = "'Microsoft YaHei', 'PingFang SC', 'Noto Sans CJK SC', sans-serif";

let registered = false;

/**
 * Registers only what the three charts use (bar, pie, title, grid, graphic, SVG renderer): the
 * whole of ECharts is about four times larger. Done on first use rather than at import so the
 * module stays free of side effects (`sideEffects: false`).
 */
function registerOnce(): void {
  if (registered) return;
  use([BarChart, PieChart, TitleComponent, GridComponent, GraphicComponent, SVGRenderer]);
  // ECharts measures text with a canvas when a document exists (the page's main thread) and with
  // a built-in estimate elsewhere (Node, workers): different widths, different layouts. One
  // estimate everywhere keeps the same input drawing the same SVG in Node, a worker and a page.
  setPlatformAPI({ measureText: (text, font) => ({ width: textWidth(text ?? '', font) }) as TextMetrics });
  registered = true;
}

export interface SvgOptions {
  width: number;
  height: number;
  /** Starts every id and class name in the SVG, so several SVGs can share one HTML page. */
  idPrefix: string;
}

/** Draws one ECharts option as an SVG string with server-side rendering: no DOM, no canvas. */
export function renderOptionToSvg(option: EChartsCoreOption, options: SvgOptions): string {
  registerOnce();
  const { width, height } = options;
  const chart = init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    // No animation: the SVG is a still picture, drawn in its final state at once.
    chart.setOption({ animation: false, ...option });
    return stableIds(chart.renderToSVGString(), options.idPrefix);
  } finally {
    // Without dispose a timer stays alive and a Node process (the CLI, a test runner) never exits.
    chart.dispose();
  }
}

/**
 * zrender names classes and ids after counters that run on across every chart a process draws
 * (`zr7-cls-20`), so the same chart drawn twice differs. Renumbered in order of appearance under
 * one prefix, the same input gives the same bytes.
 */
function stableIds(svg: string, prefix: string): string {
  const classes = new Map<string, string>();
  return svg
    .replace(/\bzr\d+-cls-\d+/g, (name) => {
      const renamed = classes.get(name) ?? `${prefix}-cls-${classes.size}`;
      classes.set(name, renamed);
      return renamed;
    })
    .replace(/\bzr\d+-/g, `${prefix}-`);
}
