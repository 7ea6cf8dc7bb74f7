import { gridSpacing, linePitch, run } from '@jianshen/notice/kit';
import type { CampaignFonts, Lang } from '@jianshen/schema';
import { AlignmentType, ImageRun, LineRuleType, Paragraph } from 'docx';
import type { ChartPicture } from './report-input.js';
import { reportText } from './report-text.js';

/** The text area is 156 mm wide: 589 px at Word's 96 px per inch. */
const textWidthPixels = Math.floor((156 / 25.4) * 96);

/**
 * A picture is at most 8 of the page's 22 grid lines tall (81.7 mm; twips / 15 = px), a hair
 * under so Word and LibreOffice, which round a line up to whole grid lines, give it exactly 8.
 * With its caption a chart then takes 9 lines: two fit a page with text, and one fits the 9 lines
 * left under 二、活动开展情况 in the Linfen report. At full width a 16:9 chart was 88 mm and the
 * per-unit chart (17 units) 108 mm, so the first chart left page 2 half empty and stood alone on
 * page 3 (LibreOffice, looked at).
 */
const pictureMaxHeightPixels = Math.floor((8 * linePitch) / 15) - 2;

/** The picture's size in the document: as wide as the text area, at most 8 lines tall. */
function pictureSize(chart: Pick<ChartPicture, 'width' | 'height'>): { width: number; height: number } {
  const scale = Math.min(textWidthPixels / chart.width, pictureMaxHeightPixels / chart.height, 1);
  return { width: Math.round(chart.width * scale), height: Math.floor(chart.height * scale) };
}

/** An 800×450 chart, the charts' default size, drawn at 2× (@jianshen/charts). */
const standardChart = { width: 800, height: 450, scale: 2 };

/**
 * PNG pixels per SVG pixel for a chart, so that its picture has as many pixels per printed inch as
 * a standard 800×450 chart drawn at 2× (1600 px over 145 mm, ~280 dpi), and never more than 2×.
 * A chart shown smaller gets fewer pixels: the per-unit chart of a 120-unit batch (800×3232 SVG
 * pixels) is shown 8 lines tall, a tenth of its size; at 2× its PNG was 1600×6464, a 41 MB
 * picture for resvg to fill and encode, which was the whole job's peak of memory
 * (+110 MB) and ~0.4 s of CPU; now 224×903, as sharp on paper.
 */
export function pictureScale(chart: { width: number; height: number }): number {
  const shown = (size: { width: number; height: number }) => pictureSize(size).width / size.width;
  return Math.min(standardChart.scale, (standardChart.scale * shown(chart)) / shown(standardChart));
}

/**
 * A chart centred on its own line, as wide as the text area and at most 8 grid lines tall, with its
 * caption (图1　各单位活动数) under it. The picture's line is off the grid (an exact 28.95 pt line would crop it to a strip)
 * and kept with its caption.
 */
export function chartParagraphs(
  fonts: CampaignFonts,
  chart: ChartPicture,
  options: { number: number; lang: Lang },
): Paragraph[] {
  const { width, height } = pictureSize(chart);
  return [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      keepNext: true,
      spacing: { line: 240, lineRule: LineRuleType.AUTO, before: 0, after: 0 },
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
