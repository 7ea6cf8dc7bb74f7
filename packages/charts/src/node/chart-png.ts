import { Resvg } from '@resvg/resvg-js';
import type { RenderedChart } from '../render-report-charts.js';

/**
 * The face resvg falls back to for text whose family it cannot find. Debian's fonts-noto-cjk
 * provides it; the SVG asks for 微软雅黑 and 苹方 first, which a Linux machine does not have.
 * Without a CJK face every Chinese label becomes an empty box.
 */
export const pngFontFamily = 'Noto Sans CJK SC';

/** A chart as PNG bytes, with its size in pixels. */
export interface ChartPng {
  id: RenderedChart['id'];
  title: string;
  png: Uint8Array;
  /** Pixels of the PNG. */
  width: number;
  height: number;
  /** The numbers drawn, as a text alternative. */
  table: RenderedChart['table'];
}

export interface ChartPngOptions {
  /**
   * How many PNG pixels per SVG pixel; default 2 (an 800-pixel chart becomes 1600 wide, sharp at
   * 16 cm in print: 1600 px / 6.3 in ≈ 254 dpi).
   */
  scale?: number;
  /** The family for text whose own family is not installed; default Noto Sans CJK SC. */
  fontFamily?: string;
}

/**
 * Turns one SVG chart into PNG with resvg (Rust, no browser, no canvas), reading the system's
 * fonts. Word and WPS show PNG everywhere; SVG only in recent Word.
 */
export function chartToPng(chart: RenderedChart, options: ChartPngOptions = {}): ChartPng {
  const scale = options.scale ?? 2;
  const resvg = new Resvg(chart.svg, {
    font: {
      loadSystemFonts: true,
      defaultFontFamily: options.fontFamily ?? pngFontFamily,
      sansSerifFamily: options.fontFamily ?? pngFontFamily,
    },
    fitTo: { mode: 'width', value: Math.round(chart.width * scale) },
    background: '#ffffff',
  });
  const image = resvg.render();
  return {
    id: chart.id,
    title: chart.title,
    png: new Uint8Array(image.asPng()),
    width: image.width,
    height: image.height,
    table: chart.table,
  };
}

/** Every chart as PNG, in the order given. */
export function chartsToPng(charts: readonly RenderedChart[], options: ChartPngOptions = {}): ChartPng[] {
  return charts.map((chart) => chartToPng(chart, options));
}
