import type { Lang } from '@jianshen/schema';
import type { PieSeriesOption } from 'echarts/charts';
import type { ChartDatum } from './chart-data.js';
import { baseOption, emptyNote } from './chart-style.js';
import { chartText } from './chart-text.js';

/**
 * A pie of 线上 / 线下 / 线上线下, each slice labelled with its count and share. Modes with no
 * activity are left out of the pie (a zero slice only stacks labels on top of each other); the
 * text alternative still lists them.
 */
export function modeChartOption(title: string, data: readonly ChartDatum[], lang: Lang) {
  const slices = data.filter((datum) => datum.value > 0);
  if (slices.length === 0)
    return { ...baseOption(title), graphic: [emptyNote(chartText(lang, 'noActivities'))] };
  return {
    ...baseOption(title),
    series: [
      {
        type: 'pie',
        center: ['50%', '56%'],
        radius: ['0%', '58%'],
        percentPrecision: 1,
        data: slices.map((datum) => ({ name: datum.label, value: datum.value })),
        label: {
          fontSize: 13,
          formatter: chartText(lang, 'modeSliceLabel'),
        },
      } satisfies PieSeriesOption,
    ],
  };
}
