import type { ResolvedCampaign, RowEntry } from '@jianshen/plugin-kit';
import {
  type ActivityMode,
  activityModes,
  errorReason,
  type Issue,
  type Lang,
  localize,
  modeLabels,
  phrase,
  reportIssue,
} from '@jianshen/schema';
import { boundedBatchRows, defaultPluginBudgetMs, runBoundedSteps } from '../bounded-steps.js';
import { mergeObjects } from '../merge-objects.js';
import type {
  AggregateReport,
  BoundedRunner,
  FileReport,
  GroupCount,
  ReportIssue,
  ReportRow,
  ReportSummary,
} from '../report.js';
import { emptySkipped } from '../table/find-tables.js';
import { normalizeLabel } from '../table/labels.js';

export interface SummarizerOptions {
  /** Receives an issue when a plugin's `groupBy` or total throws or runs too long (once per function). */
  onIssue?: (issue: Issue) => void;
  /** Stops plugin code stuck in a loop (node:vm's watchdog in the Node entry). */
  runBounded?: BoundedRunner;
  /** Milliseconds the plugin code may take over one batch of rows (default 10,000). */
  budgetMs?: number;
}

/** What the campaign's plugin summaries make of one row: each total's value, each dimension's groups. */
interface PluginValues {
  totals: (number | undefined)[];
  groups: string[][];
}

/** Plugin code in summaries: run guarded, and the place running now (left set when cut short). */
interface PluginGuard {
  run: <Value>(place: string, run: () => Value) => Value | undefined;
  /** The place whose code runs this moment. */
  running(): string | undefined;
  /** The place ran past the budget: reported once and not called again. */
  stop(place: string, budget: number): void;
}

/**
 * Plugin code in summaries, run so that its failure is an issue naming the plugin and the place,
 * not the end of the aggregation: a function that throws (or is stopped for running too long) is
 * reported once and not called again (its rows count in no group of that dimension, add nothing
 * to that total).
 */
function guardPluginCode(campaign: ResolvedCampaign, options: SummarizerOptions): PluginGuard {
  const failed = new Set<string>();
  const owner = new Map<string, string>();
  for (const summary of campaign.summaries) {
    owner.set(`groupBy:${summary.id}`, summary.plugin);
    for (const total of summary.totals ?? []) owner.set(`total:${total.key}`, summary.plugin);
  }
  const path = campaign.sourcePath ?? campaign.id;
  const described = (place: string) => {
    const [kind = '', id = ''] = place.split(':');
    return phrase(kind === 'total' ? 'plugin-place-total' : 'plugin-place-group-by', { id });
  };
  let running: string | undefined;
  return {
    run(place, run) {
      if (failed.has(place)) return undefined;
      try {
        running = place;
        const value = run();
        running = undefined;
        return value;
      } catch (error) {
        running = undefined;
        failed.add(place);
        const reason = error instanceof ContractError ? phrase(error.reason) : errorReason(error);
        const data = { plugin: owner.get(place) ?? '', place: described(place), reason };
        options.onIssue?.(reportIssue('plugin-failed', data, { path }));
        return undefined;
      }
    },
    running: () => running,
    stop(place, budget) {
      running = undefined;
      failed.add(place);
      const data = { plugin: owner.get(place) ?? '', place: described(place), budget };
      options.onIssue?.(reportIssue('plugin-timeout', data, { path }));
    },
  };
}

/**
 * A `groupBy` or total broke its contract: a plain-JS plugin has no types to stop it returning
 * an object or a string. Said in the catalogue's words (`reason`), not as a JS error text.
 */
class ContractError extends Error {
  constructor(readonly reason: 'group-by-not-groups' | 'total-not-number') {
    super(reason);
  }
}

/**
 * A total's value: a finite number counts, nothing (undefined, null) is quiet, anything else fails.
 * NaN and ±Infinity fail too: summed into a column they make the whole total NaN, and dropping them
 * quietly (as before) showed a bureau a smaller total with no word why.
 */
function totalValue(value: unknown): number | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  throw new ContractError('total-not-number');
}

/** What a `groupBy` returned, as group names; anything else is that plugin's failure. */
function groupNames(found: unknown): string[] {
  if (found === undefined || found === null) return [];
  if (typeof found === 'string') return [found];
  if (Array.isArray(found) && found.every((name) => typeof name === 'string')) return [...new Set(found)];
  throw new ContractError('group-by-not-groups');
}

/** The row as rules and summaries see it (values keyed like the schema: `date` is a range). */
export function rowEntry(row: ReportRow): RowEntry {
  const { seq, start, end, unit, source, extra: _extra, ...values } = row;
  return { values: mergeObjects(values, { seq, date: { start, end } }) as RowEntry['values'], unit, source };
}

