import type { ResolvedCampaign } from '@jianshen/plugin-kit';
import { AlignmentType, BorderStyle, Paragraph, Tab, TabStopType, TextRun } from 'docx';
import { runFonts } from './fonts.js';
import { linePitch, markTopOffset, red, separatorGap, separatorSize, size3, textWidth } from './layout.js';
import { blankLine, gridSpacing, run } from './paragraphs.js';
import { textWidthEm } from './text-width.js';

/**
 * Size of the 发文机关标志 in points and its horizontal scale (%). The standard leaves the size
 * open ⚠: up to 36 pt (小初), smaller for long names so the mark fills at most 85 % of the
 * line, and never under 22 pt; names too long even then are narrowed (w:w) to fit.
 */
export function markSize(mark: string): { points: number; scale: number } {
  const lineWidthPoints = textWidth / 20;
  const characters = textWidthEm(mark);
  const points = Math.max(22, Math.min(36, Math.floor((lineWidthPoints * 0.85) / characters)));
  const natural = characters * points;
  const scale = natural > lineWidthPoints * 0.95 ? Math.floor((lineWidthPoints * 95) / natural) : 100;
  return { points, scale };
}

/** 份号, 密级和保密期限, 紧急程度: top-left, one grid line each, in that order (§7.2.1–7.2.3). */
function markingLines(campaign: ResolvedCampaign): Paragraph[] {
  const lines: Paragraph[] = [];
  if (campaign.copyNumber) {
    lines.push(new Paragraph({ children: [run(campaign.fonts, campaign.copyNumber)], spacing: gridSpacing }));
  }
  for (const text of [campaign.secrecy, campaign.urgency]) {
    if (text) {
      lines.push(new Paragraph({ children: [run(campaign.fonts, text, 'heading')], spacing: gridSpacing }));
    }
  }
  return lines;
}

/**
 * 版头: the optional markings, the red 发文机关标志 35 mm below the top of the text area, two
 * blank lines, the 发文字号 (with 签发人 for upward documents) and the red separator 4 mm under it.
 */
export function mastheadParagraphs(campaign: ResolvedCampaign): Paragraph[] {
  const { fonts } = campaign;
  const paragraphs = markingLines(campaign);
  const { points, scale } = markSize(campaign.issuer.mark);
  // A line box as tall as the type, so its top is the top edge of the characters.
  const markLine = points * 20;
  paragraphs.push(
    new Paragraph({
      alignment: AlignmentType.CENTER,
      // The characters' top edge 35 mm below the text area's top: renderers put the glyphs'
      // tops about 0.35 em under the line box top (measured in LibreOffice), so start higher. ⚠
      spacing: {
        line: markLine,
        lineRule: 'exact',
        before: Math.max(0, markTopOffset - paragraphs.length * linePitch - Math.round(points * 20 * 0.35)),
        after: 0,
      },
      children: [
        new TextRun({
          text: campaign.issuer.mark,
          font: runFonts(fonts, 'title'),
          size: points * 2,
          color: red,
          characterSpacing: 0,
          ...(scale !== 100 ? { scale } : {}),
        }),
      ],
    }),
    blankLine(),
    blankLine(),
  );

  const separator = {
    bottom: {
      style: BorderStyle.SINGLE,
      size: separatorSize,
      color: red,
      space: Math.round(separatorGap / 20) - 6,
    },
  };
  if (campaign.signer) {
    // Upward documents: 文号 one character in from the left, 签发人 one in from the right. Tabs,
    // not an indent, so the separator (the paragraph's border) still spans the whole line.
    paragraphs.push(
      new Paragraph({
        spacing: gridSpacing,
        tabStops: [
          { type: TabStopType.LEFT, position: size3 * 10 },
          { type: TabStopType.RIGHT, position: textWidth - size3 * 10 },
        ],
        border: separator,
        children: [
          new TextRun({
            children: [new Tab(), campaign.docNumber, new Tab(), '签发人：'],
            font: runFonts(fonts, 'body'),
            size: size3,
          }),
          run(fonts, campaign.signer, 'kai'),
        ],
      }),
    );
  } else {
    paragraphs.push(
      new Paragraph({
        alignment: AlignmentType.CENTER,
        spacing: gridSpacing,
        border: separator,
        children: [run(fonts, campaign.docNumber)],
      }),
    );
  }
  return paragraphs;
}
