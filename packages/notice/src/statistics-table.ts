import type { ResolvedCampaign } from '@jianshen/plugin-kit';
import { fieldLabel, type Lang } from '@jianshen/schema/texts';
import { AlignmentType, type ISectionOptions, Paragraph, Table, TableLayoutType, WidthType } from 'docx';
import { attachmentHeading } from './attachment-heading.js';
import { landscapeTextWidth, sizeSmall4 } from './layout.js';
import { pageNumberFooters } from './page-number-footers.js';
import { gridSpacing, run } from './paragraphs.js';
import { landscapeProperties } from './sections.js';
import { tableRow } from './table-cells.js';
import { textWidthEm } from './text-width.js';

/** Height of an empty row to write in by hand: 10 mm ⚠. */
const emptyRowHeight = 567;

/**
 * Column widths in twips filling `total`: proportional to the fields' Excel widths, but each at
 * least `minimums[i]` (so a header never wraps into a tower of single characters).
 */
export function columnWidths(
  widths: readonly number[],
  total: number,
  requested: readonly number[] = [],
): number[] {
  // Many plugin columns can ask for more than the page: then every minimum shrinks alike.
  const asked = requested.reduce((sum, width) => sum + width, 0);
  const minimums = asked > total ? requested.map((width) => Math.floor((width * total) / asked)) : requested;
  const result = widths.map(() => 0);
  let fixed = new Set<number>();
  // Give the narrow columns their minimum, share the rest by weight, until nothing changes.
  for (let round = 0; round < widths.length; round++) {
    const free = widths.map((_width, index) => index).filter((index) => !fixed.has(index));
    const left = total - [...fixed].reduce((sum, index) => sum + (minimums[index] ?? 0), 0);
    const weight = free.reduce((sum, index) => sum + widths[index]!, 0);
    for (const index of free) result[index] = Math.floor((widths[index]! / weight) * left);
    const short = free.filter((index) => result[index]! < (minimums[index] ?? 0));
    if (short.length === 0) break;
    fixed = new Set([...fixed, ...short]);
    for (const index of fixed) result[index] = minimums[index] ?? 0;
  }
  const rest = total - result.reduce((sum, width) => sum + width, 0);
  if (result.length > 0) result[result.length - 1]! += rest;
  return result;
}

/**
 * Narrowest column for a header in 小四 with the cell margins: short labels (up to four
 * characters, 序号 联系人 举办时间) on one line, longer ones in two.
 */
function headerMinimum(label: string): number {
  const width = textWidthEm(label);
  const perLine = width <= 4 ? width : Math.ceil(width / 2);
  return Math.ceil(perLine * sizeSmall4 * 10) + 2 * 108 + 60;
}

export interface StatisticsTableOptions {
  /** Empty rows under the header; defaults to `campaign.table.rows`. */
  rows?: number;
  lang?: Lang;
}

/**
 * The statistics table: one column per `campaign.fields` (plugin columns included), a 黑体 header
 * row repeated on every page, then empty rows to fill by hand.
 */
export function buildStatisticsTable(
  campaign: ResolvedCampaign,
  options: StatisticsTableOptions = {},
): Table {
  const { fonts, fields } = campaign;
  const labels = fields.map((field) => fieldLabel(field, options.lang ?? 'zh'));
  const widths = columnWidths(
    fields.map((field) => field.width),
    landscapeTextWidth,
    labels.map(headerMinimum),
  );
  const header = tableRow(fonts, labels, { widths, header: true });
  const rowCount = options.rows ?? campaign.table.rows;
  const emptyRows = Array.from({ length: rowCount }, () =>
    tableRow(
      fonts,
      fields.map(() => ''),
      { widths, minHeight: emptyRowHeight },
    ),
  );
  return new Table({
    rows: [header, ...emptyRows],
    width: { size: landscapeTextWidth, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    alignment: AlignmentType.CENTER,
  });
}

export interface StatisticsTableSectionOptions extends StatisticsTableOptions {
  /** 附件 or 附件1; the page's label. */
  label: string;
}

/**
 * The statistics-table attachment as its own landscape A4 section: the label top-left in 3号黑体,
 * the title centred on the third line, the unit line (单位名称（盖章）：) and the table. Page
 * numbers continue from the notice.
 */
export function buildStatisticsTableSection(
  campaign: ResolvedCampaign,
  options: StatisticsTableSectionOptions,
): ISectionOptions {
  return {
    properties: landscapeProperties(),
    footers: pageNumberFooters(campaign.fonts),
    children: [
      ...attachmentHeading(campaign.fonts, options.label, campaign.tableTitle, landscapeTextWidth),
      new Paragraph({ spacing: gridSpacing, children: [run(campaign.fonts, campaign.table.unitLine)] }),
      buildStatisticsTable(campaign, options),
    ],
  };
}
