import { createInflateAhead } from '@jianshen/ooxml';
import type { ResolvedCampaign } from '@jianshen/plugin-kit';
import {
  compareIssues,
  defaultLang,
  type Issue,
  normalizeDate,
  phrase,
  renderIssue,
  reportIssue,
} from '@jianshen/schema';
import { assessReport } from './assessment/assess-units.js';
import { ignoredNote, type ListedEntry } from './files/listed-file.js';
import { dataUnitsOf, reviewStamps } from './files/stamp-review.js';
import { resolveLimits } from './limits.js';
import { numberedJson } from './merge/numbered-json.js';
import type { PackedRows, PackedSubmission } from './merge/packed-rows.js';
import { bytes, doubles, integers, type RowColumn } from './merge/row-column.js';
import { FirstRowIndex } from './merge/row-key.js';
import { createMemoryRowStore, type RowStore, type StoredRow } from './merge/row-store.js';
import { accepted, runRulesOverStore } from './merge/rules-over-store.js';
import { unitsSentTwice } from './merge/unit-sent-twice.js';
import { pluginFieldKeys, unnumberedRow } from './merge/unnumbered-row.js';
import { mergeObjects } from './merge-objects.js';
import { loadAhead } from './prepare/load-ahead.js';
import { createPluginFieldGuard } from './prepare/plugin-field-guard.js';
import {
  type PreparedSubmission,
  type PrepareOptions,
  prepareSubmission,
} from './prepare/prepare-submission.js';
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
import { createSummarizer } from './summarize/summarize.js';
import { normalizeLabel } from './table/labels.js';
import { ExpectedUnits } from './units/unit-match.js';

export { chinaDay } from './prepare/prepare-submission.js';

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
      ...(input.fromFolder ? { fromFolder: true } : {}),
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
  /** Found in a folder: lock files, hidden files and other kinds of files are listed as ignored. */
  fromFolder?: boolean;
  /** What a folder walk already knows of the entry (ignored, an unreadable folder): not loaded. */
  listed?: ListedEntry;
  /**
   * Prepares the file elsewhere (the Node entry's worker threads); default: here, from `load`.
   * Its rows may come packed only when `takesPackedRows` says the merge can take them.
   */
  prepare?(): Promise<PackedSubmission>;
}

