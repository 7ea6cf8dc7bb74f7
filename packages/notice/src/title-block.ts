import type { ResolvedCampaign } from '@jianshen/plugin-kit';
import type { CampaignFonts } from '@jianshen/schema';
import { AlignmentType, Paragraph, TextRun } from 'docx';
import { balanceTitle } from './balance-title.js';
import { runFonts } from './fonts.js';
import { size2 } from './layout.js';
import { blankLine, gridSpacing, run } from './paragraphs.js';

/** Characters of 2号 that fit a line `width` twips wide (0.25 pt tighter each, as in the body). */
export function titleCapacity(width: number): number {
  return Math.floor(width / (size2 * 10 - 5));
}

/** A 2号 小标宋 title, centred, broken into balanced lines (one paragraph, line breaks between). */
export function titleParagraph(fonts: CampaignFonts, title: string, width: number, issuer = ''): Paragraph {
  const lines = balanceTitle(title, titleCapacity(width), issuer);
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: gridSpacing,
    children: lines.map(
      (line, index) =>
        new TextRun({ text: line, font: runFonts(fonts, 'title'), size: size2, break: index > 0 ? 1 : 0 }),
    ),
  });
}

/** 标题 two blank lines under the red line, then one blank line and the 主送机关 flush left. */
export function titleAndRecipients(campaign: ResolvedCampaign, width: number): Paragraph[] {
  return [
    blankLine(),
    blankLine(),
    titleParagraph(campaign.fonts, campaign.title, width, campaign.issuer.name),
    blankLine(),
    new Paragraph({
      alignment: AlignmentType.BOTH,
      spacing: gridSpacing,
      children: [run(campaign.fonts, campaign.recipients)],
    }),
  ];
}