interface SummaryInput {
  files: readonly FileReport[];
  rows: readonly ReportRow[];
  /** Only their severities are counted. */
  issues: readonly Pick<ReportIssue, 'severity'>[];
  campaign: ResolvedCampaign;
  missingUnits: string[];
  lateUnits: ReportSummary['lateUnits'];
  /** Stamped copies (盖章件) by unit; none when the caller reviewed none. */
  stampOnlyUnits?: string[];
  stamps?: ReportSummary['stamps'];
  lang: Lang;
}

/** What the summary needs besides the rows, known once every row has been added. */
export type SummaryEnd = Omit<SummaryInput, 'rows' | 'campaign' | 'lang'>;

/** A summary built row by row: the rows need not all be in memory at once. */
export interface Summarizer {
  add(row: ReportRow): void;
  finish(end: SummaryEnd): ReportSummary;
}

type UnitGroup = GroupCount & { unit: string; files: number };

/** The counts gathered so far, with what the campaign's summaries add to each group. */
interface SummaryCounts {
  campaign: ResolvedCampaign;
  lang: Lang;
  totalDefinitions: NonNullable<ResolvedCampaign['summaries'][number]['totals']>;
  /** Plugin summaries that group rows (a dimension each). */
  grouped: ResolvedCampaign['summaries'];
  overall: GroupCount;
  byUnit: Map<string, UnitGroup>;
  byMode: Map<ActivityMode, GroupCount>;
  byMonth: Map<string, GroupCount>;
  dimensionGroups: Map<string, GroupCount>[];
  newGroup(): GroupCount;
  /** Counts the row (and, given its plugin values, the plugin totals) in the group. */
  count(group: GroupCount, values: PluginValues | undefined): void;
}

/** Counts by unit, mode, month and each plugin dimension, with plugin totals summed in each. */
export function createSummarizer(
  campaign: ResolvedCampaign,
  lang: Lang,
  options: SummarizerOptions = {},
): Summarizer {
  const counts = emptyCounts(campaign, lang);
  // Plugin code runs only when a plugin summary will read the rows.
  if (counts.totalDefinitions.length === 0 && counts.grouped.length === 0) {
    return { add: (row) => addRow(counts, row, undefined), finish: (end) => finishSummary(counts, end) };
  }
  const guard = guardPluginCode(campaign, options);
  const values = pluginValuesOf(counts, guard);
  const budget = options.budgetMs ?? defaultPluginBudgetMs;
  const runBounded = options.runBounded ?? ((run: () => void) => run());
  let pending: ReportRow[] = [];
  // The plugin values of a batch of rows under one bound; a function cut short is stopped and
  // the row it stopped at is valued again without it. Then the rows are counted.
  const flush = () => {
    const found: PluginValues[] = [];
    runBoundedSteps({
      count: pending.length,
      step: (at) => {
        found[at] = values(pending[at] as ReportRow);
      },
      runBounded,
      budgetMs: budget,
      batchSize: boundedBatchRows,
      onCutShort: () => {
        const culprit = guard.running();
        if (culprit) guard.stop(culprit, budget);
      },
    });
    for (const [at, row] of pending.entries()) addRow(counts, row, found[at]);
    pending = [];
  };
  return {
    add(row) {
      pending.push(row);
      if (pending.length >= boundedBatchRows) flush();
    },
    finish(end) {
      flush();
      return finishSummary(counts, end);
    },
  };
}

/** A row's plugin values: each total and each dimension's groups, every call guarded. */
function pluginValuesOf(counts: SummaryCounts, guard: PluginGuard): (row: ReportRow) => PluginValues {
  return (row) => {
    const entry = rowEntry(row);
    // totalValue lets only finite numbers through; a total that failed is undefined from then on.
    const totals = counts.totalDefinitions.map((total) =>
      guard.run(`total:${total.key}`, () => totalValue(total.value(entry))),
    );
    const groups = counts.grouped.map(
      (summary) => guard.run(`groupBy:${summary.id}`, () => groupNames(summary.groupBy?.(entry))) ?? [],
    );
    return { totals, groups };
  };
}

function emptyCounts(campaign: ResolvedCampaign, lang: Lang): SummaryCounts {
  const totalDefinitions = campaign.summaries.flatMap((summary) => summary.totals ?? []);
  const newGroup = (): GroupCount => ({
    rows: 0,
    totals: Object.fromEntries(totalDefinitions.map((total) => [total.key, 0])),
  });
  const grouped = campaign.summaries.filter((summary) => summary.groupBy);
  return {
    campaign,
    lang,
    totalDefinitions,
    grouped,
    overall: newGroup(),
    byUnit: new Map(),
    byMode: new Map(activityModes.map((mode) => [mode, newGroup()])),
    byMonth: new Map(),
    dimensionGroups: grouped.map(
      (summary) => new Map((summary.order ?? []).map((group) => [group, newGroup()])),
    ),
    newGroup,
    count(group, values) {
      group.rows++;
      if (!values) return;
      for (const [index, total] of totalDefinitions.entries()) {
        const value = values.totals[index];
        if (value !== undefined) group.totals[total.key] = (group.totals[total.key] ?? 0) + value;
      }
    },
  };
}

