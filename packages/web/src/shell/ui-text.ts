import type { Lang } from '@jianshen/schema';

/**
 * The page's own words (headings, buttons, labels). Issue and validation messages are not here:
 * they come from the schema's catalogue in the chosen language, as in the CLI.
 */
const shellText = {
  appTitle: { zh: '健身统计报送工作台', en: 'Jianshen Kit: reporting workbench' },
  appSubtitle: {
    zh: '通知、统计表模板、汇总与图表，全部在本机浏览器中完成，文件不会上传。',
    en: 'Notice, table template, aggregation and charts, all in this browser: no file is uploaded.',
  },
  language: { zh: 'English', en: '中文' },
  languageLabel: { zh: '切换到英文', en: 'Switch to Chinese' },
  tabCampaign: { zh: '活动', en: 'Campaign' },
  tabAggregate: { zh: '汇总', en: 'Aggregate' },
  tabCharts: { zh: '图表', en: 'Charts' },
} as const;

export type ShellTextKey = keyof typeof shellText;

export function shellSays(lang: Lang, key: ShellTextKey): string {
  return shellText[key][lang];
}
