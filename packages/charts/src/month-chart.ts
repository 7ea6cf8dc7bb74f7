import type { Lang } from '@jianshen/schema';
import type { BarSeriesOption } from 'echarts/charts';
import type { GridComponentOption } from 'echarts/components';
import type { ChartDatum } from './chart-data.js';
import { baseOption, emptyNote, titleHeight } from './chart-style.js';
import { chartText } from './chart-text.js';

/** More months than this are labelled at a slant so 2024年10月 and its neighbours do not touch. */
const upright = 8;

/** Vertical bars by the month activities start in, each with its count on top. */
export function monthChartOption(title: string, data: readonly ChartDatum[], lang: Lang) {
  if (data.length === 0)
    return { ...baseOption(title), graphic: [emptyNote(chartText(lang, 'noActivities'))] };
  return {
    ...baseOption(title),
    grid: { top: titleHeight + 8, bottom: 24, left: 24, right: 24 } satisfies GridComponentOption,
    xAxis: {
      type: 'category',
      data: data.map((datum) => datum.label),
      axisTick: { alignWithLabel: true },
      axisLabel: { interval: 0, fontSize: 12, rotate: data.length > upright ? 40 : 0 },
    },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      {
        type: 'bar',
        data: data.map((datum) => datum.value),
        barMaxWidth: 40,
        label: { show: true, position: 'top', fontSize: 12 },
      } satisfies BarSeriesOption,
    ],
  };
}
