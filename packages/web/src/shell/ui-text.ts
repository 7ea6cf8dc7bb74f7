import { defineTexts, type Lang, textsIn } from '@jianshen/schema';

/**
 * The page's own words (headings, buttons, labels). Issue and validation messages are not here:
 * they come from the schema's catalogue in the chosen language, as in the CLI. Each part keeps
 * its own dictionary in its folder; this one is the shell's (header, tabs, footer).
 */
const shellText = defineTexts({
  documentTitle: { zh: '健身统计报送工作台 Jianshen Kit', en: 'Jianshen Kit: reporting workbench' },
  appTitle: { zh: '健身统计报送工作台', en: 'Jianshen Kit: reporting workbench' },
  appSubtitle: {
    zh: '通知、统计表模板、汇总与图表，全部在本机浏览器中完成，文件不会上传。',
    en: 'Notice, table template, aggregation and charts, all in this browser: no file is uploaded.',
  },
  language: { zh: 'English', en: '中文' },
  /** The page's language as an HTML lang attribute. */
  documentLang: { zh: 'zh-CN', en: 'en' },
  /** The language the toggle's own label is written in. */
  languageLang: { zh: 'en', en: 'zh-CN' },
  languageLabel: { zh: '切换到英文界面', en: '切换到中文界面 (switch to Chinese)' },
  partsLabel: { zh: '工作步骤', en: 'Steps' },
  tabCampaign: { zh: '活动', en: 'Campaign' },
  tabAggregate: { zh: '汇总', en: 'Aggregate' },
  tabCharts: { zh: '图表', en: 'Charts' },
  footer: {
    zh: '本页面离线运行：所选文件只在本机读取和处理，不会发送到任何地方。',
    en: 'This page works offline: the files you choose are read and processed on this computer and sent nowhere.',
  },
});

export type ShellTextKey = keyof typeof shellText;

export function shellSays(lang: Lang, key: ShellTextKey): string {
  return textsIn(shellText, lang)(key);
}
