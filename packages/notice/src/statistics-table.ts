import type { ResolvedCampaign } from '@jianshen/plugin-kit';
import type { Lang } from '@jianshen/schema';
import {
  AlignmentType,
  HeightRule,
  type ISectionOptions,
  LineRuleType,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
} from 'docx';
import { attachmentHeading } from './attachment-heading.js';
import { runFonts } from './fonts.js';
import { landscapeTextWidth, sizeSmall4 } from './layout.js';
import { pageNumberFooters } from './page-number-footers.js';
import { gridSpacing, run } from './paragraphs.js';
import { landscapeProperties } from './sections.js';

/** Height of an empty row to write in by hand: 10 mm ⚠. */
const emptyRowHeight = 567;
const cellSpacing = { line: 300, lineRule: LineRuleType.AT_LEAST, before: 0, after: 0 } as const;

/** Column widths in twips, proportional to the fields' Excel widths, filling `total`. */
export function columnWidths(widths: readonly number[], total: number): number[] {
  const sum = widths.reduce((accumulated, width) => accumulated + width, 0);
  const result = widths.map((width) => Math.floor((width / sum) * total));
  const rest = total - result.reduce((accumulated, width) => accumulated + width, 0);
  if (result.length > 0) result[result.length - 1]! += rest;
  return result;
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
  const widths = columnWidths(
    fields.map((field) => field.width),
    landscapeTextWidth,
  );
  const cellParagraph = (text: string, header: boolean) =>
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: cellSpacing,
      children: text
        ? [new TextRun({ text, font: runFonts(fonts, header ? 'heading' : 'body'), size: sizeSmall4 })]
        : [],
    });
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: fields.map(
      (field, index) =>
        new TableCell({
          width: { size: widths[index]!, type: WidthType.DXA },
          verticalAlign: VerticalAlignTable.CENTER,
          children: [cellParagraph(options.lang === 'en' ? field.labelEn : field.label, true)],
        }),
    ),
  });
  const rowCount = options.rows ?? campaign.table.rows;
  const emptyRows = Array.from(
    { length: rowCount },
    () =>
      new TableRow({
        cantSplit: true,
        height: { value: emptyRowHeight, rule: HeightRule.ATLEAST },
        children: fields.map(
          (_field, index) =>
            new TableCell({
              width: { size: widths[index]!, type: WidthType.DXA },
              verticalAlign: VerticalAlignTable.CENTER,
              children: [cellParagraph('', false)],
            }),
        ),
      }),
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
