import type { ResolvedCampaign } from '@jianshen/plugin-kit';
import type { Lang } from '@jianshen/schema';
import type { AggregateReport } from '../report.js';
import { ExpectedUnits, unitsOfFile } from './unit-match.js';

/**
 * Where a unit stands: `missing` 未报送 (no file), `errors` 有错误 (an error in one of its
 * files: the clerk must send it back), `late` 逾期 (its file came after the deadline, no
 * errors), `submitted` 已报送, `stamp-only` 仅有盖章件 (a stamped copy and no data file: the
 * clerk asks for the spreadsheet).
 */
export type UnitStatusCode = 'submitted' | 'missing' | 'late' | 'errors' | 'stamp-only';

/** The statuses as the bureau writes them; codes travel, text is chosen at the edge. */
export const unitStatusLabels: Readonly<Record<UnitStatusCode, Readonly<Record<Lang, string>>>> = {
  submitted: { zh: '已报送', en: 'Submitted' },
  missing: { zh: '未报送', en: 'Not submitted' },
  late: { zh: '逾期', en: 'Late' },
  errors: { zh: '有错误', en: 'Has errors' },
  'stamp-only': { zh: '仅有盖章件', en: 'Stamped copy only' },
};

/** One row of the 各单位报送情况 table. */
export interface UnitStatus {
  /** The expected unit's name as the campaign lists it, or the unit as a file names it. */
  unit: string;
  /** Listed in campaign.expectedUnits. */
  expected: boolean;
  status: UnitStatusCode;
  /** A file of the unit came after the deadline (also when `status` is `errors`). */
  late: boolean;
  /** The day the late file counts as submitted. */
  lateOn?: string;
  /** Paths of the unit's data files, in report order. */
  files: string[];
  /** Paths of the unit's stamped copies (盖章件), in report order; none: 无. */
  stamps: string[];
  /** Accepted rows whose unit is this unit (summary.byUnit). */
  rowsAccepted: number;
  /**
   * Rows rejected in the unit's files. A file holding several units' tables counts for each of
   * them: a rejected row never reached a unit of its own.
   */
  rowsRejected: number;
  /** Errors and warnings at the unit's files. */
  errors: number;
  warnings: number;
}

type StatusReport = Pick<AggregateReport, 'files' | 'issues' | 'summary'>;

function emptyStatus(unit: string, expected: boolean): UnitStatus {
  return {
    unit,
    expected,
    status: 'missing',
    late: false,
    files: [],
    stamps: [],
    rowsAccepted: 0,
    rowsRejected: 0,
    errors: 0,
    warnings: 0,
  };
}

/**
 * One row per expected unit (campaign order), then one per other unit that sent a file or rows
 * (by name). Units are matched as the report's missing-unit check matches them, so a unit is
 * `missing` here exactly when it is in summary.missingUnits.
 */
export function unitStatuses(
  report: StatusReport,
  campaign: Pick<ResolvedCampaign, 'expectedUnits'>,
): UnitStatus[] {
  const expected = new Map(campaign.expectedUnits.map((unit) => [unit, emptyStatus(unit, true)]));
  const expectedUnits = new ExpectedUnits(campaign.expectedUnits);
  const others = new Map<string, UnitStatus>();
  // Every status a unit read from a file counts for: the expected units it matches, or its own.
  const statusesOf = (unit: string): UnitStatus[] => {
    const matched = expectedUnits.matching(unit).flatMap((name) => expected.get(name) ?? []);
    if (matched.length > 0) return matched;
    const other = others.get(unit) ?? emptyStatus(unit, false);
    others.set(unit, other);
    return [other];
  };
  const statusesOfPath = countFiles(report, statusesOf);
  for (const group of report.summary.byUnit) {
    for (const status of statusesOf(group.unit)) status.rowsAccepted += group.rows;
  }
  countIssues(report, statusesOfPath);
  for (const { unit, files } of report.summary.stamps ?? []) {
    for (const status of statusesOf(unit)) status.stamps.push(...files);
  }
  const sortedOthers = [...others.values()].sort((a, b) => a.unit.localeCompare(b.unit, 'zh'));
  const all = [...expected.values(), ...sortedOthers];
  for (const status of all) status.status = statusCode(status);
  return all;
}

/** Each file counts for the statuses of its units: its path and its rejected rows. */
function countFiles(
  report: StatusReport,
  statusesOf: (unit: string) => UnitStatus[],
): Map<string, Set<UnitStatus>> {
  const statusesOfPath = new Map<string, Set<UnitStatus>>();
  // A unit's paths so far, to keep each once (an expected unit may have thousands of files).
  const pathsOf = new Map<UnitStatus, Set<string>>();
  for (const file of report.files) {
    const statuses = new Set(unitsOfFile(file).flatMap(statusesOf));
    statusesOfPath.set(file.path, statuses);
    for (const status of statuses) {
      const paths = pathsOf.get(status) ?? new Set(status.files);
      pathsOf.set(status, paths);
      if (!paths.has(file.path)) {
        paths.add(file.path);
        status.files.push(file.path);
      }
      status.rowsRejected += file.rowsRejected;
    }
  }
  return statusesOfPath;
}

/** Errors, warnings and lateness at a unit's files. */
function countIssues(report: StatusReport, statusesOfPath: ReadonlyMap<string, Set<UnitStatus>>): void {
  for (const issue of report.issues) {
    for (const status of statusesOfPath.get(issue.path) ?? []) {
      if (issue.severity === 'error') status.errors++;
      else status.warnings++;
    }
  }
  for (const late of report.summary.lateUnits) {
    for (const status of statusesOfPath.get(late.path) ?? []) {
      status.late = true;
      status.lateOn = late.submittedOn;
    }
  }
}

function statusCode(status: UnitStatus): UnitStatusCode {
  // A unit known only from rows (a 来源单位 column of a consolidated workbook read again) sent
  // them inside another unit's file: it has reported, though no file is its own.
  if (status.files.length === 0) {
    if (status.stamps.length > 0) return 'stamp-only';
    return status.expected || status.rowsAccepted === 0 ? 'missing' : 'submitted';
  }
  if (status.errors > 0) return 'errors';
  return status.late ? 'late' : 'submitted';
}
