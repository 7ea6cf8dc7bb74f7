import {
  type ByteSink,
  type CellRow,
  type CellSpec,
  type CreateRawDeflater,
  columnLetter,
  createRowBytesWriter,
  type PutText,
  type RowBytesTarget,
  type SheetRecording,
  type SheetSpec,
  safeSheetName,
  styles,
  type TruncatedCell,
  type WriteXlsxOptions,
  writeXlsx,
  writeXlsxTo,
} from '@jianshen/ooxml';
import type { ResolvedCampaign } from '@jianshen/plugin-kit';
import { defaultLang, type Lang, phrase, renderPhrase, textsIn } from '@jianshen/schema';
import { assessReport } from '../assessment/assess-units.js';
import { assessmentSheet } from '../assessment/assessment-sheet.js';
import { stampCellText, stampColumnLabel } from '../files/stamp-column.js';
import type { GroupCount, ReportIssue, ReportLike, ReportRow, WorkbookRowsAhead } from '../report.js';
import { unitColumnLabels } from '../table/labels.js';
import { unitStatusLabels } from '../units/unit-status.js';
import { displayValue, formatDateRange, modeLabel } from './format-values.js';
import { maskIssuePhone, maskPhone } from './mask-phone.js';
import { outputText } from './output-text.js';

export interface OutputOptions {
  lang?: Lang;
  /** Hide the middle digits of contact numbers (outputs that travel upward). */
  maskPhone?: boolean;
  /** A native deflater for the workbooks' zip (the Node entry passes zlib's). */
  createDeflater?: CreateRawDeflater;
  /** Hears of each text cell cut to Excel's 32,767 characters (see `cutCellIssue`). */
  onTruncated?: (cut: TruncatedCell) => void;
  /**
   * The issue sheet, made once for the workbooks that hold the same issues with the same options
   * (`SheetRecording`: the consolidated workbook records it, 问题清单.xlsx copies it).
   */
  issuesRecording?: SheetRecording;
}

const sourceUnitLabel = unitColumnLabels[0] ?? '来源单位';

function deflaterOf(options: OutputOptions): WriteXlsxOptions {
  const truncatedMarker = renderPhrase(phrase('cell-truncated-marker'), options.lang ?? defaultLang);
  return {
    truncatedMarker,
    ...(options.createDeflater ? { createDeflater: options.createDeflater } : {}),
    ...(options.onTruncated ? { onTruncated: options.onTruncated } : {}),
  };
}

function text(value: string | number | undefined, style: CellSpec['style'] = styles.text): CellSpec {
  return { value, style };
}

/** Phones as the row shows them, masked on request. */
export function phoneText(row: ReportRow, mask = false): string {
  return row.phone.map((phone) => (mask ? maskPhone(phone) : phone)).join('、');
}

/** The value of one campaign field in a row, as a cell. */
function fieldCell(row: ReportRow, key: string, options: OutputOptions): CellSpec {
  switch (key) {
    case 'seq':
      return { value: row.seq, style: styles.center };
    case 'mode':
      return { value: modeLabel(row.mode, 'zh'), style: styles.center };
    case 'date':
      // A single day is a real date cell (sortable); a range or month is text as the attachment writes it.
      return row.start === row.end
        ? { value: new Date(`${row.start}T00:00:00Z`), style: styles.date }
        : { value: formatDateRange(row.start, row.end), style: styles.center };
    case 'phone':
      return text(phoneText(row, options.maskPhone));
    default: {
      const value = displayValue(row[key]);
      return typeof value === 'number' ? { value, style: styles.number } : text(value);
    }
  }
}

/** The main sheet without its rows: name, layout and the title, unit and header rows above them. */
function mainSheetLayout(
  campaign: ResolvedCampaign,
  lang: Lang,
): Omit<SheetSpec, 'rows'> & { leading: CellRow[] } {
  const fields = campaign.fields;
  const width = fields.length + 1;
  const last = columnLetter(width - 1);
  const header = [
    ...fields.map((field) => text(field.label, styles.header)),
    text(sourceUnitLabel, styles.header),
  ];
  return {
    name: textsIn(outputText, lang)('consolidatedSheet'),
    // Ranges such as 2024年7月1日至8月31日 and two phones need more room than the template gives.
    widths: [
      ...fields.map((field) =>
        field.key === 'date'
          ? Math.max(field.width, 24)
          : field.key === 'phone'
            ? Math.max(field.width, 18)
            : field.width,
      ),
      24,
    ],
    leading: [
      [{ value: campaign.tableTitle, style: styles.title }],
      [{ value: `${campaign.table.unitLine}${campaign.issuer.name}`, style: styles.plain }],
      header,
    ],
    columnCount: width,
    heights: [30, 20],
    merges: [`A1:${last}1`, `A2:${last}2`],
    headerRows: 3,
    landscape: true,
  };
}

