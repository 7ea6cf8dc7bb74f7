import type { GraphicComponentOption, TitleComponentOption } from 'echarts/components';
import { chartFontFamily } from './render-svg.js';

/** Default picture size: 16:9, fits an A4 page's text width at 150 dpi and a laptop screen. */
export const defaultChartSize = { width: 800, height: 450 } as const;

/** Room above the plot for the title. */
export const titleHeight = 56;

/** What every chart shares: white ground (Word and PNG have no transparency), the CJK fonts, the title. */
export function baseOption(title: string) {
  return {
    backgroundColor: '#ffffff',
    textStyle: { fontFamily: chartFontFamily, fontSize: 12, color: '#333333' },
    title: {
      text: title,
      left: 'center',
      top: 16,
      textStyle: { fontFamily: chartFontFamily, fontSize: 18, fontWeight: 'bold', color: '#222222' },
    } satisfies TitleComponentOption,
  };
}

/** A centred note instead of an empty plot (no rows yet). */
export function emptyNote(text: string): GraphicComponentOption {
  return {
    type: 'text',
    left: 'center',
    top: 'middle',
    style: { text, fontFamily: chartFontFamily, fontSize: 16, fill: '#888888' },
  };
}
