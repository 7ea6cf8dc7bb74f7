import type { CampaignFonts } from '@jianshen/schema';
import { AlignmentType, Paragraph } from 'docx';
import { blankLine, gridSpacing, run } from './paragraphs.js';
import { titleParagraph } from './title-block.js';

/** Top of an attachment page: the label flush left in 3号黑体, a blank line, the title centred on the third line. */
export function attachmentHeading(
  fonts: CampaignFonts,
  label: string,
  title: string,
  width: number,
): Paragraph[] {
  return [
    new Paragraph({
      alignment: AlignmentType.LEFT,
      spacing: gridSpacing,
      children: [run(fonts, label, 'heading')],
    }),
    blankLine(),
    titleParagraph(fonts, title, width),
  ];
}
