import { defineTexts, type Lang, textsIn } from '@jianshen/schema';

/** The 图表 part's own words; chart titles and labels come from @jianshen/charts. */
const chartsPartText = defineTexts({
  heading: { zh: '图表', en: 'Charts' },
  empty: {
    zh: '汇总后显示图表：在“汇总”中选择报送文件。',
    en: 'Charts appear after aggregating: choose the submissions under “Aggregate”.',
  },
  downloadSvg: { zh: '下载 SVG', en: 'Download SVG' },
  downloadPng: { zh: '下载 PNG（用于 Word、WPS）', en: 'Download PNG (for Word, WPS)' },
  pngFailed: {
    zh: '此浏览器无法生成 PNG，请下载 SVG。',
    en: 'This browser could not make a PNG; download the SVG.',
  },
  dataCaption: { zh: '{title}（数据）', en: '{title} (data)' },
  /** The picture's text alternative points at the table that holds its numbers. */
  imageAlt: {
    zh: '{title}：图中数字见“{title}（数据）”表',
    en: '{title}: the numbers are in the table “{title} (data)”',
  },
});

export type ChartsPartTextKey = keyof typeof chartsPartText;

export function chartsPartSays(lang: Lang, key: ChartsPartTextKey): string {
  return textsIn(chartsPartText, lang)(key);
}
