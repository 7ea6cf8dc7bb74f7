import type { InflateRaw } from '@jianshen/ooxml';
import type { ResolvedCampaign } from '@jianshen/plugin-kit';
import {
  type Issue,
  type IssueData,
  type MessageCode,
  matchTemplateMarker,
  type PhraseCode,
  parseRow,
  parseTemplateMarker,
  phrase,
  type ResolvedField,
  reportIssue,
} from '@jianshen/schema';
import { type ListedEntry, settledAsStamp, settledBeforeReading } from '../files/listed-file.js';
import { type ReadLimits, UnreadableError } from '../limits.js';
import { duplicateKeyHashes } from '../merge/row-key.js';
import { mergeObjects } from '../merge-objects.js';
import type { GridSheet, GridWorkbook } from '../read/grid.js';
import { type ReadOutcome, readSubmission } from '../read/read-submission.js';
import type { FileReport } from '../report.js';
import { farCellNote } from '../table/far-cells.js';
import { emptySkipped, type FoundTable, findTables } from '../table/find-tables.js';
import type { PluginFieldGuard } from './plugin-field-guard.js';

/**
 * One file's share of an aggregation, before anything is compared across files: its report
 * entry, its issues and the rows that passed the schema. Plain data (structured-cloneable), so a
 * worker thread can prepare files in parallel while the batch is merged in input order.
 */
export interface PreparedSubmission {
  file: FileReport;
  /** Units of the file's tables, in order. */
  units: string[];
  /** Codes and data; the report renders their text in its language. */
  issues: Issue[];
  rows: PreparedRow[];
}

/** A row that passed the schema, waiting for duplicates, superseding and plugin rules. */
export interface PreparedRow {
  /** The row's unit (a 来源单位 cell) or its table's. */
  unit: string;
  /** The unit of the table the row is in: what --replace compares. */
  tableUnit: string;
  values: Record<string, unknown>;
  extra: Record<string, string>;
  source: { path: string; sheet: string; row: number };
  /** Hashes of the duplicate key (organiser, name, dates), made here so the merge need not. */
  key: readonly [number, number];
}

export interface PrepareOptions {
  limits: ReadLimits;
  /** ISO day (already checked) all files count as submitted on; default: the file's `modified` (China time). */
  submittedOn?: string;
  /** A native inflater for zip parts (the Node entry passes zlib's). */
  inflateRaw?: InflateRaw;
  /**
   * Bounds the campaign's plugin field schemas (`createPluginFieldGuard`, one per run); without
   * it a schema stuck in a loop cannot be stopped.
   */
  pluginFieldGuard?: PluginFieldGuard;
  /**
   * Reads the bytes into grids in place of `readSubmission`, with the same outcomes: the Node
   * entry's reading thread (`createGridReader`).
   */
  read?: (bytes: Uint8Array, name: string, limits: ReadLimits) => Promise<ReadOutcome>;
}

/** What `prepareSubmission` needs of an input: its name, time and bytes (loaded when needed). */
export interface PrepareInput {
  path: string;
  modified?: Date;
  load(): Promise<Uint8Array>;
  /** Found in a folder: lock files, hidden files and other kinds of files are listed as ignored. */
  fromFolder?: boolean;
  /** What the folder walk already knows (ignored, an unreadable folder); the file is not loaded. */
  listed?: ListedEntry;
}

const chinaOffsetMs = 8 * 3_600_000;

/** The calendar day in China (UTC+8) at an instant: a file saved at 01:00 on the 29th is the 29th. */
export function chinaDay(instant: Date): string {
  return new Date(instant.getTime() + chinaOffsetMs).toISOString().slice(0, 10);
}

/** A file's name without folder and extension: the unit when a file names none. */
export function baseName(path: string): string {
  const name = path.split(/[\\/]/).pop() ?? path;
  return name.replace(/\.[^.]+$/, '');
}

type Campaign = Pick<ResolvedCampaign, 'fields' | 'fieldContext' | 'expectedUnits' | 'id' | 'fingerprint'>;

/** One file being prepared: what the stages below fill in. */
interface Preparing extends PreparedSubmission {
  path: string;
}

function emptyFileReport(path: string, submittedOn: string | undefined): FileReport {
  return {
    path,
    format: 'unknown',
    unit: '',
    status: 'ok',
    rowsRead: 0,
    rowsAccepted: 0,
    rowsRejected: 0,
    rowsDuplicate: 0,
    rowsSuperseded: 0,
    rowsSkipped: emptySkipped(),
    tables: 0,
    ...(submittedOn ? { submittedOn } : {}),
  };
}

