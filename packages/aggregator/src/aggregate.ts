import type { ResolvedCampaign, RowEntry } from '@jianshen/plugin-kit';
import { runRules } from '@jianshen/plugin-kit';
import {
  type ActivityMode,
  compareIssues,
  type DateRange,
  defaultLang,
  formatMessage,
  type Lang,
  normalizeDate,
} from '@jianshen/schema';
import { resolveLimits } from './limits.js';
import { baseName, type PreparedSubmission, prepareSubmission } from './prepare-submission.js';
import type {
  AggregateOptions,
  AggregateReport,
  FileReport,
  ReportIssue,
  ReportRow,
  SubmissionInput,
} from './report.js';
import { summarize } from './summarize.js';
import { normalizeLabel } from './table/labels.js';

/** A row that passed the schema, waiting for duplicates, superseding and plugin rules. */
interface Candidate {
  file: number;
  /** The row's unit (a 来源单位 cell) or its table's. */
  unit: string;
  /** The unit of the table the row is in: what --replace compares. */
  tableUnit: string;
  values: Record<string, unknown>;
  extra: Record<string, string>;
  source: { path: string; sheet: string; row: number };
  status: 'accepted' | 'duplicate' | 'superseded' | 'rejected';
}

export { chinaDay } from './prepare-submission.js';

/** `submittedOn` as an ISO day; 2024/5/27 and 2024年5月27日 are accepted too. */
export function submissionDay(text: string): string {
  const result = normalizeDate(text);
  if (!result.ok || result.value.start !== result.value.end) {
    throw new RangeError(
      `报送日期「${text}」无效，应为如 2024-05-27 的日期 (submittedOn must be a date such as 2024-05-27)`,
    );
  }
  return result.value.start;
}

function unitMatches(unit: string, expected: string): boolean {
  const name = normalizeLabel(expected);
  return name !== '' && normalizeLabel(unit).includes(name);
}

function duplicateKey(values: Record<string, unknown>): string {
  const date = values.date as DateRange | undefined;
  const clean = (value: unknown) => normalizeLabel(typeof value === 'string' ? value : '');
  return [clean(values.organizer), clean(values.name), date?.start ?? '', date?.end ?? ''].join('\u0000');
}

function where(source: Candidate['source'], lang: Lang): string {
  return lang === 'zh' ? `${source.path} 第 ${source.row} 行` : `${source.path} row ${source.row}`;
}

/**
 * Reads, validates and merges submissions: every file becomes a `files` entry, every data row an
 * accepted row or an issue at its file, sheet, row and field, and the counts add up
 * (rowsRead = accepted + rejected + duplicate + superseded, per file and in total).
 */
export async function aggregate(
  inputs: readonly SubmissionInput[],
  campaign: ResolvedCampaign,
  options: AggregateOptions = {},
): Promise<AggregateReport> {
  return aggregateSources(
    inputs.map((input) => ({
      path: input.path,
      ...(input.modified ? { modified: input.modified } : {}),
      load: async () => input.data,
    })),
    campaign,
    options,
  );
}

/** A submission whose bytes are loaded only when its turn comes (bounded memory for big batches). */
export interface SubmissionSource {
  path: string;
  modified?: Date;
  load(): Promise<Uint8Array>;
  /** Prepares the file elsewhere (the Node entry's worker threads); default: here, from `load`. */
  prepare?(): Promise<PreparedSubmission>;
}

