import { Resvg } from '@resvg/resvg-js';
import type { RenderedChart } from '../render-report-charts.js';
import { chartFont } from './chart-font.js';
import { releaseNativeMemory } from './release-native-memory.js';

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
   * How many PNG pixels per SVG pixel, or a function giving it for each chart; default 2 (an
   * 800-pixel chart becomes 1600 wide, sharp at 16 cm in print: 1600 px / 6.3 in ≈ 254 dpi). A
   * document that shows a tall chart smaller asks for fewer pixels (see @jianshen/report).
   */
  scale?: number | ((chart: RenderedChart) => number);
  /** The family for text whose own family is not installed; default Noto Sans CJK SC. */
  fontFamily?: string;
  /**
   * The font files resvg reads, instead of searching the system's fonts (`chartsToPng` gives the
   * family's faces cut down to the charts' characters).
   */
  fontFiles?: readonly string[];
}

/**
 * Turns one SVG chart into PNG with resvg (Rust, no browser, no canvas), reading the system's
 * fonts or only `fontFiles`. Word and WPS show PNG everywhere; SVG only in recent Word.
 */
export function chartToPng(chart: RenderedChart, options: ChartPngOptions = {}): ChartPng {
  const scale = typeof options.scale === 'function' ? options.scale(chart) : (options.scale ?? 2);
  const family = options.fontFamily ?? pngFontFamily;
  const fonts = options.fontFiles
    ? { loadSystemFonts: false, fontFiles: [...options.fontFiles] }
    : { loadSystemFonts: true };
  const resvg = new Resvg(chart.svg, {
    font: { ...fonts, defaultFontFamily: family, sansSerifFamily: family },
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

/** Every chart drawn with the family's faces cut to the charts' characters (see `chartFont`). */
async function drawWithCutFont(
  charts: readonly RenderedChart[],
  options: ChartPngOptions,
): Promise<ChartPng[]> {
  const font = await chartFont(
    charts.map((chart) => chart.svg),
    options.fontFamily ?? pngFontFamily,
  );
  try {
    return charts.map((chart) => chartToPng(chart, font ? { ...options, fontFiles: font.files } : options));
  } finally {
    await font?.dispose();
  }
}

/**
 * Every chart as PNG, in the order given. The family's face is cut once to the characters the
 * charts draw and given to resvg alone (see `chartFont`: 3 s → under 1 s for a 120-unit report);
 * without the family installed, or without fontconfig, resvg searches the system's fonts.
 * resvg's pixmaps are released before the PNGs are handed on (see `releaseNativeMemory`).
 */
export async function chartsToPng(
  charts: readonly RenderedChart[],
  options: ChartPngOptions = {},
): Promise<ChartPng[]> {
  const pngs = options.fontFiles
    ? charts.map((chart) => chartToPng(chart, options))
    : await drawWithCutFont(charts, options);
  releaseNativeMemory();
  return pngs;
}