/** The input's bytes, or the outcome of a file that could not be loaded (missing, no permission). */
async function loadInput(input: PrepareInput): Promise<Uint8Array | ReadOutcome> {
  try {
    return await input.load();
  } catch (error) {
    const reason =
      error instanceof UnreadableError
        ? error.reason
        : error instanceof Error
          ? (error.message.split('\n')[0] ?? '')
          : String(error);
    return { ok: false, format: 'unknown', status: 'failed', code: 'file-unreadable', data: { reason } };
  }
}

/**
 * Reads one submission and checks it on its own: format, tables, unit, header, every row through
 * the schema. A file that cannot be read is one error in its `issues`; it never throws.
 */
export async function prepareSubmission(
  input: PrepareInput,
  campaign: Campaign,
  options: PrepareOptions,
): Promise<PreparedSubmission> {
  const preparing = startFile(input, options);
  // Settled without reading (ignored, an unreadable folder), or a stamped copy (盖章件) by content.
  const settled = settledBeforeReading(input, preparing.file);
  if (settled) return { ...finished(preparing), issues: settled.issues };
  const outcome = await readInput(input, options, { file: preparing.file, campaign });
  if ('settled' in outcome) return { ...finished(preparing), issues: outcome.settled };
  preparing.file.format = outcome.format;
  if (!outcome.ok) return refuseFile(preparing, outcome);
  const { workbook } = outcome;
  checkTemplateMarker(preparing, workbook, campaign);
  for (const sheet of workbook.sheets) reportNotes(sheet, input.path, preparing.issues);
  const tables = workbookTables(workbook, input.path, campaign);
  preparing.file.tables = tables.length;
  reportFarCells(preparing, workbook, tables);
  if (tables.length === 0)
    return refuseFile(preparing, { status: 'failed', code: 'header-not-found', data: {} });
  reportIgnoredSheets(preparing, workbook, tables);
  carryFileUnit(tables);
  const context = mergeObjects(campaign.fieldContext, { date1904: workbook.date1904 });
  const guard = options.pluginFieldGuard;
  for (const table of tables) {
    reportTable(preparing, table);
    readTableRows(preparing, table, { fields: campaign.fields, context, guard });
  }
  preparing.file.unit = preparing.units.join('、');
  return finished(preparing);
}

function startFile(input: PrepareInput, options: PrepareOptions): Preparing {
  const fileDay = options.submittedOn ?? (input.modified ? chinaDay(input.modified) : undefined);
  const file = emptyFileReport(input.path, fileDay);
  return { path: input.path, file, units: [], issues: [], rows: [] };
}

function finished({ file, units, issues, rows }: Preparing): PreparedSubmission {
  return { file, units, issues, rows };
}

/** The input's bytes read as a data file, unless they are a stamped copy (盖章件). */
async function readInput(
  input: PrepareInput,
  options: PrepareOptions,
  { file, campaign }: { file: FileReport; campaign: Pick<ResolvedCampaign, 'expectedUnits'> },
): Promise<ReadOutcome | { settled: Issue[] }> {
  const loaded = await loadInput(input);
  if (!(loaded instanceof Uint8Array)) return loaded;
  const stamp = await settledAsStamp(
    { path: input.path, bytes: loaded, expectedUnits: campaign.expectedUnits },
    file,
  );
  if (stamp) return { settled: stamp.issues };
  if (options.read) return options.read(loaded, input.path, options.limits);
  return readSubmission(
    loaded,
    input.path,
    options.limits,
    options.inflateRaw ? { inflateRaw: options.inflateRaw } : {},
  );
}

function refuseFile(
  preparing: Preparing,
  refusal: { status: 'failed' | 'unsupported'; code: MessageCode; data: IssueData },
): PreparedSubmission {
  preparing.file.status = refusal.status;
  preparing.issues.push(reportIssue(refusal.code, refusal.data, { path: preparing.path }));
  return finished(preparing);
}

/** Why a template marker does not match the campaign, as the `template-mismatch` reason. */
const mismatchReasons = {
  'other-campaign': 'template-other-campaign',
  'columns-changed': 'template-columns-changed',
  'newer-version': 'template-newer-version',
} as const satisfies Record<string, PhraseCode>;

