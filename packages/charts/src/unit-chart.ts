import type { BarSeriesOption } from 'echarts/charts';
import type { GridComponentOption } from 'echarts/components';
import type { ChartDatum } from './chart-data.js';
import { baseOption, defaultChartSize, titleHeight } from './chart-style.js';
import { textWidth } from './text-width.js';

const labelFont = '12px sans-serif';
/** Unit names wider than this (13 characters: 临汾市尧都区文化和旅游局 fits) wrap onto a second line. */
const labelWidth = 160;
const rowHeight = { oneLine: 26, twoLines: 36 } as const;
const plotMargin = { bottom: 32 } as const;

/**
 * Horizontal bars, one row per unit with its name on the left: long Chinese names read
 * left to right instead of being rotated, and every unit gets a row (no label is skipped).
 */
export function unitChartOption(title: string, data: readonly ChartDatum[]) {
  return {
    ...baseOption(title),
    grid: {
      top: titleHeight,
      bottom: plotMargin.bottom,
      left: 24,
      right: 48,
    } satisfies GridComponentOption,
    xAxis: { type: 'value', minInterval: 1, axisLabel: { fontSize: 12 } },
    yAxis: {
      type: 'category',
      inverse: true,
      data: data.map((datum) => datum.label),
      axisTick: { show: false },
      axisLabel: { interval: 0, fontSize: 12, width: labelWidth, overflow: 'break' },
    },
    series: [
      {
        type: 'bar',
        data: data.map((datum) => datum.value),
        barMaxWidth: 18,
        label: { show: true, position: 'right', fontSize: 12 },
      } satisfies BarSeriesOption,
    ],
  };
}

/** Tall enough for every unit's row at the default width, never shorter than the default. */
export function unitChartHeight(data: readonly ChartDatum[]): number {
  const wraps = data.some((datum) => textWidth(datum.label, labelFont) > labelWidth);
  const row = wraps ? rowHeight.twoLines : rowHeight.oneLine;
  return Math.max(defaultChartSize.height, titleHeight + plotMargin.bottom + 24 + data.length * row);
}
