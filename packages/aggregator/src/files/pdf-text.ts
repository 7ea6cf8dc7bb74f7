/**
 * The text of a PDF's first pages, for the 单位名称 line of a stamped copy. pdf.js (through
 * `unpdf`, which packages it for Node, browsers and workers alike) is loaded only when a PDF is
 * met: a batch of spreadsheets never pays for it (measured: ~1.1 MB of JavaScript; the first
 * PDF costs ~0.35 s, the next ones a few ms).
 */

// The unit line is at the top of the table's first page; a long scan is not read to its end.
const pagesRead = 2;

/** The text of the first pages, or undefined when the PDF has no text layer or cannot be read. */
export async function pdfFirstPagesText(bytes: Uint8Array): Promise<string | undefined> {
  try {
    const { getDocumentProxy } = await import('unpdf');
    // pdf.js takes ownership of (detaches) the buffer it is given: hand it a copy.
    // Glyphs are not drawn, so no FontFace is made (a worker has no document to add it to).
    const document = await getDocumentProxy(bytes.slice(), { disableFontFace: true });
    try {
      const texts: string[] = [];
      for (let number = 1; number <= Math.min(document.numPages, pagesRead); number++) {
        const page = await document.getPage(number);
        const content = await page.getTextContent();
        texts.push(lines(content.items));
      }
      const text = texts.join('\n');
      return text.trim() === '' ? undefined : text;
    } finally {
      await document.loadingTask.destroy();
    }
  } catch {
    // A broken or encrypted PDF is still a stamped copy; only its text is out of reach.
    return undefined;
  }
}

/** Text items joined into lines as pdf.js marks them (`hasEOL`). */
function lines(items: readonly unknown[]): string {
  let text = '';
  for (const item of items) {
    if (typeof item !== 'object' || item === null || !('str' in item)) continue;
    const { str, hasEOL } = item as { str: string; hasEOL?: boolean };
    text += hasEOL ? `${str}\n` : str;
  }
  return text;
}
