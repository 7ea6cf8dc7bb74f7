import { SaxesParser } from 'saxes';

/** One bar of a bar series: its index in the series and its drawn length in pixels. */
export interface SvgBar {
  index: number;
  length: number;
}

export interface ParsedSvg {
  width: number;
  height: number;
  /** Every <text> element's content, in document order. */
  texts: string[];
  /** Every font-family a <text> names. */
  fontFamilies: Set<string>;
  bars: SvgBar[];
}

/**
 * Reads a chart back as XML (a parse error fails the test: the SVG must be well-formed for Word,
 * resvg and an <img>). Bars are ECharts' `M x y l dx 0 l 0 dy l … Z` rectangles tagged with
 * their data index; their length is dx for horizontal bars and -dy for vertical ones.
 */
export function parseSvg(svg: string, orientation: 'horizontal' | 'vertical' = 'vertical'): ParsedSvg {
  const parser = new SaxesParser();
  const parsed: ParsedSvg = {
    width: Number.NaN,
    height: Number.NaN,
    texts: [],
    fontFamilies: new Set(),
    bars: [],
  };
  let inText = false;
  parser.on('error', (error) => {
    throw error;
  });
  parser.on('opentag', (tag) => {
    const attributes = tag.attributes as Record<string, string>;
    if (tag.name === 'svg') {
      parsed.width = Number(attributes.width);
      parsed.height = Number(attributes.height);
    }
    if (tag.name === 'text') {
      inText = true;
      parsed.texts.push('');
      const family = /font-family:([^;]+)/.exec(attributes.style ?? '')?.[1];
      if (family) parsed.fontFamilies.add(family);
    }
    const index = attributes.ecmeta_data_index;
    const rectangle = /^M[-\d.]+ [-\d.]+l([-\d.]+) 0l0 ([-\d.]+)/.exec(attributes.d ?? '');
    if (tag.name === 'path' && index !== undefined && rectangle)
      parsed.bars.push({
        index: Number(index),
        length: orientation === 'horizontal' ? Number(rectangle[1]) : -Number(rectangle[2]),
      });
  });
  parser.on('text', (text) => {
    if (inText) parsed.texts[parsed.texts.length - 1] += text;
  });
  parser.on('closetag', (tag) => {
    if (tag.name === 'text') inText = false;
  });
  parser.write(svg).close();
  return parsed;
}