export interface StreamAggregateOptions extends AggregateOptions {
  /** Where rows wait between reading and writing (default: memory). */
  store?: RowStore;
  /**
   * Hears of each accepted row, numbered, as it is stored, when every row's standing is final
   * as it is read (no `replace`, no plugin rules: `countsWhenRead`); otherwise never. Rows a
   * read pool's worker hands back packed are not heard of. The Node entry writes the
   * consolidated workbook's rows with it (`AggregateFilesOptions.workbookRows`).
   */
  onFinalRow?: (row: ReportRow) => void;
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

// Where a row stands after the merge; one byte per row (accepted 0 and rejected 3: see
// rules-over-store.ts).
const duplicate = 1;
const superseded = 2;

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

/** What the merge's stages share: the files, the issues and a few numbers per stored row. */
interface MergeState {
  campaign: ResolvedCampaign;
  options: AggregateOptions;
  store: RowStore;
  files: FileReport[];
  issues: Issue[];
  fileUnits: string[][];
  modifiedTimes: (number | undefined)[];
  // Per stored row, a few numbers: its status, file, sheet, row, table unit and the hashes of
  // its duplicate key. The row itself goes to the store.
  status: RowColumn<Uint8Array>;
  fileOf: RowColumn<Int32Array>;
  rowOf: RowColumn<Int32Array>;
  sheetOf: RowColumn<Int32Array>;
  tableUnitOf: RowColumn<Int32Array>;
  keyOf: RowColumn<Float64Array>;
  secondKeyOf: RowColumn<Int32Array>;
  /** Unit and sheet names repeat row after row: each is kept once and rows hold its number. */
  names: string[];
  nameIds: Map<string, number>;
  pluginKeys: string[];
  summarizer: ReturnType<typeof createSummarizer>;
  /**
   * Without --replace a row's standing is known when it is read (the first of two equal rows
   * counts), and without rules nothing changes it later: the summary is counted as rows come,
   * and the store is read only to write the outputs. Otherwise the decisions wait for every file.
   */
  finalWhenRead: boolean;
  /** See `StreamAggregateOptions.onFinalRow`. */
  onFinalRow?: (row: ReportRow) => void;
  firstByKey: FirstRowIndex;
  acceptedCount: number;
}

function startMerge(
  campaign: ResolvedCampaign,
  options: StreamAggregateOptions,
  store: RowStore,
): MergeState {
  const keyOf = doubles();
  const secondKeyOf = integers();
  // A plugin left out because it failed to load is an issue of the run (issue 15).
  const issues: Issue[] = [...(campaign.issues ?? [])];
  return {
    campaign,
    options,
    store,
    files: [],
    issues,
    fileUnits: [],
    modifiedTimes: [],
    status: bytes(),
    fileOf: integers(),
    rowOf: integers(),
    sheetOf: integers(),
    tableUnitOf: integers(),
    keyOf,
    secondKeyOf,
    names: [],
    nameIds: new Map(),
    pluginKeys: pluginFieldKeys(campaign.fields),
    summarizer: createSummarizer(campaign, options.lang ?? defaultLang, {
      onIssue: (found) => issues.push(found),
      ...(options.runBounded ? { runBounded: options.runBounded } : {}),
      ...(options.ruleBudgetMs !== undefined ? { budgetMs: options.ruleBudgetMs } : {}),
    }),
    finalWhenRead: countsWhenRead(campaign, options),
    ...(options.onFinalRow ? { onFinalRow: options.onFinalRow } : {}),
    firstByKey: new FirstRowIndex({
      firstOf: (index) => keyOf.get(index),
      secondOf: (index) => secondKeyOf.get(index),
    }),
    acceptedCount: 0,
  };
}

function nameId(state: MergeState, name: string): number {
  let id = state.nameIds.get(name);
  if (id === undefined) {
    id = state.names.push(name) - 1;
    state.nameIds.set(name, id);
  }
  return id;
}

function sourceOf(state: MergeState, index: number): RowSourceReport {
  return {
    path: state.files[state.fileOf.get(index)]?.path ?? '',
    sheet: state.names[state.sheetOf.get(index)] ?? '',
    row: state.rowOf.get(index),
  };
}

function markDuplicate(state: MergeState, index: number, first: number): void {
  state.status.set(index, duplicate);
  const file = state.files[state.fileOf.get(index)];
  if (file) file.rowsDuplicate++;
  const { path, row } = sourceOf(state, first);
  const other = phrase('file-row', { path, row });
  state.issues.push(
    reportIssue('duplicate-row', { other }, mergeObjects(sourceOf(state, index), { field: 'name' })),
  );
}

/**
 * Reads, validates and merges submissions in named stages: collect every file's rows, let
 * --replace decide which files count, run the plugins' rules, then judge lateness and who has
 * not submitted.
 */
async function merge(
  inputs: readonly SubmissionSource[],
  campaign: ResolvedCampaign,
  options: StreamAggregateOptions,
  store: RowStore,
): Promise<StreamedReport> {
  const state = startMerge(campaign, options, store);
  await collect(state, inputs);
  if (options.replace) replace(state);
  else
    for (const found of unitsSentTwice(state.files, state.fileUnits, campaign.expectedUnits))
      state.issues.push(found);
  state.firstByKey.clear();
  // Plugin rules see the accepted rows; a rule error keeps its row out like a schema error.
  if (campaign.rules.length > 0) {
    await runRulesOverStore({
      campaign,
      lang: options.lang ?? defaultLang,
      store,
      status: state.status,
      sourceOf: (index) => sourceOf(state, index),
      onRejected: (index) => {
        const file = state.files[state.fileOf.get(index)];
        if (file) file.rowsRejected++;
      },
      issue: (entry) => state.issues.push(entry),
      ...(options.ruleBudgetMs !== undefined ? { budgetMs: options.ruleBudgetMs } : {}),
      ...(options.runBounded ? { runBounded: options.runBounded } : {}),
    });
  }
  const standing = lateness(state);
  const order = new Map(inputs.map((input, index) => [input.path, index]));
  state.issues.sort(
    (a, b) =>
      (order.get(a.path) ?? Number.MAX_SAFE_INTEGER) - (order.get(b.path) ?? Number.MAX_SAFE_INTEGER) ||
      compareIssues(a, b),
  );
  return finishReport(state, standing);
}

/**
 * How each file of a run is prepared: the run's limits and submission day, its inflater, and one
 * plugin-field guard for the whole run (a field stopped in one file stays stopped for the next).
 * `read` reads the bytes in place of `readSubmission` (the Node entry's reading thread).
 */
export function filePreparer(
  campaign: ResolvedCampaign,
  options: Pick<
    StreamAggregateOptions,
    'limits' | 'submittedOn' | 'inflateRaw' | 'runBounded' | 'ruleBudgetMs'
  >,
  read?: PrepareOptions['read'],
): (input: SubmissionSource) => Promise<PreparedSubmission> {
  const limits = resolveLimits(options.limits);
  const submittedOn = options.submittedOn === undefined ? undefined : submissionDay(options.submittedOn);
  const pluginFieldGuard = options.runBounded
    ? createPluginFieldGuard(campaign.fields, {
        runBounded: options.runBounded,
        ...(options.ruleBudgetMs !== undefined ? { budgetMs: options.ruleBudgetMs } : {}),
      })
    : undefined;
  return (input) =>
    prepareSubmission(input, campaign, {
      limits,
      ...(submittedOn ? { submittedOn } : {}),
      ...(options.inflateRaw ? { inflateRaw: options.inflateRaw } : {}),
      ...(pluginFieldGuard ? { pluginFieldGuard } : {}),
      ...(read ? { read } : {}),
    });
}

/** Stage 1: every file read and prepared in turn, its rows stored and their numbers kept. */
async function collect(state: MergeState, inputs: readonly SubmissionSource[]): Promise<void> {
  const { options, campaign } = state;
  // Without an inflater of its own (a page, a worker), the platform's native one inflates each
  // zip as it is loaded (`createInflateAhead`), and the next file is loaded meanwhile.
  const ahead = options.inflateRaw ? undefined : createInflateAhead();
  const maxInflatedBytes = resolveLimits(options.limits).maxInflatedBytes;
  const prepare = filePreparer(
    campaign,
    ahead ? mergeObjects(options, { inflateRaw: ahead.inflateRaw }) : options,
  );
  const sources = loadAhead(inputs, ahead && ((bytes) => ahead.prepare(bytes, { maxInflatedBytes })));
  for (const [fileIndex, input] of sources.entries()) {
    options.onProgress?.({ done: fileIndex, total: inputs.length, path: input.path });
    // Let a progress bar draw and a browser stay responsive between files.
    await Promise.resolve();
    const prepared: PackedSubmission = await (input.prepare?.() ?? prepare(input));
    state.files.push(prepared.file);
    state.modifiedTimes.push(input.modified?.getTime());
    state.fileUnits.push(prepared.units);
    for (const found of prepared.issues) state.issues.push(found);
    if (prepared.packed) storePacked(state, fileIndex, prepared.packed);
    for (const row of prepared.rows) storeRow(state, fileIndex, row);
  }
  options.onProgress?.({ done: inputs.length, total: inputs.length });
}

function storeRow(state: MergeState, fileIndex: number, row: PreparedSubmission['rows'][number]): void {
  const index = state.status.push(accepted);
  state.fileOf.push(fileIndex);
  state.rowOf.push(row.source.row);
  state.sheetOf.push(nameId(state, row.source.sheet));
  state.tableUnitOf.push(nameId(state, row.tableUnit));
  // The report's row is made here, once: a store on disk keeps it as report.json's text.
  const shown = unnumberedRow(row, sourceOf(state, index), state.pluginKeys);
  const forRules =
    state.campaign.rules.length > 0 ? { forRules: { unit: row.unit, values: row.values } } : {};
  const stored: StoredRow = { row: shown, ...forRules };
  state.store.append(stored);
  state.keyOf.push(row.key[0]);
  state.secondKeyOf.push(row.key[1]);
  if (state.options.replace) return;
  const first = state.firstByKey.firstOrAdd(state.keyOf.get(index), state.secondKeyOf.get(index), index);
  if (first !== undefined) markDuplicate(state, index, first);
  else if (state.finalWhenRead) {
    const numbered = { seq: ++state.acceptedCount, ...shown };
    state.summarizer.add(numbered);
    state.onFinalRow?.(numbered);
  }
}

/**
 * Whether a row's standing is final when it is read (`MergeState.finalWhenRead`): no --replace and
 * no rules. The merge then never reads its rows back; only the outputs do.
 */
export function countsWhenRead(
  campaign: ResolvedCampaign,
  options: Pick<AggregateOptions, 'replace'>,
): boolean {
  return !options.replace && campaign.rules.length === 0;
}

/**
 * Whether the merge can take a file's rows packed (`PackedRows`): always but when the summary is
 * counted as rows come (no --replace, no rules) and a plugin summary reads whole rows then; the
 * packed numbers hold only what the built-in counts read (unit, mode, first day).
 */
export function takesPackedRows(
  campaign: ResolvedCampaign,
  options: Pick<AggregateOptions, 'replace'>,
): boolean {
  const finalWhenRead = countsWhenRead(campaign, options);
  const pluginSummaries = campaign.summaries.some(
    (summary) => summary.groupBy || (summary.totals ?? []).length > 0,
  );
  return !(finalWhenRead && pluginSummaries);
}

/** A file's packed rows: their lines to the store as they are, their numbers kept as `storeRow` keeps them. */
function storePacked(state: MergeState, fileIndex: number, packed: PackedRows): void {
  if (!state.store.appendJsonLines) throw new Error('packed rows need a store that takes lines');
  state.store.appendJsonLines(packed.lines, { withRules: packed.withRules });
  const { texts } = packed;
  // Texts the merge names (sheets, table units) get their number once per file.
  const named = new Int32Array(texts.length).fill(-1);
  const idOf = (text: number) => {
    if ((named[text] as number) < 0) named[text] = nameId(state, texts[text] ?? '');
    return named[text] as number;
  };
  for (let at = 0; at < packed.count; at++) {
    const index = state.status.push(accepted);
    state.fileOf.push(fileIndex);
    state.rowOf.push(packed.row[at] as number);
    state.sheetOf.push(idOf(packed.sheet[at] as number));
    state.tableUnitOf.push(idOf(packed.tableUnit[at] as number));
    state.keyOf.push(packed.key[at] as number);
    state.secondKeyOf.push(packed.secondKey[at] as number);
    if (state.options.replace) continue;
    const first = state.firstByKey.firstOrAdd(state.keyOf.get(index), state.secondKeyOf.get(index), index);
    if (first !== undefined) markDuplicate(state, index, first);
    else if (state.finalWhenRead) state.summarizer.add(countedRow(state, packed, at));
  }
}

/**
 * What the summary counts of a packed row: without plugin summaries (`takesPackedRows`) it reads
 * only the row's unit, activity mode and first day, so the rest is never made.
 */
function countedRow(state: MergeState, packed: PackedRows, at: number): ReportRow {
  const { texts } = packed;
  return {
    seq: ++state.acceptedCount,
    unit: texts[packed.unit[at] as number],
    mode: texts[packed.mode[at] as number],
    start: texts[packed.start[at] as number],
  } as ReportRow;
}

/**
 * Per unit, the file that counts under --replace: the newest by modification time; of files with
 * the same time (copied together, unpacked from one archive) or without one, the one given later
 * in the input order (folders are listed by name). Resolves to each unit's file and whether the
 * choice was by time.
 */
function newestFileByUnit(state: MergeState): Map<string, { file: number; byTime: boolean }> {
  const newest = new Map<string, { file: number; byTime: boolean }>();
  for (const [index, units] of state.fileUnits.entries()) {
    if (state.files[index]?.status !== 'ok') continue;
    const time = state.modifiedTimes[index] ?? Number.NEGATIVE_INFINITY;
    for (const unit of units) {
      const key = normalizeLabel(unit);
      const previous = newest.get(key);
      if (previous === undefined) {
        newest.set(key, { file: index, byTime: true });
        continue;
      }
      const previousTime = state.modifiedTimes[previous.file] ?? Number.NEGATIVE_INFINITY;
      if (time > previousTime) newest.set(key, { file: index, byTime: true });
      else if (time === previousTime) newest.set(key, { file: index, byTime: false });
    }
  }
  return newest;
}

/** Stage 2 (--replace): rows of a unit's older files are superseded; then duplicates are marked. */
function replace(state: MergeState): void {
  const newestByUnit = newestFileByUnit(state);
  const newestOfUnit = state.names.map((unit) => newestByUnit.get(normalizeLabel(unit)));
  const notified = new Set<string>();
  for (let index = 0; index < state.status.length; index++) {
    const fileIndex = state.fileOf.get(index);
    const newest = newestOfUnit[state.tableUnitOf.get(index)];
    if (newest === undefined || newest.file === fileIndex) continue;
    state.status.set(index, superseded);
    const file = state.files[fileIndex];
    const newer = state.files[newest.file];
    if (!file || !newer) continue;
    file.rowsSuperseded++;
    file.supersededBy = newer.path;
    const key = `${fileIndex}:${newest.file}`;
    if (notified.has(key)) continue;
    notified.add(key);
    // Equal times: the message says which file counts and why, never that it is newer.
    const code = newest.byTime ? 'file-superseded' : 'file-superseded-same-time';
    state.issues.push(reportIssue(code, { other: newer.path }, { path: file.path }));
  }
  // The same activity twice (in one file or in two) counts once: the first one read.
  for (let index = 0; index < state.status.length; index++) {
    if (state.status.get(index) !== accepted) continue;
    const first = state.firstByKey.firstOrAdd(state.keyOf.get(index), state.secondKeyOf.get(index), index);
    if (first !== undefined) markDuplicate(state, index, first);
  }
}

type Standing = ReturnType<typeof unitStage>;

/** Stage 4: late files, stamped copies (盖章件) and units that have not submitted. */
function lateness(state: MergeState): Standing {
  const { campaign, files, fileUnits } = state;
  return unitStage({ files, fileUnits, campaign, issue: (found) => state.issues.push(found) });
}

/** The streamed report: counts per file, the accepted rows read back from the store on demand. */
async function finishReport(state: MergeState, standing: Standing): Promise<StreamedReport> {
  const { campaign, files, issues, status, store, summarizer } = state;
  const lang = state.options.lang ?? defaultLang;
  let count = 0;
  for (let index = 0; index < status.length; index++) {
    if (status.get(index) !== accepted) continue;
    count++;
    const file = files[state.fileOf.get(index)];
    if (file) file.rowsAccepted++;
  }
  const rows: ReportRows = {
    count,
    async *[Symbol.asyncIterator]() {
      let index = 0;
      let seq = 0;
      for await (const stored of store.read()) {
        const current = index++;
        if (status.get(current) === accepted) yield { seq: ++seq, ...stored.row };
      }
    },
    ...(store.readJson ? { json: numberedJson(store.readJson.bind(store), status) } : {}),
  };
  if (!state.finalWhenRead) for await (const row of rows) summarizer.add(row);
  // Like the issues, an ignored file's reason is worded once, in the report's language.
  for (const file of files) {
    const note = ignoredNote(file, lang);
    if (note !== undefined) file.note = note;
  }
  const summary = summarizer.finish({
    files,
    issues,
    missingUnits: standing.missingUnits,
    lateUnits: standing.lateUnits,
    stampOnlyUnits: standing.stamps.stampOnlyUnits,
    stamps: standing.stamps.stamps,
  });
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

interface UnitStageInput {
  files: readonly FileReport[];
  fileUnits: readonly (readonly string[])[];
  campaign: ResolvedCampaign;
  issue: (entry: Issue) => void;
}

/** Files after the deadline (逾期) among the data that counts. */
function lateFiles({ files, campaign, issue }: UnitStageInput): AggregateReport['summary']['lateUnits'] {
  const lateUnits: AggregateReport['summary']['lateUnits'] = [];
  for (const file of files) {
    if (file.status !== 'ok' || file.supersededBy || !file.submittedOn) continue;
    if (file.submittedOn > campaign.deadline) {
      lateUnits.push({ unit: file.unit, path: file.path, submittedOn: file.submittedOn });
      const data = { unit: file.unit, date: file.submittedOn, deadline: campaign.deadline };
      issue(reportIssue('late-submission', data, { path: file.path }));
    }
  }
  return lateUnits;
}

/**
 * Where the units stand once every file is in: late files, stamped copies (盖章件) against the
 * data, and the expected units with nothing at all (未报送: a unit with only a stamped copy is
 * told to send its spreadsheet instead).
 */
function unitStage(input: UnitStageInput) {
  const { files, fileUnits, campaign, issue } = input;
  const lateUnits = lateFiles(input);
  const stamps = reviewStamps({ files, fileUnits, campaign });
  const submitted = files.flatMap((file, index) => dataUnitsOf(file, fileUnits[index] ?? []));
  const expectedUnits = new ExpectedUnits(campaign.expectedUnits);
  const reached = new Set(submitted.flatMap((unit) => expectedUnits.matching(unit)));
  const missingUnits = campaign.expectedUnits.filter(
    (expected) => !reached.has(expected) && !stamps.stampOnlyUnits.includes(expected),
  );
  for (const found of stamps.issues) issue(found);
  const campaignPath = campaign.sourcePath ?? campaign.id;
  for (const unit of missingUnits) {
    issue(reportIssue('unit-not-submitted', { unit }, { path: campaignPath, field: 'expectedUnits' }));
  }
  return { lateUnits, missingUnits, stamps };
}
