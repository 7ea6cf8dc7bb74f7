import type { ResolvedCampaign } from '@jianshen/plugin-kit';
import { type AssessmentSection, defaultAssessmentWeights, type LocalizedText } from '@jianshen/schema';
import type { AggregateReport } from '../report.js';
import { ExpectedUnits } from '../units/unit-match.js';
import { type UnitStatus, unitStatuses } from '../units/unit-status.js';

/** The score's weights as applied (the campaign's, or the defaults). */
export interface AssessmentWeights {
  full: number;
  late: number;
  rejectedRow: number;
  issue: number;
  /** Points per unit of a plugin column's value, by column key. */
  columns: Record<string, number>;
}

/** One row of the 考核 table. */
export interface UnitAssessment {
  unit: string;
  /** Listed in campaign.expectedUnits. */
  expected: boolean;
  /** Sent a file (false: 未报送). */
  submitted: boolean;
  /** 报送日期: the last day among the unit's files, when known. */
  submittedOn?: string;
  /** 按时: every file of the unit came by the deadline (false also when not submitted). */
  onTime: boolean;
  /** 活动数: accepted rows. */
  activities: number;
  /** 退回行数: rows kept out by an error. */
  rowsRejected: number;
  /** 问题数: errors and warnings at the unit's files. */
  issues: number;
  /** Plugin column values by key. */
  columns: Record<string, number>;
  /** 得分, see `assessmentScore`. */
  score: number;
}

/** report.json's `assessment` section. */
export interface Assessment {
  weights: AssessmentWeights;
  /** Plugin columns, in order: key and label as the plugin gives it. */
  columns: { key: string; label: LocalizedText | string }[];
  units: UnitAssessment[];
}

type AssessedReport = Pick<AggregateReport, 'files' | 'issues' | 'summary'>;
type AssessedCampaign = Pick<ResolvedCampaign, 'expectedUnits' | 'assessmentColumns'> & {
  assessment?: AssessmentSection;
};

/** The campaign's weights with the defaults filled in. */
export function assessmentWeights(section: AssessmentSection | undefined): AssessmentWeights {
  return {
    full: section?.full ?? defaultAssessmentWeights.full,
    late: section?.late ?? defaultAssessmentWeights.late,
    rejectedRow: section?.rejectedRow ?? defaultAssessmentWeights.rejectedRow,
    issue: section?.issue ?? defaultAssessmentWeights.issue,
    columns: { ...(section?.columns ?? {}) },
  };
}

/**
 * 得分: 0 for a unit that sent nothing; otherwise `full` less `late` if late, `rejectedRow` per
 * rejected row and `issue` per issue, plus each weighted plugin column, kept within 0…full and
 * rounded to one decimal.
 */
export function assessmentScore(
  unit: Omit<UnitAssessment, 'score' | 'unit' | 'expected'>,
  weights: AssessmentWeights,
): number {
  if (!unit.submitted) return 0;
  const bonus = Object.entries(weights.columns).reduce(
    (sum, [key, weight]) => sum + weight * (unit.columns[key] ?? 0),
    0,
  );
  const raw =
    weights.full -
    (unit.onTime ? 0 : weights.late) -
    weights.rejectedRow * unit.rowsRejected -
    weights.issue * unit.issues +
    bonus;
  return Math.round(Math.min(weights.full, Math.max(0, raw)) * 10) / 10;
}

/** Adds a byUnit group's plugin totals into `totals`. */
function addTotals(totals: Record<string, number>, group: Readonly<Record<string, number>>): void {
  for (const [key, value] of Object.entries(group)) totals[key] = (totals[key] ?? 0) + value;
}

/**
 * The plugin totals each unit stands for, summed over the byUnit groups once for the report: an
 * expected unit's are those of every group it matches (`unitMatches`), another unit's those of
 * its own name. Looking through every group (and every file, for `lastDay`) for every unit made
 * `assessReport` take 571–681 ms for 2,800 county files; indexed once, 30–47 ms.
 */
