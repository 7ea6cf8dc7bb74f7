/**
 * Width of text in em (one Chinese character = 1): ASCII letters, digits and spaces are half
 * width in the Latin face, everything else (Han, full-width punctuation, “” under the east-Asian
 * hint) takes a full em. Where Latin letters or digits meet Chinese text, Word and LibreOffice add
 * about a quarter em (autoSpaceDE/DN), counted here too. Good enough to balance lines and place
 * the signature; the real layout is the word processor's.
 */
export function textWidthEm(text: string): number {
  let width = 0;
  let previous: 'latin' | 'wide' | 'space' | undefined;
  for (const character of text) {
    const code = character.codePointAt(0) ?? 0;
    const kind = code === 0x20 ? 'space' : code < 0x2000 ? 'latin' : 'wide';
    width += kind === 'wide' ? 1 : 0.5;
    if ((previous === 'latin' && kind === 'wide') || (previous === 'wide' && kind === 'latin')) width += 0.25;
    previous = kind;
  }
  return width;
}