/** One accepted row as the main sheet's cells: the campaign's fields, then its unit. */
function mainRowCells(row: ReportRow, fields: ResolvedCampaign['fields'], options: OutputOptions): CellRow {
  return [...fields.map((field) => fieldCell(row, field.key, options)), text(row.unit)];
}

/**
 * Writes the main sheet's rows ahead (`WorkbookRowsAhead`), each as the workbook would write it,
 * as UTF-8 into `target`: the row numbered `seq` goes below the three rows above the table. Cut
 * cells are heard of here. `putText` encodes the texts (Node's `Buffer#write` is faster).
 */
export function createWorkbookRowWriter(
  campaign: ResolvedCampaign,
  options: OutputOptions & { putText?: PutText } = {},
): (row: ReportRow, target: RowBytesTarget) => void {
  const { leading, ...layout } = mainSheetLayout(campaign, options.lang ?? defaultLang);
  // The first sheet's name as the workbook writes it (nothing before it to clash with).
  const write = createRowBytesWriter(
    { ...layout, name: safeSheetName(layout.name) },
    { ...deflaterOf(options), ...(options.putText ? { putText: options.putText } : {}) },
  );
  return (row, target) =>
    write(mainRowCells(row, campaign.fields, options), leading.length + row.seq - 1, target);
}

/** The rows written ahead, when they were written for these options and are all there. */
function rowsAhead(report: ReportLike, options: OutputOptions, count: number): WorkbookRowsAhead | undefined {
  const ahead = report.workbookRows;
  if (!ahead || ahead.rowCount !== count) return undefined;
  if (ahead.lang !== (options.lang ?? defaultLang) || ahead.maskPhone !== (options.maskPhone === true))
    return undefined;
  return ahead;
}

function mainSheet(report: ReportLike, campaign: ResolvedCampaign, options: OutputOptions): SheetSpec {
  const { leading, ...layout } = mainSheetLayout(campaign, options.lang ?? defaultLang);
  const source = report.rows;
  const count = Array.isArray(source) ? source.length : report.summary.rowsAccepted;
  const ahead = rowsAhead(report, options, count);
  // Rows deflated while reading are joined into the sheet as they are; their cuts are heard of
  // here, in their place.
  if (ahead) {
    for (const cut of ahead.cuts) options.onTruncated?.(cut);
    return { ...layout, rows: leading, deflatedRows: ahead };
  }
  // The rows are made as they are written: a province's rows never sit in memory as cells.
  async function* rows(): AsyncGenerator<CellRow> {
    yield* leading;
    for await (const row of source as AsyncIterable<ReportRow>)
      yield mainRowCells(row, campaign.fields, options);
  }
  return { ...layout, rows: rows(), rowCount: leading.length + count };
}

function totalsHeader(report: ReportLike): CellSpec[] {
  return Object.values(report.summary.totalLabels).map((label) => text(label, styles.header));
}

function totalsCells(group: GroupCount, style: CellSpec['style'] = styles.number): CellSpec[] {
  return Object.values(group.totals).map((value) => ({ value, style }));
}

function overallRow(report: ReportLike, lang: Lang, leading: number, extra: CellSpec[] = []): CellSpec[] {
  const say = textsIn(outputText, lang);
  return [
    { value: say('total'), style: styles.totalRow },
    ...Array.from({ length: leading }, () => ({ value: undefined, style: styles.totalRow })),
    { value: report.summary.rowsAccepted, style: styles.totalRow },
    ...Object.values(report.summary.totals).map((value) => ({ value, style: styles.totalRow })),
    ...extra,
  ];
}