function totalsByUnit(report: AssessedReport, campaign: AssessedCampaign) {
  const expectedUnits = new ExpectedUnits(campaign.expectedUnits);
  const expected = new Map<string, Record<string, number>>();
  const others = new Map<string, Record<string, number>>();
  const into = (map: Map<string, Record<string, number>>, unit: string) => {
    const totals = map.get(unit) ?? {};
    map.set(unit, totals);
    return totals;
  };
  for (const group of report.summary.byUnit) {
    for (const unit of expectedUnits.matching(group.unit)) addTotals(into(expected, unit), group.totals);
    addTotals(into(others, group.unit), group.totals);
  }
  return (status: UnitStatus) => (status.expected ? expected : others).get(status.unit) ?? {};
}

/**
 * Problems found in each file; lateness is not one of them (按时 weighs it). Counted once for the
 * report: filtering every issue for every unit took ~0.1 s for 120 units and 12,579 issues.
 */
function issuesByPath(report: AssessedReport): Map<string, number> {
  const counts = new Map<string, number>();
  for (const issue of report.issues) {
    if (issue.code !== 'late-submission') counts.set(issue.path, (counts.get(issue.path) ?? 0) + 1);
  }
  return counts;
}

/** Problems found in the unit's files (each file once). */
function issuesOf(counts: ReadonlyMap<string, number>, paths: readonly string[]): number {
  let total = 0;
  for (const path of new Set(paths)) total += counts.get(path) ?? 0;
  return total;
}

/** Each file's submission day by path (the latest when a path is listed twice), once for the report. */
function daysByPath(report: AssessedReport): Map<string, string> {
  const days = new Map<string, string>();
  for (const { path, submittedOn } of report.files) {
    const known = days.get(path);
    if (submittedOn !== undefined && (known === undefined || submittedOn > known))
      days.set(path, submittedOn);
  }
  return days;
}

/** 报送日期: the last day among the unit's files (ISO days compare as text). */
function lastDay(days: ReadonlyMap<string, string>, paths: readonly string[]): string | undefined {
  let last: string | undefined;
  for (const path of paths) {
    const day = days.get(path);
    if (day !== undefined && (last === undefined || day > last)) last = day;
  }
  return last;
}

/**
 * The 考核 table: one row per expected unit (campaign order), then one per other unit that sent a
 * file, with 报送日期, 按时, 活动数, 退回行数, 问题数, plugin columns and the score. Units are matched
 * as the report's missing-unit check matches them (unitStatuses).
 */
export function assessReport(report: AssessedReport, campaign: AssessedCampaign): Assessment {
  const weights = assessmentWeights(campaign.assessment);
  const issueCounts = issuesByPath(report);
  const totalsOf = totalsByUnit(report, campaign);
  const days = daysByPath(report);
  const units = unitStatuses(report, campaign).map((status): UnitAssessment => {
    const submitted = status.status !== 'missing';
    const totals = totalsOf(status);
    const columns = Object.fromEntries(
      campaign.assessmentColumns.map((column) => [
        column.key,
        submitted ? (column.value({ unit: status.unit, activities: status.rowsAccepted, totals }) ?? 0) : 0,
      ]),
    );
    const submittedOn = lastDay(days, status.files);
    const measured = {
      submitted,
      ...(submittedOn !== undefined ? { submittedOn } : {}),
      onTime: submitted && !status.late,
      activities: status.rowsAccepted,
      rowsRejected: status.rowsRejected,
      issues: issuesOf(issueCounts, status.files),
      columns,
    };
    return {
      unit: status.unit,
      expected: status.expected,
      ...measured,
      score: assessmentScore(measured, weights),
    };
  });
  return {
    weights,
    columns: campaign.assessmentColumns.map((column) => ({ key: column.key, label: column.label })),
    units,
  };
}
