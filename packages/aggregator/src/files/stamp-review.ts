/**
 * Stamped copies (盖章件) against the data, once every file is in: which unit has which stamped
 * copies (the 盖章件 column), which units sent a stamped copy and no data file (a clear warning
 * to ask for the spreadsheet, not 未报送), and — with the campaign's `requireStamp` — which
 * units sent data without a stamped copy.
 */
import type { ResolvedCampaign } from '@jianshen/plugin-kit';
import { type Issue, reportIssue } from '@jianshen/schema';
import { baseName } from '../prepare/prepare-submission.js';
import type { FileReport, UnitStamps } from '../report.js';
import { unitMatches } from '../units/unit-match.js';

export interface StampReviewInput {
  files: readonly FileReport[];
  /** Each file's table units, in `files` order (what the merge read). */
  fileUnits: readonly (readonly string[])[];
  campaign: Pick<ResolvedCampaign, 'expectedUnits' | 'requireStamp'>;
}

export interface StampReview {
  stamps: UnitStamps[];
  /** Expected units with a stamped copy and no data file. */
  stampOnlyUnits: string[];
  issues: Issue[];
}

/** Whether a file is a data file: read, or tried and failed (not a stamped copy, not ignored). */
export function isDataFile(file: Pick<FileReport, 'status'>): boolean {
  return file.status !== 'stamp' && file.status !== 'ignored';
}

/**
 * The units a file reports data for, as the missing-unit check counts them: its tables' units
 * when it was read, its file name when it failed (a broken 尧都区.xlsx still says who tried),
 * none for a stamped copy or an ignored file.
 */
export function dataUnitsOf(file: FileReport, tableUnits: readonly string[]): string[] {
  if (!isDataFile(file)) return [];
  return file.status === 'ok' ? [...tableUnits] : [baseName(file.path)];
}

/** The 盖章件 column: expected units in campaign order, then other units with stamped copies. */
function stampsByUnit(files: readonly FileReport[], expectedUnits: readonly string[]): UnitStamps[] {
  const stamps = files.filter((file) => file.status === 'stamp' && file.unit !== '');
  const expected = expectedUnits.map((unit) => ({
    unit,
    files: stamps.filter((file) => unitMatches(file.unit, unit)).map((file) => file.path),
  }));
  const others = new Map<string, string[]>();
  for (const file of stamps) {
    if (expectedUnits.some((unit) => unitMatches(file.unit, unit))) continue;
    others.set(file.unit, [...(others.get(file.unit) ?? []), file.path]);
  }
  const sorted = [...others.entries()].sort(([a], [b]) => a.localeCompare(b, 'zh'));
  return [...expected, ...sorted.map(([unit, paths]) => ({ unit, files: paths }))];
}

/**
 * `requireStamp`: one warning per unit whose data was read and that sent no stamped copy, at the
 * unit's first data file (so it reaches the unit's return opinion).
 */
function missingStampIssues(input: StampReviewInput, stamps: readonly UnitStamps[]): Issue[] {
  const issues: Issue[] = [];
  const warned = new Set<string>();
  for (const [index, file] of input.files.entries()) {
    if (file.status !== 'ok') continue;
    for (const tableUnit of input.fileUnits[index] ?? []) {
      const entry = stamps.find((stamped) => unitMatches(tableUnit, stamped.unit));
      const unit = entry?.unit ?? tableUnit;
      if ((entry && entry.files.length > 0) || warned.has(unit)) continue;
      warned.add(unit);
      issues.push(reportIssue('stamp-missing', { unit }, { path: file.path }));
    }
  }
  return issues;
}

/** Reviews the batch's stamped copies against its data files. */
export function reviewStamps(input: StampReviewInput): StampReview {
  const { files, fileUnits, campaign } = input;
  const stamps = stampsByUnit(files, campaign.expectedUnits);
  const hasData = (unit: string) =>
    files.some((file, index) =>
      dataUnitsOf(file, fileUnits[index] ?? []).some((name) => unitMatches(name, unit)),
    );
  const issues: Issue[] = [];
  const stampOnlyUnits: string[] = [];
  for (const { unit, files: paths } of stamps) {
    const [firstStamp] = paths;
    if (firstStamp === undefined || hasData(unit)) continue;
    if (campaign.expectedUnits.includes(unit)) stampOnlyUnits.push(unit);
    issues.push(reportIssue('stamp-without-data', { unit }, { path: firstStamp }));
  }
  if (campaign.requireStamp === true) issues.push(...missingStampIssues(input, stamps));
  return { stamps, stampOnlyUnits, issues };
}
