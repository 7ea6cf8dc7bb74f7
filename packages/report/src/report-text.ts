import { formatTemplate, type Lang } from '@jianshen/schema';

/**
 * The report's own words, Chinese first. `{name}` placeholders are filled by `reportText`; the
 * campaign's `report:` section replaces the opening, closing and ending paragraphs.
 */
const reportTexts = {
  zh: {
    title: '关于{subject}开展情况的报告',
    opening:
      '根据《{notice}》（{docNumber}）要求，我局组织各单位开展了相关活动，并对各单位报送的统计表进行了汇总。现将有关情况报告如下：',
    submissionHeading: '报送情况',
    submissionExpected:
      '应报送单位{expected}个，已报送{reported}个，其中按时报送{onTime}个，逾期报送{late}个{lateNames}。',
    submissionAll: '共有{reported}个单位报送了统计表，其中按时报送{onTime}个，逾期报送{late}个{lateNames}。',
    missing: '未报送单位{missing}个：{missingNames}。',
    noneMissing: '应报送单位均已报送。',
    activitiesHeading: '活动开展情况',
    activitiesTotal: '各单位共报送活动{activities}项。',
    byMode: '按举办方式分，{modes}。',
    modeItem: '{label}{rows}项（占{percent}%）',
    byMonth: '按开始月份分，{months}。',
    monthItem: '{month}{rows}项',
    month: '{year}年{number}月',
    topUnits: '报送活动较多的单位是{units}。',
    unitItem: '{unit}（{rows}项）',
    chartCaption: '图{number}　{title}',
    assessmentHeading: '考核情况',
    assessment: '按照“{formula}”的办法，对各单位报送情况进行了考核，结果如下表。',
    bestUnits: '得分最高的是{units}（{score}分）。',
    ending: '特此报告。',
    attachmentTitle: '{table}（汇总）',
    sourceUnit: '来源单位',
    listSeparator: '、',
    sentenceSeparator: '',
    namesOpen: '（',
    namesClose: '）',
  },
  en: {
    title: 'Report on {subject}',
    opening:
      'As required by "{notice}" ({docNumber}), the bureau organised the activities and consolidated the tables the units returned. The results are as follows:',
    submissionHeading: 'Submissions',
    submissionExpected:
      '{reported} of {expected} expected units reported: {onTime} on time and {late} late{lateNames}.',
    submissionAll: '{reported} units returned their tables: {onTime} on time and {late} late{lateNames}.',
    missing: '{missing} units did not report: {missingNames}.',
    noneMissing: 'Every expected unit reported.',
    activitiesHeading: 'Activities',
    activitiesTotal: 'The units reported {activities} activities in total.',
    byMode: 'By mode: {modes}.',
    modeItem: '{label} {rows} ({percent}%)',
    byMonth: 'By starting month: {months}.',
    monthItem: '{month} {rows}',
    month: '{year}-{month}',
    topUnits: 'The most active units were {units}.',
    unitItem: '{unit} ({rows})',
    chartCaption: 'Figure {number}. {title}',
    assessmentHeading: 'Assessment',
    assessment: 'Each unit’s reporting was scored as “{formula}”; the results are in the table below.',
    bestUnits: 'The highest score went to {units} ({score}).',
    ending: 'Respectfully submitted.',
    attachmentTitle: '{table} (consolidated)',
    sourceUnit: 'Source unit',
    listSeparator: ', ',
    sentenceSeparator: ' ',
    namesOpen: ' (',
    namesClose: ')',
  },
} as const satisfies Record<Lang, Record<string, string>>;

export type ReportTextKey = keyof (typeof reportTexts)['zh'];

/** A text of the report with its placeholders filled. */
export function reportText(
  lang: Lang,
  key: ReportTextKey,
  data: Readonly<Record<string, string | number>> = {},
): string {
  return formatTemplate(reportTexts[lang][key], data);
}

/** Names joined with 、 (or commas), in brackets: （侯马市、曲沃县）; nothing for none. */
export function bracketedNames(lang: Lang, names: readonly string[]): string {
  if (names.length === 0) return '';
  return `${reportText(lang, 'namesOpen')}${names.join(reportText(lang, 'listSeparator'))}${reportText(lang, 'namesClose')}`;
}
