import { defineTexts, type Lang, localize, textsIn } from '@jianshen/schema';
import type { Assessment } from './assess-units.js';

/** The 考核 table's own words, Chinese first (one table for the workbook and the report). */
const assessmentTexts = defineTexts({
  sheet: { zh: '考核', en: 'Assessment' },
  title: { zh: '{table}（报送情况考核）', en: '{table} (assessment of reporting)' },
  unit: { zh: '报送单位', en: 'Unit' },
  submittedOn: { zh: '报送日期', en: 'Submitted on' },
  onTime: { zh: '按时', en: 'On time' },
  activities: { zh: '活动数', en: 'Activities' },
  rowsRejected: { zh: '退回行数', en: 'Rows returned' },
  issues: { zh: '问题数', en: 'Issues' },
  score: { zh: '得分', en: 'Score' },
  yes: { zh: '是', en: 'yes' },
  no: { zh: '否', en: 'no' },
  missing: { zh: '未报送', en: 'not submitted' },
  formula: {
    zh: '得分 = {full} − 逾期 {late} − 退回行数 × {rejectedRow} − 问题数 × {issue}{columns}；未报送 0 分',
    en: 'Score = {full} − {late} if late − {rejectedRow} × rows returned − {issue} × issues{columns}; 0 if not submitted',
  },
});

export type AssessmentTextKey = keyof typeof assessmentTexts & string;

export function assessmentText(lang: Lang, key: AssessmentTextKey): string {
  return textsIn(assessmentTexts, lang)(key);
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
  return textsIn(assessmentTexts, lang)('formula', { ...weights, columns });
}

/** The 考核 sheet's title: the table's title with （报送情况考核）. */
export function assessmentTitle(lang: Lang, table: string): string {
  return textsIn(assessmentTexts, lang)('title', { table });
}
