/**
 * Width of text in em (one Chinese character = 1): ASCII letters, digits and spaces are half
 * width in the Latin face, everything else (Han, full-width punctuation, 『“”』 under the
 * east-Asian hint) takes a full em. Good enough to balance lines and place the signature;
 * the real layout is the word processor's.
 */
export function textWidthEm(text: string): number {
  let width = 0;
  for (const character of text) {
    const code = character.codePointAt(0) ?? 0;
    width += code < 0x2000 ? 0.5 : 1;
  }
  return width;
}
