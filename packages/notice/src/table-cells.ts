import type { CampaignFonts } from '@jianshen/schema';
import {
  AlignmentType,
  HeightRule,
  LineRuleType,
  Paragraph,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
} from 'docx';
import { runFonts } from './fonts.js';
import { sizeSmall4 } from './layout.js';

/** Table text is off the page grid: at least 15 pt a line, so rows size to their content. */
const cellSpacing = { line: 300, lineRule: LineRuleType.AT_LEAST, before: 0, after: 0 } as const;

/** One 小四 line in a cell, centred: 黑体 in a header, 仿宋 in the body. */
export function cellParagraph(fonts: CampaignFonts, text: string, header: boolean): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: cellSpacing,
    children: text
      ? [new TextRun({ text, font: runFonts(fonts, header ? 'heading' : 'body'), size: sizeSmall4 })]
      : [],
  });
}

export interface TableRowOptions {
  /** Twips per column. */
  widths: readonly number[];
  /** The header row: 黑体, repeated at the top of every page the table runs onto. */
  header?: boolean;
  /** The row's least height in twips. */
  minHeight?: number;
}

/** A row that never splits across pages, one centred 小四 cell per text. */
export function tableRow(fonts: CampaignFonts, texts: readonly string[], options: TableRowOptions): TableRow {
  const header = options.header === true;
  return new TableRow({
    ...(header ? { tableHeader: true } : {}),
    cantSplit: true,
    ...(options.minHeight !== undefined
      ? { height: { value: options.minHeight, rule: HeightRule.ATLEAST } }
      : {}),
    children: texts.map(
      (text, index) =>
        new TableCell({
          width: { size: options.widths[index] ?? 0, type: WidthType.DXA },
          verticalAlign: VerticalAlignTable.CENTER,
          children: [cellParagraph(fonts, text, header)],
        }),
    ),
  });
}
