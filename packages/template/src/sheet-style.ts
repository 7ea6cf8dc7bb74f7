import type { Borders, Font } from 'exceljs';

const thin = { style: 'thin' as const, color: { argb: 'FF000000' } };

export const allBorders: Partial<Borders> = { top: thin, left: thin, bottom: thin, right: thin };

/** GB2312 charset: tells Excel on Chinese Windows which font family to fall back to. */
const chineseCharset = 134;

export function font(name: string, size: number, extra: Partial<Font> = {}): Partial<Font> {
  return { name, size, charset: chineseCharset, ...extra };
}

/** Display width of a text in Excel character units: CJK and full-width characters count two. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const character of text) {
    const code = character.codePointAt(0) ?? 0;
    width += code >= 0x2e80 || (code >= 0x1100 && code <= 0x115f) ? 2 : 1;
  }
  return width;
}

/**
 * Row height (points) that shows `text` wrapped in a column `width` characters wide. Writers set
 * it because neither exceljs nor every spreadsheet re-measures wrapped rows when a file opens.
 */
export function wrappedHeight(texts: readonly { text: string; width: number }[], fontSize = 11): number {
  let lines = 1;
  for (const { text, width } of texts) {
    const usable = Math.max(1, width - 1);
    const cellLines = text
      .split('\n')
      .reduce((sum, paragraph) => sum + Math.max(1, Math.ceil(displayWidth(paragraph) / usable)), 0);
    lines = Math.max(lines, cellLines);
  }
  return Math.ceil(lines * fontSize * 1.45 + 6);
}
