/**
 * What every text cell the writer writes goes through: Excel's cell size, and the bidi controls a
 * hostile cell can use to make text read backwards in the program that opens it.
 */

/** Excel's limit on the characters of one cell; a longer one is refused or cut when opened. */
export const cellMaxCharacters = 32_767;

/**
 * Bidi controls (embeddings, overrides, isolates and the implicit marks): U+202E makes
 * 「gpj.exe」 read as 「exe.jpg」 and can reverse a number. Chinese and English text never needs
 * them, so outputs drop them (CVE-2021-42574, "Trojan Source").
 */
const bidiControls = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

export function stripBidiControls(text: string): string {
  return text.replace(bidiControls, '');
}

/** Bidi controls written as `\u202e`: for JSON, where the escape reads back as the same text. */
export function escapeBidiControls(text: string): string {
  return text.replace(bidiControls, (control) => `\\u${control.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * Text cut to Excel's cell limit, ending with `marker` so a reader sees it was cut. Never splits
 * a surrogate pair.
 */
export function fitCell(text: string, marker: string): string {
  if (text.length <= cellMaxCharacters) return text;
  let end = cellMaxCharacters - marker.length;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--;
  return `${text.slice(0, end)}${marker}`;
}
