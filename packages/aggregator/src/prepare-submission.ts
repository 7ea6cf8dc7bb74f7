import type { ResolvedCampaign } from '@jianshen/plugin-kit';
import {
  type FieldIssue,
  formatMessage,
  isMessageCode,
  type Lang,
  matchTemplateMarker,
  parseRow,
  parseTemplateMarker,
} from '@jianshen/schema';
import { type ReadLimits, UnreadableError } from './limits.js';
import { readSubmission } from './read/read-submission.js';
import type { InflateRaw } from './read/zip.js';
import type { FileReport, ReportIssue } from './report.js';
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
  issues: ReportIssue[];
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
  lang: Lang;
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

function message(issue: Pick<FieldIssue, 'code' | 'data' | 'message'>, lang: Lang): string {
  if (issue.message) return issue.message;
  return isMessageCode(issue.code) ? formatMessage(issue.code, issue.data ?? {}, lang) : issue.code;
}

/**
 * Reads one submission and checks it on its own: format, tables, unit, header, every row through
 * the schema. A file that cannot be read is one error in its `issues`; it never throws.
 */
export async function prepareSubmission(
  input: PrepareInput,
  campaign: Pick<ResolvedCampaign, 'fields' | 'fieldContext' | 'expectedUnits' | 'id' | 'fingerprint'>,
  options: PrepareOptions,
): Promise<PreparedSubmission> {
  const { lang, limits, submittedOn } = options;
  const issues: ReportIssue[] = [];
  const rows: PreparedRow[] = [];
  const issue = (entry: ReportIssue) => issues.push(entry);
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
      lang,
      options.inflateRaw ? { inflateRaw: options.inflateRaw } : {},
    );
  } catch (error) {
    const reason =
      error instanceof UnreadableError
        ? error.reason[lang]
        : error instanceof Error
          ? error.message.split('\n')[0]
          : String(error);
    outcome = { ok: false, format: 'unknown', status: 'failed', code: 'file-unreadable', data: { reason } };
  }
  file.format = outcome.format;
  if (!outcome.ok) {
    file.status = outcome.status;
    issue({
      path: input.path,
      code: outcome.code,
      severity: 'error',
      message: formatMessage(outcome.code, outcome.data, lang),
    });
    return { file, units, issues, rows };
  }
  const { workbook } = outcome;
  if (workbook.templateMarker !== undefined) {
    const marker = parseTemplateMarker(workbook.templateMarker);
    const match = marker ? matchTemplateMarker(marker, campaign) : 'match';
    if (marker && match !== 'match') {
      const reasons = {
        'other-campaign': {
          zh: `属于另一活动（${marker.campaign}）`,
          en: `belongs to another campaign (${marker.campaign})`,
        },
        'columns-changed': {
          zh: '生成后活动的列已变更',
          en: 'was made before the campaign’s columns changed',
        },
        'newer-version': { zh: '由更新版本的工具生成', en: 'was made by a newer version of the kit' },
      } as const;
      issue({
        path: input.path,
        code: 'template-mismatch',
        severity: 'warning',
        message: formatMessage('template-mismatch', { reason: reasons[match][lang] }, lang),
      });
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
    issue({
      path: input.path,
      code: 'header-not-found',
      severity: 'error',
      message: formatMessage('header-not-found', {}, lang),
    });
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
      issue({
        path: input.path,
        sheet: sheet.name,
        code: 'sheet-ignored',
        severity: 'warning',
        message: formatMessage('sheet-ignored', { sheet: sheet.name, rows: tabularRows }, lang),
      });
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
      const source =
        table.unitSource === 'file-name'
          ? undefined
          : {
              title: { zh: '表格标题', en: 'table title' },
              'sheet-name': { zh: '工作表名称', en: 'sheet name' },
            }[table.unitSource];
      issue({
        ...at,
        row: table.headerRow,
        code: source ? 'unit-inferred' : 'unit-missing',
        severity: 'warning',
        message: source
          ? formatMessage('unit-inferred', { unit: table.unit, source: source[lang] }, lang)
          : formatMessage('unit-missing', { unit: table.unit }, lang),
      });
    }
    for (const unknown of table.unknownColumns) {
      issue({
        ...at,
        row: table.headerRow,
        code: 'unknown-column',
        severity: 'warning',
        message: formatMessage('unknown-column', { label: unknown.label }, lang),
        value: unknown.label,
      });
    }
    for (const field of table.missingFields) {
      issue({
        ...at,
        row: table.headerRow,
        field: field.key,
        code: 'missing-column',
        severity: 'error',
        message: formatMessage('missing-column', { label: field.label }, lang),
      });
    }
    for (const [reason, count] of Object.entries(table.skipped) as [keyof typeof table.skipped, number][]) {
      file.rowsSkipped[reason] += count;
    }
    if (table.rows.length === 0) {
      issue({
        ...at,
        row: table.headerRow,
        code: 'table-empty',
        severity: 'warning',
        message: formatMessage('table-empty', {}, lang),
      });
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
        issue({
          ...at,
          row: dataRow.row,
          field: found.field,
          code: found.code,
          severity: found.severity,
          message: message(found, lang),
          ...(found.value !== undefined ? { value: found.value } : {}),
        });
      }
      if (!parsed.ok) {
        file.rowsRejected++;
        // A row kept out only by a missing column still needs an error at its own row.
        if (!rowIssues.some((found) => found.severity === 'error')) {
          const missing = table.missingFields[0];
          issue({
            ...at,
            row: dataRow.row,
            ...(missing ? { field: missing.key } : {}),
            code: 'missing-column',
            severity: 'error',
            message: formatMessage(
              'missing-column',
              { label: missing ? (labelOf.get(missing.key) ?? missing.key) : '' },
              lang,
            ),
          });
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
