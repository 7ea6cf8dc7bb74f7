import type { ResolvedCampaign, RowEntry } from '@jianshen/plugin-kit';
import { type ActivityMode, activityModes, type Lang, localize, modeLabels } from '@jianshen/schema';
import type {
  AggregateReport,
  FileReport,
  GroupCount,
  ReportIssue,
  ReportRow,
  ReportSummary,
} from './report.js';
import { emptySkipped } from './table/find-tables.js';
import { normalizeLabel } from './table/labels.js';

/** The row as rules and summaries see it (values keyed like the schema: `date` is a range). */
export function rowEntry(row: ReportRow): RowEntry {
  const { seq, start, end, unit, source, extra: _extra, ...values } = row;
  return { values: { ...values, seq, date: { start, end } } as RowEntry['values'], unit, source };
}

interface SummaryInput {
  files: readonly FileReport[];
  rows: readonly ReportRow[];
  /** Only their severities are counted. */
  issues: readonly Pick<ReportIssue, 'severity'>[];
  campaign: ResolvedCampaign;
  missingUnits: string[];
  lateUnits: ReportSummary['lateUnits'];
  lang: Lang;
}

/** What the summary needs besides the rows, known once every row has been added. */
export type SummaryEnd = Omit<SummaryInput, 'rows' | 'campaign' | 'lang'>;

/** A summary built row by row: the rows need not all be in memory at once. */
export interface Summarizer {
  add(row: ReportRow): void;
  finish(end: SummaryEnd): ReportSummary;
}

/** Counts by unit, mode, month and each plugin dimension, with plugin totals summed in each. */
export function createSummarizer(campaign: ResolvedCampaign, lang: Lang): Summarizer {
  const totalDefinitions = campaign.summaries.flatMap((summary) => summary.totals ?? []);
  const newGroup = (): GroupCount => ({
    rows: 0,
    totals: Object.fromEntries(totalDefinitions.map((total) => [total.key, 0])),
  });
  const add = (group: GroupCount, entry: RowEntry | undefined) => {
    group.rows++;
    if (!entry) return;
    for (const total of totalDefinitions) {
      const value = total.value(entry);
      if (typeof value === 'number' && Number.isFinite(value))
        group.totals[total.key] = (group.totals[total.key] ?? 0) + value;
    }
  };
  const overall = newGroup();
  const byUnit = new Map<string, GroupCount & { unit: string; files: number }>();
  const byMode = new Map<ActivityMode, GroupCount>(activityModes.map((mode) => [mode, newGroup()]));
  const byMonth = new Map<string, GroupCount>();
  const grouped = campaign.summaries.filter((summary) => summary.groupBy);
  const needsEntry = totalDefinitions.length > 0 || grouped.length > 0;
  const dimensionGroups = grouped.map((summary) => {
    const groups = new Map<string, GroupCount>();
    for (const group of summary.order ?? []) groups.set(group, newGroup());
    return groups;
  });

  return {
    add(row) {
      // The entry plugins see is built only when a plugin summary will read it.
      const entry = needsEntry ? rowEntry(row) : undefined;
      add(overall, entry);
      const unitGroup = byUnit.get(row.unit) ?? { unit: row.unit, files: 0, ...newGroup() };
      add(unitGroup, entry);
      byUnit.set(row.unit, unitGroup);
      const modeGroup = byMode.get(row.mode) ?? newGroup();
      add(modeGroup, entry);
      byMode.set(row.mode, modeGroup);
      const month = row.start.slice(0, 7);
      const monthGroup = byMonth.get(month) ?? newGroup();
      add(monthGroup, entry);
      byMonth.set(month, monthGroup);
      if (!entry) return;
      for (const [index, summary] of grouped.entries()) {
        const groups = dimensionGroups[index];
        if (!groups) continue;
        const found = summary.groupBy?.(entry);
        const keys = found === undefined ? [] : typeof found === 'string' ? [found] : [...new Set(found)];
        for (const key of keys) {
          const group = groups.get(key) ?? newGroup();
          add(group, entry);
          groups.set(key, group);
        }
      }
    },
    finish(end) {
      const { files } = end;
      // Units with a file but no accepted row are listed too, first in the order the files came.
      const unitGroups = new Map<string, GroupCount & { unit: string; files: number }>();
      for (const file of files) {
        if (file.status !== 'ok' || file.supersededBy) continue;
        for (const unit of file.unit.split('、')) {
          if (unit === '') continue;
          const group = unitGroups.get(unit) ?? byUnit.get(unit) ?? { unit, files: 0, ...newGroup() };
          group.files++;
          unitGroups.set(unit, group);
        }
      }
      for (const [unit, group] of byUnit) if (!unitGroups.has(unit)) unitGroups.set(unit, group);
      // Units in the order the campaign lists them, then the others by name.
      const expectedIndex = (unit: string) => {
        const index = campaign.expectedUnits.findIndex((expected) =>
          normalizeLabel(unit).includes(normalizeLabel(expected)),
        );
        return index < 0 ? Number.MAX_SAFE_INTEGER : index;
      };
      const units = [...unitGroups.values()].sort(
        (a, b) => expectedIndex(a.unit) - expectedIndex(b.unit) || a.unit.localeCompare(b.unit, 'zh'),
      );
      const dimensions = grouped.map((summary, index) => ({
        id: summary.id,
        label: localize(summary.label, lang),
        plugin: summary.plugin,
        groups: [...(dimensionGroups[index] ?? new Map<string, GroupCount>()).entries()].map(
          ([group, count]) => ({ group, ...count }),
        ),
      }));
      const skipped = emptySkipped();
      for (const file of files) {
        for (const key of Object.keys(skipped) as (keyof typeof skipped)[])
          skipped[key] += file.rowsSkipped[key];
      }
      const sum = (key: 'rowsRead' | 'rowsAccepted' | 'rowsRejected' | 'rowsDuplicate' | 'rowsSuperseded') =>
        files.reduce((total, file) => total + file[key], 0);
      return {
        files: files.length,
        filesOk: files.filter((file) => file.status === 'ok').length,
        filesFailed: files.filter((file) => file.status === 'failed').length,
        filesUnsupported: files.filter((file) => file.status === 'unsupported').length,
        rowsRead: sum('rowsRead'),
        rowsAccepted: sum('rowsAccepted'),
        rowsRejected: sum('rowsRejected'),
        rowsDuplicate: sum('rowsDuplicate'),
        rowsSuperseded: sum('rowsSuperseded'),
        rowsSkipped: skipped,
        errors: end.issues.filter((issue) => issue.severity === 'error').length,
        warnings: end.issues.filter((issue) => issue.severity === 'warning').length,
        totals: overall.totals,
        totalLabels: Object.fromEntries(
          totalDefinitions.map((total) => [total.key, localize(total.label, lang)]),
        ),
        byUnit: units,
        byMode: [...byMode.entries()].map(([mode, count]) => ({
          mode,
          label: modeLabels[mode][lang],
          ...count,
        })),
        byMonth: [...byMonth.entries()]
          .sort(([a], [b]) => a.localeCompare(b))
          .map(([month, count]) => ({ month, ...count })),
        dimensions,
        missingUnits: end.missingUnits,
        lateUnits: end.lateUnits,
      };
    },
  };
}

/** Counts by unit, mode, month and each plugin dimension, with plugin totals summed in each. */
export function summarize(input: SummaryInput): ReportSummary {
  const summarizer = createSummarizer(input.campaign, input.lang);
  for (const row of input.rows) summarizer.add(row);
  return summarizer.finish(input);
}

export type { AggregateReport };
