import { packZip, unpackZip } from '@jianshen/ooxml';
import { type Document, Packer } from 'docx';
import { mergeSectionMarks } from './section-marks.js';

/** A fixed stamp for documents without a date of their own. */
const fallbackDay = '2000-01-01';

/**
 * Packs a document into bytes that depend only on its content: docProps dates are set to `day`
 * (the document's own date) instead of the clock, and the zip is re-packed with fixed entry
 * dates and order. Section breaks sit in each section's last paragraph (section-marks.ts).
 */
export async function packDocx(document: Document, day: string | undefined): Promise<Uint8Array> {
  const bytes = await Packer.pack(document, 'uint8array');
  const entries = unpackZip(bytes);
  const core = entries['docProps/core.xml'];
  if (core) {
    const stamp = `${day ?? fallbackDay}T00:00:00Z`;
    const text = new TextDecoder()
      .decode(core)
      .replace(/(<dcterms:created[^>]*>)[^<]*(<\/dcterms:created>)/, `$1${stamp}$2`)
      .replace(/(<dcterms:modified[^>]*>)[^<]*(<\/dcterms:modified>)/, `$1${stamp}$2`);
    entries['docProps/core.xml'] = new TextEncoder().encode(text);
  }
  const body = entries['word/document.xml'];
  if (body) {
    const xml = mergeSectionMarks(new TextDecoder().decode(body));
    entries['word/document.xml'] = new TextEncoder().encode(xml);
  }
  return packZip(entries);
}