function groupSheet(
  name: string,
  title: string,
  firstColumn: string,
  groups: { label: string; count: GroupCount }[],
  report: ReportLike,
  lang: Lang,
): SheetSpec {
  const say = textsIn(outputText, lang);
  const totals = totalsHeader(report);
  return {
    name,
    widths: [24, 10, ...totals.map(() => 12)],
    rows: [
      [{ value: title, style: styles.title }],
      [text(firstColumn, styles.header), text(say('activities'), styles.header), ...totals],
      ...groups.map(({ label, count }) => [
        text(label),
        { value: count.rows, style: styles.number },
        ...totalsCells(count),
      ]),
      overallRow(report, lang, 0),
    ],
    merges: [`A1:${columnLetter(1 + totals.length)}1`],
    heights: [26],
    headerRows: 2,
  };
}

function unitSheet(report: ReportLike, campaign: ResolvedCampaign, lang: Lang): SheetSpec {
  const say = textsIn(outputText, lang);
  const { summary } = report;
  const totals = totalsHeader(report);
  const late = new Map(summary.lateUnits.map((entry) => [entry.unit, entry.submittedOn]));
  const rows: CellSpec[][] = summary.byUnit.map((group) => {
    const lateOn = late.get(group.unit);
    return [
      text(group.unit),
      { value: group.files, style: styles.number },
      { value: group.rows, style: styles.number },
      ...totalsCells(group),
      text(lateOn ? say('lateOn', { date: lateOn }) : ''),
      text(stampCellText(summary, group.unit, lang)),
    ];
  });
  const nothingRead = (unit: string, status: string): CellSpec[] => [
    text(unit),
    { value: 0, style: styles.number },
    { value: 0, style: styles.number },
    ...totals.map(() => ({ value: 0, style: styles.number })),
    text(status),
    text(stampCellText(summary, unit, lang)),
  ];
  for (const unit of summary.stampOnlyUnits ?? []) {
    rows.push(nothingRead(unit, unitStatusLabels['stamp-only'][lang]));
  }
  for (const unit of summary.missingUnits) rows.push(nothingRead(unit, say('notSubmitted')));
  const fileCount = summary.byUnit.reduce((sum, group) => sum + group.files, 0);
  const blank = { value: undefined, style: styles.totalRow };
  const total = overallRow(report, lang, 0, [blank, blank]);
  total.splice(1, 0, { value: fileCount, style: styles.totalRow });
  const width = 5 + totals.length;
  return {
    name: say('byUnitSheet'),
    widths: [24, 12, 10, ...totals.map(() => 12), 20, 30],
    rows: [
      [{ value: say('byUnitTitle', { title: campaign.tableTitle }), style: styles.title }],
      [
        // 报送单位, not 单位: a bare 单位 reads as 举办单位, and with plugin totals beside it this
        // sheet would look like a statistics table when the workbook is aggregated again.
        text(say('unit'), styles.header),
        text(say('files'), styles.header),
        text(say('activities'), styles.header),
        ...totals,
        text(say('status'), styles.header),
        text(stampColumnLabel(lang), styles.header),
      ],
      ...rows,
      total,
    ],
    merges: [`A1:${columnLetter(width - 1)}1`],
    heights: [26],
    headerRows: 2,
  };
}

/** The label of the column an issue is about, as the clerk knows it. */
function columnLabel(issue: ReportIssue, labels: ReadonlyMap<string, string>, lang: Lang): string {
  const say = textsIn(outputText, lang);
  if (!issue.field) return '';
  if (issue.field === 'expectedUnits') return say('expectedUnits');
  return labels.get(issue.field) ?? issue.field;
}

function severityLabel(issue: ReportIssue, lang: Lang): string {
  const say = textsIn(outputText, lang);
  return issue.severity === 'error' ? say('error') : say('warning');
}

/**
 * The issues list's header and how one issue becomes a row of it (for writers that stream): file,
 * sheet, row, column label, value as typed, level, message, code.
 */
export function issueColumns(
  campaign: Pick<ResolvedCampaign, 'fields'> | undefined,
  options: OutputOptions = {},
): { header: string[]; row: (issue: ReportIssue) => (string | number | undefined)[] } {
  const lang = options.lang ?? defaultLang;
  const say = textsIn(outputText, lang);
  const labels = new Map((campaign?.fields ?? []).map((field) => [field.key, field.label]));
  const header = [
    say('file'),
    say('sheet'),
    say('row'),
    say('column'),
    say('valueAsTyped'),
    say('level'),
    say('message'),
    say('code'),
  ];
  const row = (original: ReportIssue) => {
    const issue = options.maskPhone ? maskIssuePhone(original) : original;
    return [
      issue.path,
      issue.sheet ?? '',
      issue.row,
      columnLabel(issue, labels, lang),
      issue.value ?? '',
      severityLabel(issue, lang),
      issue.message,
      issue.code,
    ];
  };
  return { header, row };
}

