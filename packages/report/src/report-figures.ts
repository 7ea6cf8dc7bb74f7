import { type Assessment, assessReport } from '@jianshen/aggregator';
import type { ResolvedCampaign } from '@jianshen/plugin-kit';
import { type Lang, modeLabels } from '@jianshen/schema';
import type { ReportJson } from './report-input.js';
import { reportText } from './report-text.js';

/** Every number the report's text states, taken from report.json and nowhere else. */
export interface ReportFigures {
  /** Expected units (campaign.expectedUnits); 0 when the campaign lists none. */
  expected: number;
  reported: string[];
  onTime: string[];
  late: string[];
  /** summary.missingUnits. */
  missing: string[];
  /** summary.rowsAccepted. */
  activities: number;
  byMode: { label: string; rows: number; percent: number }[];
  byMonth: { month: string; rows: number }[];
  /** Plugin totals over every counted activity (e.g. 参与人数), with their labels. */
  totals: { label: string; value: number }[];
  /** Up to three units with the most activities (summary.byUnit), most first. */
  topUnits: { unit: string; rows: number }[];
  assessment: Assessment;
}

/** A share in percent with at most one decimal: 25, 66.7. */
export function percentOf(part: number, whole: number): number {
  return whole === 0 ? 0 : Math.round((part / whole) * 1000) / 10;
}

/** `2024-06` as 2024年6月 (Chinese) or 2024-06; anything else as it is. */
export function monthName(month: string, lang: Lang): string {
  const match = /^(\d{4})-(\d{2})$/.exec(month);
  if (!match) return month;
  return reportText(lang, 'month', { year: match[1] ?? '', month: match[2] ?? '', number: Number(match[2]) });
}

export function reportFigures(
  campaign: ResolvedCampaign,
  report: ReportJson,
  lang: Lang = 'zh',
): ReportFigures {
  const { summary } = report;
  // report.json files written before the assessment existed still give a report.
  const assessment = report.assessment ?? assessReport(report, campaign);
  const reportedUnits = assessment.units.filter((unit) => unit.submitted);
  const topUnits = summary.byUnit
    .filter((group) => group.rows > 0)
    .map((group) => ({ unit: group.unit, rows: group.rows }))
    .sort((a, b) => b.rows - a.rows)
    .slice(0, 3);
  return {
    expected: campaign.expectedUnits.length,
    reported: reportedUnits.map((unit) => unit.unit),
    onTime: reportedUnits.filter((unit) => unit.onTime).map((unit) => unit.unit),
    late: reportedUnits.filter((unit) => !unit.onTime).map((unit) => unit.unit),
    missing: [...summary.missingUnits],
    activities: summary.rowsAccepted,
    byMode: summary.byMode
      .filter((group) => group.rows > 0)
      .map((group) => ({
        label: modeLabels[group.mode]?.[lang] ?? group.label,
        rows: group.rows,
        percent: percentOf(group.rows, summary.rowsAccepted),
      })),
    byMonth: summary.byMonth.map((group) => ({ month: monthName(group.month, lang), rows: group.rows })),
    totals: Object.entries(summary.totals).map(([key, value]) => ({
      label: summary.totalLabels[key] ?? key,
      value,
    })),
    topUnits,
    assessment,
  };
}
