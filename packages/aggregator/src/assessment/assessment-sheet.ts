import { type CellSpec, columnLetter, type SheetSpec, styles } from '@jianshen/ooxml';
import type { Lang } from '@jianshen/schema';
import type { Assessment } from './assess-units.js';
import {
  assessmentCells,
  assessmentFormula,
  assessmentHeaders,
  assessmentText,
  assessmentTitle,
} from './assessment-text.js';

function cell(value: string | number): CellSpec {
  return typeof value === 'number' ? { value, style: styles.number } : { value, style: styles.center };
}

/**
 * The consolidated workbook's 考核 sheet: a title, the headings, one row per unit (expected units
 * first), and the formula the scores follow.
 */
export function assessmentSheet(assessment: Assessment, title: string, lang: Lang): SheetSpec {
  const headers = assessmentHeaders(assessment, lang);
  const last = columnLetter(headers.length - 1);
  const formulaRow = 2 + assessment.units.length + 1;
  return {
    name: assessmentText(lang, 'sheet'),
    widths: [24, 14, 8, 10, 10, 10, ...assessment.columns.map(() => 12), 10],
    rows: [
      [{ value: assessmentTitle(lang, title), style: styles.title }],
      headers.map((header) => ({ value: header, style: styles.header })),
      ...assessment.units.map((unit) =>
        assessmentCells(assessment, unit, lang).map((value, index) =>
          index === 0 ? { value, style: styles.text } : cell(value),
        ),
      ),
      [{ value: assessmentFormula(assessment, lang), style: styles.plain }],
    ],
    merges: [`A1:${last}1`, `A${formulaRow}:${last}${formulaRow}`],
    heights: [26],
    headerRows: 2,
  };
}
