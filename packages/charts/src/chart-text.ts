import type { Lang } from '@jianshen/schema';

/** The charts' own words, Chinese first. */
const chartTexts = {
  zh: {
    byUnitTitle: '各单位活动数',
    byModeTitle: '举办方式占比',
    byMonthTitle: '各月活动数',
    byUnitFile: '各单位活动数',
    byModeFile: '举办方式占比',
    byMonthFile: '各月活动数',
    unitHeader: '单位',
    modeHeader: '举办方式',
    monthHeader: '月份',
    activitiesHeader: '活动数',
    noActivities: '暂无活动数据',
  },
  en: {
    byUnitTitle: 'Activities by unit',
    byModeTitle: 'Share by mode (online / offline)',
    byMonthTitle: 'Activities by month',
    byUnitFile: 'activities-by-unit',
    byModeFile: 'share-by-mode',
    byMonthFile: 'activities-by-month',
    unitHeader: 'Unit',
    modeHeader: 'Mode',
    monthHeader: 'Month',
    activitiesHeader: 'Activities',
    noActivities: 'No activities yet',
  },
} as const satisfies Record<Lang, Record<string, string>>;

export type ChartTextKey = keyof (typeof chartTexts)['zh'];

export function chartText(lang: Lang, key: ChartTextKey): string {
  return chartTexts[lang][key];
}

const englishMonths = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `2024-06` as 2024年6月 or Jun 2024; anything else as given. */
export function monthLabel(month: string, lang: Lang): string {
  const match = /^(\d{4})-(\d{2})$/.exec(month);
  if (!match) return month;
  const [, year, number] = match;
  return lang === 'zh' ? `${year}年${Number(number)}月` : `${englishMonths[Number(number) - 1]} ${year}`;
}
