import { gridSpacing, run } from '@jianshen/notice/kit';
import type { CampaignFonts, Lang } from '@jianshen/schema';
import { AlignmentType, ImageRun, LineRuleType, Paragraph } from 'docx';
import type { ChartPicture } from './report-input.js';
import { reportText } from './report-text.js';

/** The text area is 156 mm wide: 589 px at Word's 96 px per inch. */
const textWidthPixels = Math.floor((156 / 25.4) * 96);

/**
 * A chart centred on its own line, as wide as the text area, with its caption (图1　各单位活动数)
 * under it. The picture's line is off the grid (an exact 28.95 pt line would crop it to a strip)
 * and kept with its caption.
 */
export function chartParagraphs(
  fonts: CampaignFonts,
  chart: ChartPicture,
  options: { number: number; lang: Lang },
): Paragraph[] {
  const width = Math.min(textWidthPixels, chart.width);
  const height = Math.round((chart.height * width) / chart.width);
  return [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      keepNext: true,
      spacing: { line: 240, lineRule: LineRuleType.AUTO, before: 120, after: 0 },
      children: [
        new ImageRun({
          type: 'png',
          data: chart.png,
          transformation: { width, height },
          altText: { name: chart.title, title: chart.title, description: chart.title },
        }),
      ],
    }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: gridSpacing,
      children: [
        run(
          fonts,
          reportText(options.lang, 'chartCaption', { number: options.number, title: chart.title }),
          'kai',
        ),
      ],
    }),
  ];
}
