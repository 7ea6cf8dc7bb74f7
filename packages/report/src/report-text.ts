import { defineTexts, type Lang, textsIn } from '@jianshen/schema';

/**
 * The report's own words, Chinese first. `{name}` placeholders are filled by `reportText`; the
 * campaign's `report:` section replaces the opening, closing and ending paragraphs.
 */
const reportTexts = defineTexts({
  title: { zh: '关于{subject}开展情况的报告', en: 'Report on {subject}' },
  opening: {
    zh: '根据《{notice}》（{docNumber}）要求，我局组织各单位开展了相关活动，并对各单位报送的统计表进行了汇总。现将有关情况报告如下：',
    en: 'As required by "{notice}" ({docNumber}), the bureau organised the activities and consolidated the tables the units returned. The results are as follows:',
  },
  submissionHeading: { zh: '报送情况', en: 'Submissions' },
  submissionExpected: {
    zh: '应报送单位{expected}个，已报送{reported}个，其中按时报送{onTime}个，逾期报送{late}个{lateNames}。',
    en: '{reported} of {expected} expected units reported: {onTime} on time and {late} late{lateNames}.',
  },
  submissionAll: {
    zh: '共有{reported}个单位报送了统计表，其中按时报送{onTime}个，逾期报送{late}个{lateNames}。',
    en: '{reported} units returned their tables: {onTime} on time and {late} late{lateNames}.',
  },
  missing: {
    zh: '未报送单位{missing}个：{missingNames}。',
    en: '{missing} units did not report: {missingNames}.',
  },
  noneMissing: { zh: '应报送单位均已报送。', en: 'Every expected unit reported.' },
  activitiesHeading: { zh: '活动开展情况', en: 'Activities' },
  totals: { zh: '合计{items}。', en: 'In total: {items}.' },
  totalItem: { zh: '{label}{value}', en: '{label} {value}' },
  activitiesTotal: {
    zh: '各单位共报送活动{activities}项。',
    en: 'The units reported {activities} activities in total.',
  },
  byMode: { zh: '按举办方式分，{modes}。', en: 'By mode: {modes}.' },
  modeItem: { zh: '{label}{rows}项（占{percent}%）', en: '{label} {rows} ({percent}%)' },
  byMonth: { zh: '按开始月份分，{months}。', en: 'By starting month: {months}.' },
  monthItem: { zh: '{month}{rows}项', en: '{month} {rows}' },
  month: { zh: '{year}年{number}月', en: '{year}-{month}' },
  topUnits: { zh: '报送活动较多的单位是{units}。', en: 'The most active units were {units}.' },
  unitItem: { zh: '{unit}（{rows}项）', en: '{unit} ({rows})' },
  chartCaption: { zh: '图{number}　{title}', en: 'Figure {number}. {title}' },
  assessmentHeading: { zh: '考核情况', en: 'Assessment' },
  assessment: {
    zh: '按照“{formula}”的办法，对各单位报送情况进行了考核，结果如下表。',
    en: 'Each unit’s reporting was scored as “{formula}”; the results are in the table below.',
  },
  bestUnits: { zh: '得分最高的是{units}（{score}分）。', en: 'The highest score went to {units} ({score}).' },
  ending: { zh: '特此报告。', en: 'Respectfully submitted.' },
  attachmentTitle: { zh: '{table}（汇总）', en: '{table} (consolidated)' },
  attachmentInWorkbook: {
    zh: '本次汇总活动共{rows}项，超过{limit}项，不在本文中逐条列出，明细见同时生成的汇总工作簿《{workbook}》。',
    en: 'The {rows} activities consolidated are more than {limit} and are not listed here; every one is in the consolidated workbook “{workbook}” written with this report.',
  },
  sourceUnit: { zh: '来源单位', en: 'Source unit' },
  listSeparator: { zh: '、', en: ', ' },
  sentenceSeparator: { zh: '', en: ' ' },
  namesOpen: { zh: '（', en: ' (' },
  namesClose: { zh: '）', en: ')' },
});

export type ReportTextKey = keyof typeof reportTexts & string;

/** A text of the report with its placeholders filled. */
export function reportText(
  lang: Lang,
  key: ReportTextKey,
  data: Readonly<Record<string, string | number>> = {},
): string {
  return textsIn(reportTexts, lang)(key, data);
}

/** Names joined with 、 (or commas), in brackets: （侯马市、曲沃县）; nothing for none. */
export function bracketedNames(lang: Lang, names: readonly string[]): string {
  if (names.length === 0) return '';
  return `${reportText(lang, 'namesOpen')}${names.join(reportText(lang, 'listSeparator'))}${reportText(lang, 'namesClose')}`;
}
