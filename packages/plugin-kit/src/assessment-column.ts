import type { LocalizedText } from '@jianshen/schema';

/** What an assessment column sees of one expected unit that reported. */
export interface AssessmentUnit {
  unit: string;
  /** Accepted activity rows of the unit. */
  activities: number;
  /** Plugin totals (summary totals) summed over the unit's accepted rows, by total key. */
  totals: Readonly<Record<string, number>>;
}

/**
 * A column a plugin adds to the 考核 table, the way `summaries` add totals: a number per unit
 * that reported (e.g. 参与人数). A campaign weighs it into the score with
 * `assessment.columns[key]` points per unit of the value; unweighted it is shown only.
 */
export interface AssessmentColumn {
  key: string;
  label: LocalizedText | string;
  value(unit: AssessmentUnit): number | undefined;
}

export interface ResolvedAssessmentColumn extends AssessmentColumn {
  plugin: string;
}

export function defineAssessmentColumn<const T extends AssessmentColumn>(column: T): T {
  return column;
}
