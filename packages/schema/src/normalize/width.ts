/**
 * Full-width (全角) characters typed with a Chinese IME: U+FF01–FF5E mirror ASCII 0x21–0x7E at a
 * fixed offset, and U+3000 is the ideographic space.
 */
const fullWidthOffset = 0xfee0;

// Letters, digits and the ideographic space always mean their ASCII twins.
const alwaysPattern = /[\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A\u3000]/g;
// Punctuation too, but only on request: free text (活动简介) keeps its （）：，。
const withPunctuationPattern = /[\uFF01-\uFF5E\u3000]/g;
// The same classes without the g flag: a test that keeps no lastIndex, for text with nothing to do.
const hasAlways = /[\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A\u3000]/;
const hasWithPunctuation = /[\uFF01-\uFF5E\u3000]/;

function halfWidthChar(char: string): string {
  return char === '\u3000' ? ' ' : String.fromCharCode(char.charCodeAt(0) - fullWidthOffset);
}

export interface HalfWidthOptions {
  /** Also convert full-width punctuation (（）：，－＋ …). Off by default. */
  punctuation?: boolean;
}

/** Converts full-width letters, digits and spaces (and optionally punctuation) to ASCII. */
export function toHalfWidth(text: string, options?: HalfWidthOptions): string {
  if (options?.punctuation) {
    return hasWithPunctuation.test(text) ? text.replace(withPunctuationPattern, halfWidthChar) : text;
  }
  return hasAlways.test(text) ? text.replace(alwaysPattern, halfWidthChar) : text;
}
