import type { ResolvedCampaign, RowEntry } from '@jianshen/plugin-kit';
import { startRules } from '@jianshen/plugin-kit';
import {
  type ActivityMode,
  compareIssues,
  type DateRange,
  defaultLang,
  type Issue,
  type Lang,
  normalizeDate,
  phrase,
  renderIssue,
  reportIssue,
} from '@jianshen/schema';
import { assessReport } from './assessment/assess-units.js';
import { resolveLimits } from './limits.js';
import { baseName, type PreparedSubmission, prepareSubmission } from './prepare-submission.js';
import type {
  AggregateOptions,
  AggregateReport,
  FileReport,
  ReportRow,
  ReportRows,
  RowSourceReport,
  StreamedReport,
  SubmissionInput,
} from './report.js';
import { bytes, doubles, integers, type RowColumn } from './row-column.js';
import { FirstRowIndex } from './row-key.js';
import { createMemoryRowStore, type RowStore, type StoredRow } from './row-store.js';
import { createSummarizer } from './summarize.js';
import { normalizeLabel } from './table/labels.js';
import { unitMatches } from './unit-match.js';

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

function locationKey(path: string, sheet: string | undefined, row: number): string {
  return `${path}\u0000${sheet ?? ''}\u0000${row}`;
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

export interface StreamAggregateOptions extends AggregateOptions {
  /** Where rows wait between reading and writing (default: memory). */
  store?: RowStore;
}

/** `aggregate` over lazily loaded sources: only one file's bytes are held at a time. */
export async function aggregateSources(
  inputs: readonly SubmissionSource[],
  campaign: ResolvedCampaign,
  options: AggregateOptions = {},
): Promise<AggregateReport> {
  return collectReport(await streamAggregate(inputs, campaign, options));
}

/** A streamed report with its rows read into memory; its row store is freed. */
export async function collectReport(streamed: StreamedReport): Promise<AggregateReport> {
  try {
    const rows: ReportRow[] = [];
    for await (const row of streamed.rows) rows.push(row);
    const { version, campaign, files, issues, summary, assessment } = streamed;
    return { version, campaign, files, rows, issues, summary, ...(assessment ? { assessment } : {}) };
  } finally {
    await streamed.dispose();
  }
}

// Where a row stands after the merge; one byte per row.
const accepted = 0;
const duplicate = 1;
const superseded = 2;
const rejected = 3;

/**
 * `aggregateSources` with the rows left in a row store: the merge keeps a few numbers per row,
 * and the accepted rows are read back from the store whenever the report's `rows` are iterated.
 * With a store on disk (the Node entry's), memory does not grow with the batch.
 */
export async function streamAggregate(
  inputs: readonly SubmissionSource[],
  campaign: ResolvedCampaign,
  options: StreamAggregateOptions = {},
): Promise<StreamedReport> {
  const store = options.store ?? createMemoryRowStore();
  try {
    return await merge(inputs, campaign, options, store);
  } catch (error) {
    await store.dispose();
    throw error;
  }
}

async function merge(
  inputs: readonly SubmissionSource[],
  campaign: ResolvedCampaign,
  options: AggregateOptions,
  store: RowStore,
): Promise<StreamedReport> {
  const lang = options.lang ?? defaultLang;
  const limits = resolveLimits(options.limits);
  const submittedOn = options.submittedOn === undefined ? undefined : submissionDay(options.submittedOn);
  const files: FileReport[] = [];
  const issues: Issue[] = [];
  const fileUnits: string[][] = [];
  const modifiedTimes: (number | undefined)[] = [];
  const issue = (entry: Issue) => issues.push(entry);
  // Per stored row, a few numbers: its status, file, sheet, row, table unit and the hashes of
  // its duplicate key. The row itself goes to the store.
  const status = bytes();
  const fileOf = integers();
  const rowOf = integers();
  const sheetOf = integers();
  const tableUnitOf = integers();
  const keyOf = doubles();
  const secondKeyOf = integers();
  // Unit and sheet names repeat row after row: each is kept once and rows hold its number.
  const names: string[] = [];
  const nameIds = new Map<string, number>();
  const nameId = (name: string) => {
    let id = nameIds.get(name);
    if (id === undefined) {
      id = names.push(name) - 1;
      nameIds.set(name, id);
    }
    return id;
  };
  const sourceOf = (index: number): RowSourceReport => ({
    path: files[fileOf.get(index)]?.path ?? '',
    sheet: names[sheetOf.get(index)] ?? '',
    row: rowOf.get(index),
  });
  const pluginKeys = campaign.fields.filter((field) => field.source !== 'core').map((field) => field.key);
  const summarizer = createSummarizer(campaign, lang);

  // Without --replace a row's standing is known when it is read (the first of two equal rows
  // counts), and without rules nothing changes it later: the summary is counted as rows come,
  // and the store is read only to write the outputs. Otherwise the decisions wait for every file.
  const finalWhenRead = !options.replace && campaign.rules.length === 0;
  const firstByKey = new FirstRowIndex((index) => secondKeyOf.get(index));
  const markDuplicate = (index: number, first: number) => {
    status.set(index, duplicate);
    const file = files[fileOf.get(index)];
    if (file) file.rowsDuplicate++;
    const { path, row } = sourceOf(first);
    issue(
      reportIssue(
        'duplicate-row',
        { other: phrase('file-row', { path, row }) },
        { ...sourceOf(index), field: 'name' },
      ),
    );
  };
  let acceptedCount = 0;

  for (const [fileIndex, input] of inputs.entries()) {
    options.onProgress?.({ done: fileIndex, total: inputs.length, path: input.path });
    // Let a progress bar draw and a browser stay responsive between files.
    await Promise.resolve();
    const prepared = await (input.prepare?.() ??
      prepareSubmission(input, campaign, {
        limits,
        ...(submittedOn ? { submittedOn } : {}),
        ...(options.inflateRaw ? { inflateRaw: options.inflateRaw } : {}),
      }));
    files.push(prepared.file);
    modifiedTimes.push(input.modified?.getTime());
    fileUnits.push(prepared.units);
    for (const found of prepared.issues) issues.push(found);
    for (const row of prepared.rows) {
      const index = status.push(accepted);
      fileOf.push(fileIndex);
      rowOf.push(row.source.row);
      sheetOf.push(nameId(row.source.sheet));
      tableUnitOf.push(nameId(row.tableUnit));
      const stored: StoredRow = { unit: row.unit, values: row.values, extra: row.extra };
      store.append(stored);
      keyOf.push(row.key[0]);
      secondKeyOf.push(row.key[1]);
      if (options.replace) continue;
      const first = firstByKey.firstOrAdd(keyOf.get(index), secondKeyOf.get(index), index);
      if (first !== undefined) markDuplicate(index, first);
      else {
        if (finalWhenRead) summarizer.add(reportRow(stored, ++acceptedCount, row.source, pluginKeys));
      }
    }
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
    const newestOfUnit = names.map((unit) => newestByUnit.get(normalizeLabel(unit)));
    const notified = new Set<string>();
    for (let index = 0; index < status.length; index++) {
      const fileIndex = fileOf.get(index);
      const newest = newestOfUnit[tableUnitOf.get(index)];
      if (newest === undefined || newest === fileIndex) continue;
      status.set(index, superseded);
      const file = files[fileIndex];
      const newer = files[newest];
      if (!file || !newer) continue;
      file.rowsSuperseded++;
      file.supersededBy = newer.path;
      const key = `${fileIndex}:${newest}`;
      if (!notified.has(key)) {
        notified.add(key);
        issue(reportIssue('file-superseded', { other: newer.path }, { path: file.path }));
      }
    }
    // The same activity twice (in one file or in two) counts once: the first one read.
    for (let index = 0; index < status.length; index++) {
      if (status.get(index) !== accepted) continue;
      const first = firstByKey.firstOrAdd(keyOf.get(index), secondKeyOf.get(index), index);
      if (first !== undefined) markDuplicate(index, first);
    }
  }
  firstByKey.clear();

  // Plugin rules see the accepted rows; a rule error keeps its row out like a schema error.
  if (campaign.rules.length > 0) {
    await runRulesOverStore(
      campaign,
      lang,
      store,
      status,
      sourceOf,
      (index) => {
        const file = files[fileOf.get(index)];
        if (file) file.rowsRejected++;
      },
      issue,
    );
  }

  // Lateness and missing units.
  const lateUnits: AggregateReport['summary']['lateUnits'] = [];
  for (const file of files) {
    if (file.status !== 'ok' || file.supersededBy || !file.submittedOn) continue;
    if (file.submittedOn > campaign.deadline) {
      lateUnits.push({ unit: file.unit, path: file.path, submittedOn: file.submittedOn });
      const data = { unit: file.unit, date: file.submittedOn, deadline: campaign.deadline };
      issue(reportIssue('late-submission', data, { path: file.path }));
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
    issue(reportIssue('unit-not-submitted', { unit }, { path: campaignPath, field: 'expectedUnits' }));
  }

  const order = new Map(inputs.map((input, index) => [input.path, index]));
  issues.sort(
    (a, b) =>
      (order.get(a.path) ?? Number.MAX_SAFE_INTEGER) - (order.get(b.path) ?? Number.MAX_SAFE_INTEGER) ||
      compareIssues(a, b),
  );

  let count = 0;
  for (let index = 0; index < status.length; index++) {
    if (status.get(index) !== accepted) continue;
    count++;
    const file = files[fileOf.get(index)];
    if (file) file.rowsAccepted++;
  }
  const rows: ReportRows = {
    count,
    async *[Symbol.asyncIterator]() {
      let index = 0;
      let seq = 0;
      for await (const stored of store.read()) {
        const current = index++;
        if (status.get(current) === accepted) yield reportRow(stored, ++seq, sourceOf(current), pluginKeys);
      }
    },
  };
  if (!finalWhenRead) for await (const row of rows) summarizer.add(row);
  const summary = summarizer.finish({ files, issues, missingUnits, lateUnits });
  const rendered = issues.map((found) => renderIssue(found, lang));
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
    // The report is an edge: its issues are worded here, once, in the language it was asked for.
    issues: rendered,
    summary,
    assessment: assessReport({ files, issues: rendered, summary }, campaign),
    dispose: () => store.dispose(),
  };
}

/** A stored row as the report shows it. */
function reportRow(
  stored: StoredRow,
  seq: number,
  source: RowSourceReport,
  pluginKeys: readonly string[],
): ReportRow {
  const values = stored.values;
  const date = values.date as DateRange;
  const row: ReportRow = {
    seq,
    organizer: String(values.organizer ?? ''),
    name: String(values.name ?? ''),
    summary: String(values.summary ?? ''),
    mode: values.mode as ActivityMode,
    start: date.start,
    end: date.end,
    contact: String(values.contact ?? ''),
    phone: (values.phone as string[] | undefined) ?? [],
    note: String(values.note ?? ''),
    unit: stored.unit,
    source,
  };
  for (const key of pluginKeys) if (values[key] !== undefined) row[key] = values[key];
  if (Object.keys(stored.extra).length > 0) row.extra = stored.extra;
  return row;
}

/**
 * Runs the campaign's rules over the accepted rows as they are read back from the store. A rule
 * error at a row rejects that row; errors at rows other than the one being checked (and from
 * `table` handlers) are matched to their rows in one more pass.
 */
async function runRulesOverStore(
  campaign: ResolvedCampaign,
  lang: Lang,
  store: RowStore,
  status: RowColumn<Uint8Array>,
  sourceOf: (index: number) => RowSourceReport,
  onRejected: (index: number) => void,
  issue: (entry: Issue) => void,
): Promise<void> {
  const run = startRules(campaign, lang);
  const all: RowEntry[] = [];
  const elsewhere = new Set<string>();
  const reject = (index: number) => {
    if (status.get(index) !== accepted) return;
    status.set(index, rejected);
    onRejected(index);
  };
  let index = 0;
  for await (const stored of store.read()) {
    const current = index++;
    if (status.get(current) !== accepted) continue;
    const source = sourceOf(current);
    const entry: RowEntry = { values: stored.values as RowEntry['values'], unit: stored.unit, source };
    if (run.needsAllRows) all.push(entry);
    const before = run.issues.length;
    run.row(entry);
    const here = locationKey(source.path, source.sheet, source.row);
    for (let found = before; found < run.issues.length; found++) {
      const reported = run.issues[found];
      if (reported === undefined) continue;
      if (reported.severity !== 'error' || reported.row === undefined) continue;
      const at = locationKey(reported.path, reported.sheet, reported.row);
      if (at === here) reject(current);
      else elsewhere.add(at);
    }
  }
  const beforeTable = run.issues.length;
  run.finish(all);
  for (let found = beforeTable; found < run.issues.length; found++) {
    const reported = run.issues[found];
    if (reported?.severity === 'error' && reported.row !== undefined)
      elsewhere.add(locationKey(reported.path, reported.sheet, reported.row));
  }
  if (elsewhere.size > 0) {
    for (let current = 0; current < status.length; current++) {
      const { path, sheet, row } = sourceOf(current);
      if (elsewhere.has(locationKey(path, sheet, row))) reject(current);
    }
  }
  for (const found of run.issues) {
    const { rule: _rule, ...rest } = found;
    issue(rest);
  }
}
