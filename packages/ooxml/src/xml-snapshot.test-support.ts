/**
 * Test support (not part of the package): what a file snapshot of a generated part keeps. The
 * XML declaration and the root element's namespace declarations are the generator's, identical in
 * every document; the snapshot holds what the document says (the body, the sheet's data).
 */
export function elementContent(xml: string, name: string): string {
  const open = new RegExp(`<${name}(?:\\s[^>]*)?>`).exec(xml);
  const end = xml.lastIndexOf(`</${name}>`);
  if (!open || end < open.index) throw new Error(`no <${name}> element in the part`);
  return xml.slice(open.index + open[0].length, end);
}