function issuesSheet(report: ReportLike, campaign: ResolvedCampaign, options: OutputOptions): SheetSpec {
  const lang = options.lang ?? defaultLang;
  const say = textsIn(outputText, lang);
  const { header, row } = issueColumns(campaign, options);
  const issues = report.issues;
  // Row by row as the sheet is written: a country's issues never all become cells at once.
  async function* rows(): AsyncGenerator<CellRow> {
    yield header.map((label) => text(label, styles.header));
    for (const issue of issues) {
      yield row(issue).map((value) =>
        typeof value === 'number' ? { value, style: styles.center } : text(value),
      );
    }
  }
  return {
    name: say('issuesSheet'),
    widths: [28, 12, 6, 16, 24, 6, 60, 20],
    rows: rows(),
    rowCount: issues.length + 1,
    columnCount: header.length,
    headerRows: 1,
    landscape: true,
    ...(options.issuesRecording ? { recording: options.issuesRecording } : {}),
  };
}

/** The issues alone, as a workbook a clerk can work through. */
export async function writeIssuesWorkbook(
  report: ReportLike,
  campaign: ResolvedCampaign,
  options: OutputOptions = {},
): Promise<Uint8Array> {
  return writeXlsx([issuesSheet(report, campaign, options)]);
}

/** `writeIssuesWorkbook` with the bytes handed to `sink` as they are made. */
export async function writeIssuesWorkbookTo(
  report: ReportLike,
  campaign: ResolvedCampaign,
  sink: ByteSink,
  options: OutputOptions = {},
): Promise<void> {
  await writeXlsxTo([issuesSheet(report, campaign, options)], sink, deflaterOf(options));
}

/**
 * The city's consolidated workbook: the campaign's table with every accepted row (renumbered,
 * with a 来源单位 column), summary sheets by unit, 举办方式, month and each plugin dimension,
 * and the issues. Nothing is written as a formula; the same report gives the same bytes.
 */
export async function writeConsolidatedWorkbook(
  report: ReportLike,
  campaign: ResolvedCampaign,
  options: OutputOptions = {},
): Promise<Uint8Array> {
  return writeXlsx(consolidatedSheets(report, campaign, options));
}

/**
 * `writeConsolidatedWorkbook` with the bytes handed to `sink` as they are made: with a streamed
 * report, memory stays flat however many rows there are.
 */
export async function writeConsolidatedWorkbookTo(
  report: ReportLike,
  campaign: ResolvedCampaign,
  sink: ByteSink,
  options: OutputOptions = {},
): Promise<void> {
  await writeXlsxTo(consolidatedSheets(report, campaign, options), sink, deflaterOf(options));
}

function consolidatedSheets(
  report: ReportLike,
  campaign: ResolvedCampaign,
  options: OutputOptions,
): SheetSpec[] {
  const lang = options.lang ?? defaultLang;
  const say = textsIn(outputText, lang);
  const { summary } = report;
  const sheets: SheetSpec[] = [mainSheet(report, campaign, options), unitSheet(report, campaign, lang)];
  sheets.push(
    groupSheet(
      say('byModeSheet'),
      say('byModeTitle', { title: campaign.tableTitle }),
      say('mode'),
      summary.byMode.map((group) => ({ label: group.label, count: group })),
      report,
      lang,
    ),
    groupSheet(
      say('byMonthSheet'),
      say('byMonthTitle', { title: campaign.tableTitle }),
      say('month'),
      summary.byMonth.map((group) => ({
        label: say('monthLabel', {
          year: group.month.slice(0, 4),
          month: Number(group.month.slice(5, 7)),
          iso: group.month,
        }),
        count: group,
      })),
      report,
      lang,
    ),
  );
  for (const dimension of summary.dimensions) {
    sheets.push(
      groupSheet(
        say('byDimensionSheet', { dimension: dimension.label }),
        say('byDimensionTitle', { title: campaign.tableTitle, dimension: dimension.label }),
        dimension.label,
        dimension.groups.map((group) => ({ label: group.group, count: group })),
        report,
        lang,
      ),
    );
  }
  sheets.push(
    assessmentSheet(report.assessment ?? assessReport(report, campaign), campaign.tableTitle, lang),
    issuesSheet(report, campaign, options),
  );
  return sheets;
}
