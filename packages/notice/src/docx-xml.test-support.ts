import { readZipText } from '@jianshen/ooxml';

/** Test helpers that read a generated .docx back. */

export function part(bytes: Uint8Array, name: string): string {
  const text = readZipText(bytes, name);
  if (text === undefined) throw new Error(`${name} missing`);
  return text;
}

function unescapeXml(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

export interface XmlParagraph {
  xml: string;
  /** The w:t texts concatenated, w:br as a newline. */
  text: string;
}

/** Every w:p of a part, in document order (table cells included). */
export function paragraphs(xml: string): XmlParagraph[] {
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((match) => {
    const paragraph = match[0];
    const text = [...paragraph.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>|<w:br\/>/g)]
      .map((piece) => (piece[0] === '<w:br/>' ? '\n' : unescapeXml(piece[1] ?? '')))
      .join('');
    return { xml: paragraph, text };
  });
}

export function paragraphWithText(xml: string, text: string): XmlParagraph {
  const found = paragraphs(xml).find((paragraph) => paragraph.text === text);
  if (!found) throw new Error(`no paragraph "${text}"`);
  return found;
}

/** Attribute value of the first `<tag ...>` in `xml`. */
export function attribute(xml: string, tag: string, name: string): string | undefined {
  const element = new RegExp(`<${tag}(?=[ />])[^>]*>`).exec(xml)?.[0];
  return element ? new RegExp(`\\b${name}="([^"]*)"`).exec(element)?.[1] : undefined;
}

/** The run properties of the run holding `text`. */
export function runWithText(xml: string, text: string): string {
  const runs = [...xml.matchAll(/<w:r>[\s\S]*?<\/w:r>/g)].map((match) => match[0]);
  const found = runs.find((run) => run.includes(`>${text}</w:t>`));
  if (!found) throw new Error(`no run "${text}"`);
  return found;
}

/** Text compared as the issue asks: NFKC, all whitespace removed. */
export function comparable(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, '');
}
