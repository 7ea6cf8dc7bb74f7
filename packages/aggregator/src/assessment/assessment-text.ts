import { type Lang, localize } from '@jianshen/schema';
import type { Assessment } from './assess-units.js';

/** The 考核 table's own words, Chinese first (one table for the workbook and the report). */
const assessmentTexts = {
  zh: {
    sheet: '考核',
    title: '{table}（报送情况考核）',
    unit: '报送单位',
    submittedOn: '报送日期',
    onTime: '按时',
    activities: '活动数',
    rowsRejected: '退回行数',
    issues: '问题数',
    score: '得分',
    yes: '是',
    no: '否',
    missing: '未报送',
    formula:
      '得分 = {full} − 逾期 {late} − 退回行数 × {rejectedRow} − 问题数 × {issue}{columns}；未报送 0 分',
  },
  en: {
    sheet: 'Assessment',
    title: '{table} (assessment of reporting)',
    unit: 'Unit',
    submittedOn: 'Submitted on',
    onTime: 'On time',
    activities: 'Activities',
    rowsRejected: 'Rows returned',
    issues: 'Issues',
    score: 'Score',
    yes: 'yes',
    no: 'no',
    missing: 'not submitted',
    formula:
      'Score = {full} − {late} if late − {rejectedRow} × rows returned − {issue} × issues{columns}; 0 if not submitted',
  },
} as const satisfies Record<Lang, Record<string, string>>;

export type AssessmentTextKey = keyof (typeof assessmentTexts)['zh'];

export function assessmentText(lang: Lang, key: AssessmentTextKey): string {
  return assessmentTexts[lang][key];
}

/** The table's column headings: unit, the measures, plugin columns, score. */
export function assessmentHeaders(assessment: Pick<Assessment, 'columns'>, lang: Lang): string[] {
  const keys = ['unit', 'submittedOn', 'onTime', 'activities', 'rowsRejected', 'issues'] as const;
  return [
    ...keys.map((key) => assessmentText(lang, key)),
    ...assessment.columns.map((column) => localize(column.label, lang)),
    assessmentText(lang, 'score'),
  ];
}

/** One unit's cells as text and numbers, in the headings' order. */
export function assessmentCells(
  assessment: Pick<Assessment, 'columns'>,
  unit: Assessment['units'][number],
  lang: Lang,
): (string | number)[] {
  if (!unit.submitted) {
    return [
      unit.unit,
      assessmentText(lang, 'missing'),
      '',
      0,
      0,
      0,
      ...assessment.columns.map(() => 0),
      unit.score,
    ];
  }
  return [
    unit.unit,
    unit.submittedOn ?? '',
    assessmentText(lang, unit.onTime ? 'yes' : 'no'),
    unit.activities,
    unit.rowsRejected,
    unit.issues,
    ...assessment.columns.map((column) => unit.columns[column.key] ?? 0),
    unit.score,
  ];
}

/** The score's formula with the weights applied, printed under the table. */
export function assessmentFormula(assessment: Pick<Assessment, 'weights' | 'columns'>, lang: Lang): string {
  const { weights } = assessment;
  const columns = assessment.columns
    .filter((column) => weights.columns[column.key])
    .map((column) => ` + ${localize(column.label, lang)} × ${weights.columns[column.key]}`)
    .join('');
  return assessmentText(lang, 'formula')
    .replace('{full}', String(weights.full))
    .replace('{late}', String(weights.late))
    .replace('{rejectedRow}', String(weights.rejectedRow))
    .replace('{issue}', String(weights.issue))
    .replace('{columns}', columns);
}
