/**
 * Test support (not part of the package): small readers for the SpreadsheetML the tests assert,
 * so expectations name attributes rather than match long strings.
 */

const entities: Record<string, string> = { quot: '"', amp: '&', lt: '<', gt: '>', apos: "'" };

export function decodeXml(text: string): string {
  return text.replace(/&(quot|amp|lt|gt|apos);/g, (_whole, name: string) => entities[name] ?? '');
}

export function attributes(tag: string): Record<string, string> {
  const found: Record<string, string> = {};
  for (const match of tag.matchAll(/([\w:]+)="([^"]*)"/g)) found[match[1] ?? ''] = decodeXml(match[2] ?? '');
  return found;
}

/** The attributes of the first `<name …>` element, or undefined. */
export function element(xml: string, name: string): Record<string, string> | undefined {
  const match = new RegExp(`<${name}(\\s[^>]*)?/?>`).exec(xml);
  return match ? attributes(match[1] ?? '') : undefined;
}

export interface ValidationXml {
  attributes: Record<string, string>;
  formula1?: string;
  formula2?: string;
}

export function dataValidations(sheetXml: string): ValidationXml[] {
  return [...sheetXml.matchAll(/<dataValidation\s([^>]*)>(.*?)<\/dataValidation>/g)].map((match) => {
    const body = match[2] ?? '';
    const formula1 = /<formula1>(.*?)<\/formula1>/.exec(body)?.[1];
    const formula2 = /<formula2>(.*?)<\/formula2>/.exec(body)?.[1];
    return {
      attributes: attributes(match[1] ?? ''),
      ...(formula1 === undefined ? {} : { formula1: decodeXml(formula1) }),
      ...(formula2 === undefined ? {} : { formula2: decodeXml(formula2) }),
    };
  });
}

export function definedNames(
  workbookXml: string,
): { name: string; attributes: Record<string, string>; text: string }[] {
  return [...workbookXml.matchAll(/<definedName\s([^>]*)>(.*?)<\/definedName>/g)].map((match) => {
    const found = attributes(match[1] ?? '');
    return { name: found.name ?? '', attributes: found, text: decodeXml(match[2] ?? '') };
  });
}

/** The style (xf) of a cell: its attributes and the XML inside (alignment, protection). */
export function cellStyle(
  sheetXml: string,
  stylesXml: string,
  address: string,
): { xf: Record<string, string>; inner: string } {
  const cell = new RegExp(`<c r="${address}"([^>]*)/?>`).exec(sheetXml);
  const index = Number(attributes(cell?.[1] ?? '').s ?? '0');
  const cellXfs = /<cellXfs[^>]*>(.*?)<\/cellXfs>/.exec(stylesXml)?.[1] ?? '';
  const xfs = [...cellXfs.matchAll(/<xf\s([^>]*?)(?:\/>|>(.*?)<\/xf>)/g)];
  const xf = xfs[index];
  return { xf: attributes(xf?.[1] ?? ''), inner: xf?.[2] ?? '' };
}

/** The sheet XML one element per line, so a snapshot diff shows what changed. */
export function prettyXml(xml: string): string {
  return `${xml.replace(/></g, '>\n<')}\n`;
}