function checkTemplateMarker(preparing: Preparing, workbook: GridWorkbook, campaign: Campaign): void {
  if (workbook.templateMarker === undefined) return;
  const marker = parseTemplateMarker(workbook.templateMarker);
  const match = marker ? matchTemplateMarker(marker, campaign) : 'match';
  if (!marker || match === 'match') return;
  const reason = phrase(mismatchReasons[match], { campaign: marker.campaign });
  preparing.issues.push(reportIssue('template-mismatch', { reason }, { path: preparing.path }));
}

/**
 * Every sheet's tables. A sheet without a header of its own may continue the table the sheet
 * before it ended with (a long table split over two sheets, as a Word table over two pages).
 */
export function workbookTables(
  workbook: GridWorkbook,
  path: string,
  campaign: Pick<ResolvedCampaign, 'fields' | 'expectedUnits'>,
): FoundTable[] {
  const tables: FoundTable[] = [];
  let previous: FoundTable | undefined;
  for (const sheet of workbook.sheets) {
    const found = findTables(sheet, campaign.fields, {
      fallbackUnit: baseName(path),
      expectedUnits: campaign.expectedUnits,
      ...(previous && !sheet.hidden ? { continues: previous } : {}),
    });
    tables.push(...found);
    if (!sheet.hidden) previous = found[found.length - 1];
  }
  return tables;
}

/** Nothing is dropped silently: a sheet that looks like data but holds no table is named. */
function reportIgnoredSheets(
  preparing: Preparing,
  workbook: GridWorkbook,
  tables: readonly FoundTable[],
): void {
  for (const sheet of workbook.sheets) {
    // Instructions, and the summary and issues sheets of a consolidated workbook read again
    // upstream (按单位, By month, 考核, 问题清单 …), are not data.
    if (sheet.hidden || /说明|instruction|^按|^By |^考核$|^Assessment$|^问题清单$|^Issues$/i.test(sheet.name))
      continue;
    if (tables.some((table) => table.sheet === sheet.name)) continue;
    const tabularRows = sheet.rows.filter(
      (row) => row.cells.filter((cell) => cell !== null && cell !== undefined && cell !== '').length >= 3,
    ).length;
    if (tabularRows >= 2) {
      const place = { path: preparing.path, sheet: sheet.name };
      preparing.issues.push(reportIssue('sheet-ignored', { sheet: sheet.name, rows: tabularRows }, place));
    }
  }
}

/**
 * A table without its own unit line continues the file's unit (a Word table split across
 * pages, a second sheet of the same county).
 */
function carryFileUnit(tables: readonly FoundTable[]): void {
  let fileUnit: string | undefined;
  for (const table of tables) {
    if (table.unitSource === 'unit-line') fileUnit = table.unit;
    else if (fileUnit !== undefined) {
      table.unit = fileUnit;
      table.unitSource = 'unit-line';
    }
  }
}

/** Where an inferred unit came from, as the `unit-inferred` source. */
const unitSources = {
  title: 'unit-source-title',
  'sheet-name': 'unit-source-sheet-name',
} as const satisfies Record<string, PhraseCode>;

/** The issues of a table as a whole: its unit when guessed, unknown and missing columns, no rows. */
function reportTable(preparing: Preparing, table: FoundTable): void {
  if (!preparing.units.includes(table.unit)) preparing.units.push(table.unit);
  for (const [reason, count] of Object.entries(table.skipped) as [keyof typeof table.skipped, number][]) {
    preparing.file.rowsSkipped[reason] += count;
  }
  // A continued table's header, unit and columns were reported where it began.
  if (table.continues !== undefined) return;
  const at = { path: preparing.path, sheet: table.sheet, row: table.headerRow };
  const issue = (code: MessageCode, data: IssueData, extra: { field?: string; value?: string } = {}) =>
    preparing.issues.push(reportIssue(code, data, { ...at, ...extra }));
  const fileName = preparing.path.split(/[\\/]/).pop() ?? preparing.path;
  if (table.unitSource === 'file-name') issue('unit-missing', { unit: table.unit });
  else if (table.unitSource === 'file-name-unit')
    issue('unit-from-file-name', { unit: table.unit, file: fileName });
  else if (table.unitSource !== 'unit-line')
    issue('unit-inferred', { unit: table.unit, source: phrase(unitSources[table.unitSource]) });
  for (const unknown of table.unknownColumns) {
    issue('unknown-column', { label: unknown.label }, { value: unknown.label });
  }
  for (const field of table.missingFields)
    issue('missing-column', { label: field.label }, { field: field.key });
  // A "无" return is a unit saying it held nothing: no warning for an empty table.
  if (table.rows.length === 0 && table.nilReturn === undefined) issue('table-empty', {});
}

