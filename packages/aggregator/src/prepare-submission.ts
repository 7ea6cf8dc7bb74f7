import type { ResolvedCampaign } from '@jianshen/plugin-kit';
import {
  type Issue,
  matchTemplateMarker,
  type PhraseCode,
  parseRow,
  parseTemplateMarker,
  phrase,
  reportIssue,
} from '@jianshen/schema';
import { type ReadLimits, UnreadableError } from './limits.js';
import { readSubmission } from './read/read-submission.js';
import type { InflateRaw } from './read/zip.js';
import type { FileReport } from './report.js';
import { duplicateKeyHashes } from './row-key.js';
import { emptySkipped, type FoundTable, findTables } from './table/find-tables.js';

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
}

/** What `prepareSubmission` needs of an input: its name, time and bytes (loaded when needed). */
export interface PrepareInput {
  path: string;
  modified?: Date;
  load(): Promise<Uint8Array>;
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

/** Why a template marker does not match the campaign, as the `template-mismatch` reason. */
const mismatchReasons = {
  'other-campaign': 'template-other-campaign',
  'columns-changed': 'template-columns-changed',
  'newer-version': 'template-newer-version',
} as const satisfies Record<string, PhraseCode>;

/** Where an inferred unit came from, as the `unit-inferred` source. */
const unitSources = {
  title: 'unit-source-title',
  'sheet-name': 'unit-source-sheet-name',
} as const satisfies Record<string, PhraseCode>;

/**
 * Reads one submission and checks it on its own: format, tables, unit, header, every row through
 * the schema. A file that cannot be read is one error in its `issues`; it never throws.
 */
export async function prepareSubmission(
  input: PrepareInput,
  campaign: Pick<ResolvedCampaign, 'fields' | 'fieldContext' | 'expectedUnits' | 'id' | 'fingerprint'>,
  options: PrepareOptions,
): Promise<PreparedSubmission> {
  const { limits, submittedOn } = options;
  const issues: Issue[] = [];
  const rows: PreparedRow[] = [];
  const issue = (entry: Issue) => issues.push(entry);
  const file: FileReport = {
    path: input.path,
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
  };
  const units: string[] = [];
  const fileDay = submittedOn ?? (input.modified ? chinaDay(input.modified) : undefined);
  if (fileDay) file.submittedOn = fileDay;

  let outcome: ReturnType<typeof readSubmission>;
  try {
    outcome = readSubmission(
      await input.load(),
      input.path,
      limits,
      options.inflateRaw ? { inflateRaw: options.inflateRaw } : {},
    );
  } catch (error) {
    const reason =
      error instanceof UnreadableError
        ? error.reason
        : error instanceof Error
          ? (error.message.split('\n')[0] ?? '')
          : String(error);
    outcome = { ok: false, format: 'unknown', status: 'failed', code: 'file-unreadable', data: { reason } };
  }
  file.format = outcome.format;
  if (!outcome.ok) {
    file.status = outcome.status;
    issue(reportIssue(outcome.code, outcome.data, { path: input.path }));
    return { file, units, issues, rows };
  }
  const { workbook } = outcome;
  if (workbook.templateMarker !== undefined) {
    const marker = parseTemplateMarker(workbook.templateMarker);
    const match = marker ? matchTemplateMarker(marker, campaign) : 'match';
    if (marker && match !== 'match') {
      const reason = phrase(mismatchReasons[match], { campaign: marker.campaign });
      issue(reportIssue('template-mismatch', { reason }, { path: input.path }));
    }
  }
  const tables: FoundTable[] = [];
  for (const sheet of workbook.sheets) {
    tables.push(
      ...findTables(sheet, campaign.fields, {
        fallbackUnit: baseName(input.path),
        expectedUnits: campaign.expectedUnits,
      }),
    );
  }
  file.tables = tables.length;
  if (tables.length === 0) {
    file.status = 'failed';
    issue(reportIssue('header-not-found', {}, { path: input.path }));
    return { file, units, issues, rows };
  }
  // Nothing is dropped silently: a sheet that looks like data but holds no table is named.
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
      issue(
        reportIssue(
          'sheet-ignored',
          { sheet: sheet.name, rows: tabularRows },
          { path: input.path, sheet: sheet.name },
        ),
      );
    }
  }
  const context = { ...campaign.fieldContext, date1904: workbook.date1904 };
  const labelOf = new Map(campaign.fields.map((field) => [field.key, field.label]));
  let fileUnit: string | undefined;
  for (const table of tables) {
    // A table without its own unit line continues the file's unit (a Word table split across
    // pages, a second sheet of the same county).
    if (table.unitSource === 'unit-line') fileUnit = table.unit;
    else if (fileUnit !== undefined) {
      table.unit = fileUnit;
      table.unitSource = 'unit-line';
    }
    const at = { path: input.path, sheet: table.sheet };
    if (!units.includes(table.unit)) units.push(table.unit);
    if (table.unitSource !== 'unit-line') {
      const place = { ...at, row: table.headerRow };
      issue(
        table.unitSource === 'file-name'
          ? reportIssue('unit-missing', { unit: table.unit }, place)
          : reportIssue(
              'unit-inferred',
              { unit: table.unit, source: phrase(unitSources[table.unitSource]) },
              place,
            ),
      );
    }
    for (const unknown of table.unknownColumns) {
      issue(
        reportIssue(
          'unknown-column',
          { label: unknown.label },
          { ...at, row: table.headerRow, value: unknown.label },
        ),
      );
    }
    for (const field of table.missingFields) {
      issue(
        reportIssue(
          'missing-column',
          { label: field.label },
          { ...at, row: table.headerRow, field: field.key },
        ),
      );
    }
    for (const [reason, count] of Object.entries(table.skipped) as [keyof typeof table.skipped, number][]) {
      file.rowsSkipped[reason] += count;
    }
    if (table.rows.length === 0) {
      issue(reportIssue('table-empty', {}, { ...at, row: table.headerRow }));
    }
    for (const dataRow of table.rows) {
      file.rowsRead++;
      const parsed = parseRow(dataRow.cells, campaign.fields, context);
      // Missing columns are reported once at the header, not once per row.
      const rowIssues = parsed.issues.filter(
        (found) =>
          !(found.code === 'required' && table.missingFields.some((field) => field.key === found.field)),
      );
      for (const found of rowIssues) {
        issue({ ...at, row: dataRow.row, ...found });
      }
      if (!parsed.ok) {
        file.rowsRejected++;
        // A row kept out only by a missing column still needs an error at its own row.
        if (!rowIssues.some((found) => found.severity === 'error')) {
          const missing = table.missingFields[0];
          const label = missing ? (labelOf.get(missing.key) ?? missing.key) : '';
          issue(
            reportIssue(
              'missing-column',
              { label },
              { ...at, row: dataRow.row, ...(missing ? { field: missing.key } : {}) },
            ),
          );
        }
        continue;
      }
      rows.push({
        unit: dataRow.unit ?? table.unit,
        tableUnit: table.unit,
        values: parsed.values,
        extra: dataRow.extra,
        key: duplicateKeyHashes(parsed.values),
        source: { path: input.path, sheet: table.sheet, row: dataRow.row },
      });
    }
  }
  file.unit = units.join('、');
  return { file, units, issues, rows };
}
