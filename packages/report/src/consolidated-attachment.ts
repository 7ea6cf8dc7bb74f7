import {
  displayValue,
  formatDateRange,
  modeLabel,
  outputFileNames,
  type ReportRow,
} from '@jianshen/aggregator';
import {
  attachmentHeading,
  bodyParagraphs,
  columnWidths,
  docxTableRows,
  landscapeProperties,
  landscapeTextWidth,
  type MakeTableRows,
  pageNumberFooters,
  tableRow,
} from '@jianshen/notice/kit';
import type { ResolvedCampaign } from '@jianshen/plugin-kit';
import { type Lang, localize } from '@jianshen/schema';
import { AlignmentType, type ISectionOptions, Table, TableLayoutType, WidthType } from 'docx';
import { reportText } from './report-text.js';

/** One campaign field of a row as the consolidated workbook shows it. */
function fieldText(row: ReportRow, key: string, lang: Lang): string {
  switch (key) {
    case 'mode':
      return modeLabel(row.mode, lang);
    case 'date':
      return formatDateRange(row.start, row.end, lang);
    case 'phone':
      return row.phone.join(reportText(lang, 'listSeparator'));
    default:
      return String(displayValue(row[key]) ?? '');
  }
}

export interface AttachmentOptions {
  /** 附件 or Attachment. */
  label: string;
  title: string;
  lang: Lang;
  /** The accepted rows of the aggregation (summary.rowsAccepted); `rows` may be empty above the limit. */
  rowCount?: number;
  /** Makes the body rows: docx objects by default, `xmlTableRows` for a document packed with them. */
  makeRows?: MakeTableRows;
}

/**
 * Most rows the attachment lists as a Word table (~40 landscape pages). docx builds each row as
 * objects before packing: ~1.7 ms of CPU and ~150 KB of heap a row (bench/README.md), so 93,000
 * rows ran out of a 4 GB heap; `renderReport` now writes them as text (`xmlTableRows`, 500 rows
 * in 40–120 ms), but `reportDocument` still builds the objects and a longer table is no
 * attachment anyone prints. Above it the attachment names the consolidated workbook, written
 * with the report, which holds every row.
 */
export const attachmentRowLimit = 500;

/** True when the attachment lists the rows; otherwise it points to the consolidated workbook. */
export function attachmentListsRows(rowCount: number): boolean {
  return rowCount <= attachmentRowLimit;
}

/**
 * The consolidated table as the report's attachment: its own landscape A4 section (GB/T 9704: a
 * wide table goes on a landscape page), the campaign's columns plus 来源单位, every accepted row,
 * the header row repeated on every page.
 */
export function consolidatedAttachment(
  campaign: ResolvedCampaign,
  rows: readonly ReportRow[],
  options: AttachmentOptions,
): ISectionOptions {
  const { fonts, fields } = campaign;
  const { lang } = options;
  const rowCount = options.rowCount ?? rows.length;
  if (!attachmentListsRows(rowCount)) return attachmentInWorkbook(campaign, rowCount, options);
  const headers = [
    ...fields.map((field) => localize({ zh: field.label, en: field.labelEn }, lang)),
    reportText(lang, 'sourceUnit'),
  ];
  // Minimums keep short headings (序号, 联系人) on one line of 小四.
  const widths = columnWidths(
    // Ranges such as 2024年7月1日至8月31日 and two phones need more room than the template gives.
    [
      ...fields.map((field) =>
        field.key === 'date' || field.key === 'phone' ? Math.max(field.width, 16) : field.width,
      ),
      16,
    ],
    landscapeTextWidth,
    headers.map((header) => Math.min(4, [...header].length) * 240 + 276),
  );
  const body = (options.makeRows ?? docxTableRows)(
    fonts,
    rows.map((row) => [...fields.map((field) => fieldText(row, field.key, lang)), row.unit]),
    { widths },
  );
  return {
    properties: landscapeProperties(),
    footers: pageNumberFooters(fonts),
    children: [
      ...attachmentHeading(fonts, options.label, options.title, landscapeTextWidth),
      new Table({
        rows: [tableRow(fonts, headers, { widths, header: true }), ...body],
        width: { size: landscapeTextWidth, type: WidthType.DXA },
        columnWidths: widths,
        layout: TableLayoutType.FIXED,
        alignment: AlignmentType.CENTER,
      }),
    ],
  };
}

/** Too many rows for a Word table: the attachment says how many and which workbook lists them. */
function attachmentInWorkbook(
  campaign: ResolvedCampaign,
  rowCount: number,
  options: AttachmentOptions,
): ISectionOptions {
  const { fonts } = campaign;
  const workbook = outputFileNames(campaign, options.lang).workbook;
  const note = reportText(options.lang, 'attachmentInWorkbook', {
    rows: rowCount,
    limit: attachmentRowLimit,
    workbook,
  });
  return {
    properties: landscapeProperties(),
    footers: pageNumberFooters(fonts),
    children: [
      ...attachmentHeading(fonts, options.label, options.title, landscapeTextWidth),
      ...bodyParagraphs(fonts, [note]),
    ],
  };
}
