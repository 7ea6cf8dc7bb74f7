import { type CellRow, columnLetter, packZip, type SheetSpec, styles, writeXlsx } from '@jianshen/ooxml';
import type { ResolvedCampaign } from '@jianshen/plugin-kit';
import { defaultLang, type Lang, textsIn } from '@jianshen/schema';
import type { AggregateReport, ReportIssue } from '../report.js';
import {
  cellText,
  fieldColumns,
  type ReadAgainOptions,
  readSubmissionTables,
  rowsByNumber,
  type SubmissionTables,
  tableAt,
} from '../rows/submission-tables.js';
import { unitMatches } from '../units/unit-match.js';
import { type UnitStatus, unitStatuses } from '../units/unit-status.js';
import { issueColumns } from './consolidated.js';
import { safeFileName } from './output-names.js';
import { outputText } from './output-text.js';

type OpinionReport = Pick<AggregateReport, 'files' | 'issues' | 'summary'>;
type OpinionCampaign = Pick<ResolvedCampaign, 'fields' | 'expectedUnits' | 'tableTitle' | 'deadline'>;

export interface ReturnOpinionsOptions extends ReadAgainOptions {
  lang?: Lang;
  /**
   * The bytes of a submission by the path the report names it by (undefined when they are
   * gone: its rows are then listed without their values).
   */
  load(path: string): Promise<Uint8Array | undefined>;
}

/** One unit's return-opinion workbook (退回意见) and the name it is saved under. */
export interface ReturnOpinion {
  unit: string;
  name: string;
  data: Uint8Array;
}

/**
 * Whether an issue of a file is the unit's to fix. A file usually speaks for one unit; when it
 * holds several units' tables, a row's issue goes to the unit of its table's 单位名称 line.
 */
function isUnitsIssue(
  issue: ReportIssue,
  status: UnitStatus,
  tables: SubmissionTables | undefined,
  sharedFile: boolean,
): boolean {
  if (!sharedFile || !tables || issue.row === undefined || issue.sheet === undefined) return true;
  const table = tableAt(tables.tables, issue.sheet, issue.row);
  if (table?.unitSource !== 'unit-line') return true;
  return status.expected ? unitMatches(table.unit, status.unit) : table.unit === status.unit;
}

/** The row an issue is at, one text per campaign field (start and end columns joined). */
function rowValues(issue: ReportIssue, tables: SubmissionTables | undefined, campaign: OpinionCampaign) {
  const none = campaign.fields.map(() => '');
  if (!tables || issue.row === undefined || issue.sheet === undefined) return none;
  const table = tableAt(tables.tables, issue.sheet, issue.row);
  const sheet = tables.sheets.find((candidate) => candidate.name === issue.sheet);
  if (!table || !sheet || issue.row <= table.headerEnd) return none;
  const cells = rowsByNumber(sheet).get(issue.row)?.cells ?? [];
  return campaign.fields.map((field) =>
    fieldColumns(table, field.key)
      .map((column) => cellText(cells[column]))
      .filter((text) => text !== '')
      .join(' — '),
  );
}

function opinionSheet(
  status: UnitStatus,
  issues: readonly { issue: ReportIssue; values: string[] }[],
  campaign: OpinionCampaign,
  lang: Lang,
): SheetSpec {
  const say = textsIn(outputText, lang);
  const { header, row } = issueColumns(campaign, { lang });
  const labels = campaign.fields.map((field) => field.label);
  const width = header.length + labels.length;
  const rows: CellRow[] = [
    [
      {
        value: say('returnOpinionTitle', { unit: status.unit, title: campaign.tableTitle }),
        style: styles.title,
      },
    ],
    [
      {
        value: say('returnOpinionRequest', { count: issues.length, deadline: campaign.deadline }),
        style: styles.plain,
      },
    ],
    [...header, ...labels].map((label) => ({ value: label, style: styles.header })),
    ...issues.map(({ issue, values }) => [
      ...row(issue).map((value) =>
        typeof value === 'number' ? { value, style: styles.center } : { value, style: styles.text },
      ),
      ...values.map((value) => ({ value, style: styles.text })),
    ]),
  ];
  return {
    name: say('returnOpinionSheet'),
    widths: [28, 12, 6, 16, 24, 6, 60, 20, ...campaign.fields.map((field) => field.width)],
    rows,
    merges: [`A1:${columnLetter(width - 1)}1`, `A2:${columnLetter(width - 1)}2`],
    heights: [30, 20],
    headerRows: 3,
    landscape: true,
  };
}

/**
 * For each unit with errors, a workbook listing the rows it must fix (file, sheet, row, column,
 * value, message) with each row's values as sent, in report order. Units in the order of the
 * 各单位报送情况 table; the same report and files give the same bytes.
 */
export async function writeReturnOpinionWorkbooks(
  report: OpinionReport,
  campaign: OpinionCampaign,
  options: ReturnOpinionsOptions,
): Promise<ReturnOpinion[]> {
  const lang = options.lang ?? defaultLang;
  const read = new Map<string, SubmissionTables | undefined>();
  const tablesOf = async (path: string) => {
    if (!read.has(path)) {
      const data = await options.load(path);
      const tables = data ? await readSubmissionTables(data, path, campaign, options) : undefined;
      read.set(path, tables && 'tables' in tables ? tables : undefined);
    }
    return read.get(path);
  };
  const statuses = unitStatuses(report, campaign);
  const unitsOfPath = new Map<string, number>();
  for (const status of statuses)
    for (const path of status.files) unitsOfPath.set(path, (unitsOfPath.get(path) ?? 0) + 1);
  const opinions: ReturnOpinion[] = [];
  const taken = new Set<string>();
  for (const status of statuses) {
    if (status.errors === 0) continue;
    const listed: { issue: ReportIssue; values: string[] }[] = [];
    for (const issue of report.issues) {
      if (issue.severity !== 'error' || !status.files.includes(issue.path)) continue;
      const tables = await tablesOf(issue.path);
      if (!isUnitsIssue(issue, status, tables, (unitsOfPath.get(issue.path) ?? 0) > 1)) continue;
      listed.push({ issue, values: rowValues(issue, tables, campaign) });
    }
    if (listed.length === 0) continue;
    const data = await writeXlsx([opinionSheet(status, listed, campaign, lang)]);
    opinions.push({ unit: status.unit, name: uniqueName(status.unit, lang, taken), data });
  }
  return opinions;
}

function uniqueName(unit: string, lang: Lang, taken: Set<string>): string {
  const base = textsIn(outputText, lang)('returnOpinionFile', { unit: safeFileName(unit) });
  let name = `${base}.xlsx`;
  for (let index = 2; taken.has(name.toLowerCase()); index++) name = `${base}(${index}).xlsx`;
  taken.add(name.toLowerCase());
  return name;
}

/** The return-opinion workbooks zipped together (fixed dates, sorted names: same input, same bytes). */
export async function writeReturnOpinions(
  report: OpinionReport,
  campaign: OpinionCampaign,
  options: ReturnOpinionsOptions,
): Promise<Uint8Array> {
  const opinions = await writeReturnOpinionWorkbooks(report, campaign, options);
  // writeXlsx's bytes are a fresh array over a plain ArrayBuffer.
  return packZip(
    Object.fromEntries(opinions.map((opinion) => [opinion.name, opinion.data as Uint8Array<ArrayBuffer>])),
  );
}
