/** Font size ECharts draws with when a style names none. */
const defaultFontSize = 12;

/**
 * Width in pixels of text in `font` (a CSS font shorthand such as `bold 16px …`): a Chinese
 * character or full-width sign takes one em, Latin letters, digits and spaces about 0.6 em (a
 * little more than Microsoft YaHei's and Noto Sans CJK's digits, so labels never collide).
 */
export function textWidth(text: string, font?: string): number {
  const size = Number(/(\d+(?:\.\d+)?)px/.exec(font ?? '')?.[1] ?? defaultFontSize);
  let ems = 0;
  for (const character of text) ems += (character.codePointAt(0) ?? 0) < 0x2000 ? 0.6 : 1;
  return ems * size;
}