interface RowContext {
  fields: readonly ResolvedField[];
  context: Campaign['fieldContext'] & { date1904: boolean };
  /** Bounds plugin field schemas; absent, rows are parsed plainly. */
  guard: PluginFieldGuard | undefined;
}

/** Every data row of a table through the schema: accepted rows kept, every issue at its row and field. */
function readTableRows(preparing: Preparing, table: FoundTable, rowContext: RowContext): void {
  const missing = new Set(table.missingFields.map((field) => field.key));
  const { fields, context } = rowContext;
  // A table without any plugin column runs no plugin code: no bound (each costs ~0.2-0.5 ms).
  const columns = new Set(table.columns.values());
  const guard = fields.some((field) => field.source !== 'core' && columns.has(field.key))
    ? rowContext.guard
    : undefined;
  const setup: RowSetup = { fields, context, missing, at: { path: preparing.path, sheet: table.sheet } };
  if (!guard) {
    for (const dataRow of table.rows) readRow(preparing, table, setup, dataRow);
    return;
  }
  const step = (at: number) => {
    const dataRow = table.rows[at];
    // The fields change only when a plugin field is stopped.
    setup.fields = guard.fields();
    if (dataRow) readRow(preparing, table, setup, dataRow);
  };
  for (const found of guard.run(table.rows.length, step, { path: preparing.path }))
    preparing.issues.push(mergeObjects(found, { sheet: table.sheet }));
}

/** What every row of a table is read with. */
interface RowSetup {
  fields: readonly ResolvedField[];
  context: RowContext['context'];
  missing: ReadonlySet<string>;
  /** The file and sheet every issue of the table's rows is at. */
  at: { path: string; sheet: string };
}

/**
 * One data row through the schema, then counted and kept: nothing changes before `parseRow`
 * returns, so a row whose plugin code was cut short is simply read again (plugin-field-guard.ts).
 */
function readRow(
  preparing: Preparing,
  table: FoundTable,
  setup: RowSetup,
  dataRow: FoundTable['rows'][number],
): void {
  const { missing, at } = setup;
  const { file } = preparing;
  const parsed = parseRow(dataRow.cells, setup.fields, setup.context);
  file.rowsRead++;
  // Missing columns are reported once at the header, not once per row.
  const rowIssues =
    missing.size === 0
      ? parsed.issues
      : parsed.issues.filter((found) => !(found.code === 'required' && missing.has(found.field)));
  for (const found of rowIssues) preparing.issues.push(mergeObjects(at, { row: dataRow.row }, found));
  if (!parsed.ok) {
    file.rowsRejected++;
    // A row kept out only by a missing column still needs an error at its own row.
    if (!rowIssues.some((found) => found.severity === 'error'))
      missingColumnAtRow(preparing, table, dataRow.row);
    return;
  }
  preparing.rows.push({
    unit: dataRow.unit ?? table.unit,
    tableUnit: table.unit,
    values: parsed.values,
    extra: dataRow.extra,
    key: duplicateKeyHashes(parsed.values),
    source: { path: preparing.path, sheet: table.sheet, row: dataRow.row },
  });
}

function missingColumnAtRow(preparing: Preparing, table: FoundTable, row: number): void {
  const missing = table.missingFields[0];
  const place = { path: preparing.path, sheet: table.sheet, row, ...(missing ? { field: missing.key } : {}) };
  preparing.issues.push(reportIssue('missing-column', { label: missing?.label ?? '' }, place));
}

/** A cell far below or beside every table is named, not counted as rows of the table. */
function reportFarCells(preparing: Preparing, workbook: GridWorkbook, tables: readonly FoundTable[]): void {
  for (const sheet of workbook.sheets) {
    const far = farCellNote(sheet, tables);
    if (far)
      reportNotes({ name: sheet.name, rows: [], merges: [], notes: [far] }, preparing.path, preparing.issues);
  }
}

/** A reader's notes as issues at their sheet and row; severity and text from the catalogue. */
function reportNotes(sheet: GridSheet, path: string, issues: Issue[]): void {
  for (const note of sheet.notes ?? []) {
    const row = note.row !== undefined ? { row: note.row } : {};
    issues.push(reportIssue(note.code, note.data, { path, sheet: sheet.name, ...row }));
  }
}
