// docx 9.7 (the last line that runs on Node 20: 9.7.2 and 9.8+ pull nanoid 6, Node ≥ 22) ends each
// section but the last with an empty paragraph of its own that only carries the w:sectPr. In Word
// that paragraph takes a line: a page filled to its 22nd line gets a blank page after it. 9.8+
// puts the w:sectPr into the section's last paragraph instead, as Word itself does
// (ECMA-376 §17.6.17: the paragraph mark that carries w:sectPr ends the section); this does the same.
const sectionParagraph = /<w:p><w:pPr>(<w:sectPr>[\s\S]*?<\/w:sectPr>)<\/w:pPr><\/w:p>/g;

/**
 * Moves each section break held by an empty paragraph into the paragraph before it. A break after
 * a table (or after a paragraph with nested paragraphs, e.g. a text box) stays as it is: Word
 * needs a paragraph after a table anyway.
 */
export function mergeSectionMarks(documentXml: string): string {
  let result = '';
  let copied = 0;
  for (const match of documentXml.matchAll(sectionParagraph)) {
    const before = documentXml.slice(copied, match.index);
    const merged = withSectionMark(before, match[1]!);
    result += merged ?? before + match[0];
    copied = match.index + match[0].length;
  }
  return result + documentXml.slice(copied);
}

/** `xml` with `sectPr` added to its last paragraph, or undefined when it does not end in a plain one. */
function withSectionMark(xml: string, sectPr: string): string | undefined {
  if (!xml.endsWith('</w:p>')) return undefined;
  const start = Math.max(xml.lastIndexOf('<w:p>'), xml.lastIndexOf('<w:p '));
  if (start < 0) return undefined;
  const paragraph = xml.slice(start);
  // One </w:p> only: the paragraph found is the one that ends here, not one nested in it.
  if (paragraph.indexOf('</w:p>') !== paragraph.length - '</w:p>'.length) return undefined;
  const openingEnd = paragraph.indexOf('>') + 1;
  const rest = paragraph.slice(openingEnd);
  const withMark = rest.startsWith('<w:pPr>')
    ? rest.replace('</w:pPr>', `${sectPr}</w:pPr>`)
    : `<w:pPr>${sectPr}</w:pPr>${rest}`;
  return xml.slice(0, start) + paragraph.slice(0, openingEnd) + withMark;
}
