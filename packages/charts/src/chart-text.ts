import { defineTexts, type Lang, textsIn } from '@jianshen/schema';

/** The charts' own words, Chinese first. */
const chartTexts = defineTexts({
  byUnitTitle: { zh: '各单位活动数', en: 'Activities by unit' },
  byModeTitle: { zh: '举办方式占比', en: 'Share by mode (online / offline)' },
  byMonthTitle: { zh: '各月活动数', en: 'Activities by month' },
  byUnitFile: { zh: '各单位活动数', en: 'activities-by-unit' },
  byModeFile: { zh: '举办方式占比', en: 'share-by-mode' },
  byMonthFile: { zh: '各月活动数', en: 'activities-by-month' },
  unitHeader: { zh: '单位', en: 'Unit' },
  modeHeader: { zh: '举办方式', en: 'Mode' },
  monthHeader: { zh: '月份', en: 'Month' },
  activitiesHeader: { zh: '活动数', en: 'Activities' },
  byUnitTopTitle: {
    zh: '各单位活动数（前 {shown} 个，共 {count} 个单位）',
    en: 'Activities by unit (top {shown} of {count})',
  },
  noActivities: { zh: '暂无活动数据', en: 'No activities yet' },
  /** ECharts' pie label template: {b} name, {c} value, {d} percent. */
  modeSliceLabel: { zh: '{b}\n{c} 项（{d}%）', en: '{b}\n{c} ({d}%)' },
  monthLabel: { zh: '{year}年{month}月', en: '{monthName} {year}' },
});

export type ChartTextKey = keyof typeof chartTexts;

/** A text of the charts; ECharts' own `{b}`-style placeholders are left for ECharts to fill. */
export function chartText(
  lang: Lang,
  key: ChartTextKey,
  data: Readonly<Record<string, unknown>> = {},
): string {
  return textsIn(chartTexts, lang)(key, data);
}

const englishMonths = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `2024-06` as 2024年6月 or Jun 2024; anything else as given. */
export function monthLabel(month: string, lang: Lang): string {
  const match = /^(\d{4})-(\d{2})$/.exec(month);
  if (!match) return month;
  const [, year, number] = match;
  return chartText(lang, 'monthLabel', {
    year,
    month: Number(number),
    monthName: englishMonths[Number(number) - 1],
  });
}