/** `aggregate` over lazily loaded sources: only one file's bytes are held at a time. */
export async function aggregateSources(
  inputs: readonly SubmissionSource[],
  campaign: ResolvedCampaign,
  options: AggregateOptions = {},
): Promise<AggregateReport> {
  const lang = options.lang ?? defaultLang;
  const limits = resolveLimits(options.limits);
  const submittedOn = options.submittedOn === undefined ? undefined : submissionDay(options.submittedOn);
  const files: FileReport[] = [];
  const issues: ReportIssue[] = [];
  const candidates: Candidate[] = [];
  const fileUnits: string[][] = [];
  const modifiedTimes: (number | undefined)[] = [];
  const issue = (entry: ReportIssue) => issues.push(entry);

  for (const [index, input] of inputs.entries()) {
    options.onProgress?.({ done: index, total: inputs.length, path: input.path });
    // Let a progress bar draw and a browser stay responsive between files.
    await Promise.resolve();
    const prepared = await (input.prepare?.() ??
      prepareSubmission(input, campaign, {
        lang,
        limits,
        ...(submittedOn ? { submittedOn } : {}),
      }));
    files.push(prepared.file);
    modifiedTimes.push(input.modified?.getTime());
    fileUnits.push(prepared.units);
    for (const found of prepared.issues) issues.push(found);
    for (const row of prepared.rows) candidates.push({ ...row, file: index, status: 'accepted' });
  }
  options.onProgress?.({ done: inputs.length, total: inputs.length });

  // --replace: per unit, the newest file (by time, then by input order) is the one that counts.
  if (options.replace) {
    const newestByUnit = new Map<string, number>();
    for (const [index, units] of fileUnits.entries()) {
      if (files[index]?.status !== 'ok') continue;
      for (const unit of units) {
        const key = normalizeLabel(unit);
        const previous = newestByUnit.get(key);
        const time = modifiedTimes[index] ?? Number.NEGATIVE_INFINITY;
        const previousTime =
          previous === undefined ? undefined : (modifiedTimes[previous] ?? Number.NEGATIVE_INFINITY);
        if (previousTime === undefined || time >= previousTime) newestByUnit.set(key, index);
      }
    }
    const notified = new Set<string>();
    for (const candidate of candidates) {
      const newest = newestByUnit.get(normalizeLabel(candidate.tableUnit));
      if (newest === undefined || newest === candidate.file) continue;
      candidate.status = 'superseded';
      const file = files[candidate.file];
      const newer = files[newest];
      if (!file || !newer) continue;
      file.rowsSuperseded++;
      file.supersededBy = newer.path;
      const key = `${candidate.file}:${newest}`;
      if (!notified.has(key)) {
        notified.add(key);
        issue({
          path: file.path,
          code: 'file-superseded',
          severity: 'warning',
          message: formatMessage('file-superseded', { other: newer.path }, lang),
        });
      }
    }
  }

  // The same activity twice (in one file or in two) counts once: the first one read.
  const firstByKey = new Map<string, Candidate>();
  for (const candidate of candidates) {
    if (candidate.status !== 'accepted') continue;
    const key = duplicateKey(candidate.values);
    const first = firstByKey.get(key);
    if (!first) {
      firstByKey.set(key, candidate);
      continue;
    }
    candidate.status = 'duplicate';
    const file = files[candidate.file];
    if (file) file.rowsDuplicate++;
    issue({
      ...candidate.source,
      field: 'name',
      code: 'duplicate-row',
      severity: 'warning',
      message: formatMessage('duplicate-row', { other: where(first.source, lang) }, lang),
    });
  }

  // Plugin rules see the accepted rows; a rule error keeps its row out like a schema error.
  const accepted = candidates.filter((candidate) => candidate.status === 'accepted');
  const entries: RowEntry[] = accepted.map((candidate) => ({
    values: candidate.values as RowEntry['values'],
    unit: candidate.unit,
    source: candidate.source,
  }));
  const ruleIssues = runRules(campaign, entries, lang);
  const locationKey = (path: string, sheet: string | undefined, row: number) =>
    `${path}\u0000${sheet ?? ''}\u0000${row}`;
  const byLocation = new Map(
    accepted.map((candidate) => [
      locationKey(candidate.source.path, candidate.source.sheet, candidate.source.row),
      candidate,
    ]),
  );
  for (const found of ruleIssues) {
    const { rule: _rule, ...rest } = found;
    issue(rest);
    if (found.severity !== 'error' || found.row === undefined) continue;
    const candidate = byLocation.get(locationKey(found.path, found.sheet, found.row));
    if (candidate && candidate.status === 'accepted') {
      candidate.status = 'rejected';
      const file = files[candidate.file];
      if (file) file.rowsRejected++;
    }
  }

  const rows: ReportRow[] = [];
  const pluginKeys = campaign.fields.filter((field) => field.source !== 'core').map((field) => field.key);
  for (const candidate of candidates) {
    if (candidate.status !== 'accepted') continue;
    const file = files[candidate.file];
    if (file) file.rowsAccepted++;
    const values = candidate.values;
    const date = values.date as DateRange;
    const row: ReportRow = {
      seq: rows.length + 1,
      organizer: String(values.organizer ?? ''),
      name: String(values.name ?? ''),
      summary: String(values.summary ?? ''),
      mode: values.mode as ActivityMode,
      start: date.start,
      end: date.end,
      contact: String(values.contact ?? ''),
      phone: (values.phone as string[] | undefined) ?? [],
      note: String(values.note ?? ''),
      unit: candidate.unit,
      source: candidate.source,
    };
    for (const key of pluginKeys) if (values[key] !== undefined) row[key] = values[key];
    if (Object.keys(candidate.extra).length > 0) row.extra = candidate.extra;
    rows.push(row);
  }

  // Lateness and missing units.
  const lateUnits: AggregateReport['summary']['lateUnits'] = [];
  for (const file of files) {
    if (file.status !== 'ok' || file.supersededBy || !file.submittedOn) continue;
    if (file.submittedOn > campaign.deadline) {
      lateUnits.push({ unit: file.unit, path: file.path, submittedOn: file.submittedOn });
      issue({
        path: file.path,
        code: 'late-submission',
        severity: 'warning',
        message: formatMessage(
          'late-submission',
          { unit: file.unit, date: file.submittedOn, deadline: campaign.deadline },
          lang,
        ),
      });
    }
  }
  const submitted = files.flatMap((file, index) =>
    file.status === 'ok' ? (fileUnits[index] ?? []) : [baseName(file.path)],
  );
  const missingUnits = campaign.expectedUnits.filter(
    (expected) => !submitted.some((unit) => unitMatches(unit, expected)),
  );
  const campaignPath = campaign.sourcePath ?? campaign.id;
  for (const unit of missingUnits) {
    issue({
      path: campaignPath,
      field: 'expectedUnits',
      code: 'unit-not-submitted',
      severity: 'warning',
      message: formatMessage('unit-not-submitted', { unit }, lang),
    });
  }

  const order = new Map(inputs.map((input, index) => [input.path, index]));
  issues.sort(
    (a, b) =>
      (order.get(a.path) ?? Number.MAX_SAFE_INTEGER) - (order.get(b.path) ?? Number.MAX_SAFE_INTEGER) ||
      compareIssues(a, b),
  );
  return {
    version: 1,
    campaign: {
      id: campaign.id,
      title: campaign.tableTitle,
      fingerprint: campaign.fingerprint,
      deadline: campaign.deadline,
    },
    files,
    rows,
    issues,
    summary: summarize({ files, rows, issues, campaign, missingUnits, lateUnits, lang }),
  };
}