/** One accepted row into the overall count, its unit, mode, month and plugin dimensions. */
function addRow(counts: SummaryCounts, row: ReportRow, values: PluginValues | undefined): void {
  counts.count(counts.overall, values);
  const unitGroup = counts.byUnit.get(row.unit) ?? { unit: row.unit, files: 0, ...counts.newGroup() };
  counts.count(unitGroup, values);
  counts.byUnit.set(row.unit, unitGroup);
  countIn(counts, counts.byMode, row.mode, values);
  countIn(counts, counts.byMonth, row.start.slice(0, 7), values);
  if (!values) return;
  for (const [index, keys] of values.groups.entries()) {
    const groups = counts.dimensionGroups[index];
    if (!groups) continue;
    for (const key of keys) countIn(counts, groups, key, values);
  }
}

function countIn<Key>(
  counts: SummaryCounts,
  groups: Map<Key, GroupCount>,
  key: Key,
  values: PluginValues | undefined,
): void {
  const group = groups.get(key) ?? counts.newGroup();
  counts.count(group, values);
  groups.set(key, group);
}

/** The summary of report.json: file and row totals, then each grouping. */
function finishSummary(counts: SummaryCounts, end: SummaryEnd): ReportSummary {
  const { files } = end;
  const { lang } = counts;
  const sum = (key: 'rowsRead' | 'rowsAccepted' | 'rowsRejected' | 'rowsDuplicate' | 'rowsSuperseded') =>
    files.reduce((total, file) => total + file[key], 0);
  return {
    files: files.length,
    filesOk: files.filter((file) => file.status === 'ok').length,
    filesFailed: files.filter((file) => file.status === 'failed').length,
    filesUnsupported: files.filter((file) => file.status === 'unsupported').length,
    filesStamp: files.filter((file) => file.status === 'stamp').length,
    filesIgnored: files.filter((file) => file.status === 'ignored').length,
    rowsRead: sum('rowsRead'),
    rowsAccepted: sum('rowsAccepted'),
    rowsRejected: sum('rowsRejected'),
    rowsDuplicate: sum('rowsDuplicate'),
    rowsSuperseded: sum('rowsSuperseded'),
    rowsSkipped: skippedTotals(files),
    errors: end.issues.filter((issue) => issue.severity === 'error').length,
    warnings: end.issues.filter((issue) => issue.severity === 'warning').length,
    totals: counts.overall.totals,
    totalLabels: Object.fromEntries(
      counts.totalDefinitions.map((total) => [total.key, localize(total.label, lang)]),
    ),
    byUnit: unitSummary(counts, files),
    byMode: [...counts.byMode.entries()].map(([mode, count]) => ({
      mode,
      label: modeLabels[mode][lang],
      ...count,
    })),
    byMonth: [...counts.byMonth.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([month, count]) => ({ month, ...count })),
    dimensions: counts.grouped.map((summary, index) => ({
      id: summary.id,
      label: localize(summary.label, lang),
      plugin: summary.plugin,
      groups: [...(counts.dimensionGroups[index] ?? new Map<string, GroupCount>()).entries()].map(
        ([group, count]) => ({ group, ...count }),
      ),
    })),
    missingUnits: end.missingUnits,
    stampOnlyUnits: end.stampOnlyUnits ?? [],
    stamps: end.stamps ?? [],
    lateUnits: end.lateUnits,
  };
}

function skippedTotals(files: readonly FileReport[]): ReportSummary['rowsSkipped'] {
  const skipped = emptySkipped();
  for (const file of files) {
    for (const key of Object.keys(skipped) as (keyof typeof skipped)[]) skipped[key] += file.rowsSkipped[key];
  }
  return skipped;
}

/**
 * Units with a file but no accepted row are listed too, first in the order the files came; then
 * sorted: the units in the order the campaign lists them, then the others by name.
 */
function unitSummary(counts: SummaryCounts, files: readonly FileReport[]): UnitGroup[] {
  const unitGroups = new Map<string, UnitGroup>();
  for (const file of files) {
    if (file.status !== 'ok' || file.supersededBy) continue;
    for (const unit of file.unit.split('、')) {
      if (unit === '') continue;
      const group = unitGroups.get(unit) ??
        counts.byUnit.get(unit) ?? { unit, files: 0, ...counts.newGroup() };
      group.files++;
      unitGroups.set(unit, group);
    }
  }
  for (const [unit, group] of counts.byUnit) if (!unitGroups.has(unit)) unitGroups.set(unit, group);
  const expectedIndex = (unit: string) => {
    const index = counts.campaign.expectedUnits.findIndex((expected) =>
      normalizeLabel(unit).includes(normalizeLabel(expected)),
    );
    return index < 0 ? Number.MAX_SAFE_INTEGER : index;
  };
  return [...unitGroups.values()].sort(
    (a, b) => expectedIndex(a.unit) - expectedIndex(b.unit) || a.unit.localeCompare(b.unit, 'zh'),
  );
}

export type { AggregateReport };
