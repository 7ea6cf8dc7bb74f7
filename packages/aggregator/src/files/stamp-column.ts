/**
 * The 盖章件 column of a per-unit table: 有 with the stamped copies' paths, or 无. The
 * consolidated workbook's 按单位 sheet and the web page's unit table both show it.
 */
import { type Lang, phrase, renderPhrase } from '@jianshen/schema';
import type { ReportSummary } from '../report.js';
import { unitMatches } from '../units/unit-match.js';

/** The column's header. */
export function stampColumnLabel(lang: Lang): string {
  return renderPhrase(phrase('stamp-column'), lang);
}

/**
 * The stamped copies of a unit as a table names it (尧都区体育局 has 尧都区's copies), or of
 * a unit the campaign does not list, by its own name.
 */
export function stampsOfUnit(summary: Pick<ReportSummary, 'stamps'>, unit: string): string[] {
  return (summary.stamps ?? [])
    .filter((entry) => entry.unit === unit || unitMatches(unit, entry.unit))
    .flatMap((entry) => entry.files);
}

/** The cell: 有（吉县.pdf、吉县.jpg） or 无. */
export function stampCellText(summary: Pick<ReportSummary, 'stamps'>, unit: string, lang: Lang): string {
  const files = stampsOfUnit(summary, unit);
  return files.length > 0
    ? renderPhrase(phrase('stamp-present', { files: files.join('、') }), lang)
    : renderPhrase(phrase('stamp-absent'), lang);
}
