import type { ResolvedCampaign } from '@jianshen/plugin-kit';
import {
  AlignmentType,
  BorderStyle,
  LineRuleType,
  Paragraph,
  Tab,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TabStopType,
  TextRun,
  WidthType,
} from 'docx';
import { chineseDate } from './chinese-date.js';
import { runFonts } from './fonts.js';
import type { NoticeLabels } from './labels.js';
import {
  imprintThickRule,
  imprintThinRule,
  linePitch,
  pageNumberIndent,
  size4,
  textHeight,
  textWidth,
} from './layout.js';
import { textWidthEm } from './text-width.js';

/** Advance of one 4号 character with the −0.25 pt spacing. */
const imprintCharacter = size4 * 10 - 5;
const cellTextWidth = textWidth - 2 * pageNumberIndent;
const imprintSpacing = { line: linePitch, lineRule: LineRuleType.EXACT, before: 0, after: 0 } as const;

/** Lines a 4号 text takes in the 版记 cell, for placing the block on the bottom edge. */
function linesOf(text: string, hanging: number): number {
  const capacity = Math.floor((cellTextWidth - hanging) / imprintCharacter);
  return Math.max(
    1,
    Math.ceil((textWidthEm(text) * imprintCharacter - hanging) / (capacity * imprintCharacter)),
  );
}

function cell(children: Paragraph[]): TableCell {
  return new TableCell({
    children,
    width: { size: textWidth, type: WidthType.DXA },
    margins: { left: pageNumberIndent, right: pageNumberIndent, top: 0, bottom: 0 },
  });
}

/**
 * 版记 (§7.4): 抄送 and 印发机关 with 印发日期 in 4号仿宋, one character in on both sides, between
 * rules as wide as the text area: the first and last 0.35 mm, the ones between 0.25 mm. Built
 * as an inline one-column table (LibreOffice does not draw a floating one) and pushed to the
 * bottom edge of its own last page by an exact-height spacer ⚠.
 */
export function imprintBlock(campaign: ResolvedCampaign, labels: NoticeLabels): (Paragraph | Table)[] {
  const imprint = campaign.imprint;
  if (!imprint) return [];
  const font = runFonts(campaign.fonts, 'body');
  const rows: TableRow[] = [];
  let lines = 0;
  if (imprint.cc.length > 0) {
    const text = `${labels.cc}${imprint.cc.join('，')}。`;
    const hanging = Math.round(textWidthEm(labels.cc) * imprintCharacter);
    lines += linesOf(text, hanging);
    rows.push(
      new TableRow({
        children: [
          cell([
            new Paragraph({
              alignment: AlignmentType.LEFT,
              spacing: imprintSpacing,
              // Continuation lines align with the first name after 抄送：.
              indent: { left: hanging, hanging },
              children: [new TextRun({ text, font, size: size4 })],
            }),
          ]),
        ],
      }),
    );
  }
  lines += 1;
  rows.push(
    new TableRow({
      children: [
        cell([
          new Paragraph({
            alignment: AlignmentType.LEFT,
            spacing: imprintSpacing,
            tabStops: [{ type: TabStopType.RIGHT, position: cellTextWidth }],
            children: [
              new TextRun({ text: imprint.office, font, size: size4 }),
              new TextRun({
                children: [new Tab(), `${chineseDate(imprint.date)}${labels.issued}`],
                font,
                size: size4,
              }),
            ],
          }),
        ]),
      ],
    }),
  );

  const thick = { style: BorderStyle.SINGLE, size: imprintThickRule, color: '000000' };
  const thin = { style: BorderStyle.SINGLE, size: imprintThinRule, color: '000000' };
  const none = { style: BorderStyle.NONE, size: 0, color: 'auto' };
  // What is left of the page above the block, less 2 mm for the rules and rounding.
  const spacer = textHeight - lines * linePitch - 113;
  return [
    // Space before rather than a tall line: LibreOffice snaps line heights to the page grid.
    new Paragraph({
      spacing: { line: linePitch, lineRule: LineRuleType.EXACT, before: spacer - linePitch, after: 0 },
      children: [],
    }),
    new Table({
      rows,
      width: { size: textWidth, type: WidthType.DXA },
      columnWidths: [textWidth],
      layout: TableLayoutType.FIXED,
      borders: {
        top: thick,
        bottom: thick,
        insideHorizontal: thin,
        left: none,
        right: none,
        insideVertical: none,
      },
    }),
  ];
}
