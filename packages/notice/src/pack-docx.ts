import { type CreateRawDeflater, packZip, packZipNatively, unpackZip } from '@jianshen/ooxml';
import { type Document, Packer } from 'docx';
import { mergeSectionMarks } from './section-marks.js';
import type { XmlTableRows } from './table-row-makers.js';

/** A fixed stamp for documents without a date of their own. */
const fallbackDay = '2000-01-01';

type Entries = ReturnType<typeof unpackZip>;

/** What `Packer.pack` hands to JSZip before compressing: docx 9.7's `Packer.compiler` (a private static). */
interface DocxCompiler {
  compile(document: Document): {
    files: Record<string, { dir: boolean; async(type: 'uint8array'): Promise<Entries[string]> }>;
  };
}

/**
 * The package's parts uncompressed. `Packer.pack` deflates every part (JSZip, in JavaScript)
 * only for `packZip` to inflate and deflate them again: ~0.1 s of a report's ~0.5 s of packing
 * (120-unit report, its PNG charts included). docx is pinned (package.json); should a version
 * lack the compiler, the parts come through `Packer.pack` as before.
 */
async function documentEntries(document: Document): Promise<Entries> {
  const compiler = Reflect.get(Packer, 'compiler') as DocxCompiler | undefined;
  if (typeof compiler?.compile !== 'function') return unpackZip(await Packer.pack(document, 'uint8array'));
  const files = Object.entries(compiler.compile(document).files).filter(([, file]) => !file.dir);
  const contents = await Promise.all(files.map(([, file]) => file.async('uint8array')));
  const entries: Entries = {};
  files.forEach(([name], index) => {
    entries[name] = contents[index]!;
  });
  return entries;
}

export interface PackDocxOptions {
  /** Table rows the document holds as placeholders (`xmlTableRows`), written into document.xml. */
  rows?: XmlTableRows;
  /** A native deflater for the zip (the Node entries pass zlib's; see `packZipNatively`). */
  createDeflater?: CreateRawDeflater;
}

/**
 * Packs a document into bytes that depend only on its content: docProps dates are set to `day`
 * (the document's own date) instead of the clock, and the zip is re-packed with fixed entry
 * dates and order. Section breaks sit in each section's last paragraph (section-marks.ts).
 */
export async function packDocx(
  document: Document,
  day: string | undefined,
  options: PackDocxOptions = {},
): Promise<Uint8Array> {
  const entries = await documentEntries(document);
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
    // Section marks first, while the rows are placeholders (section breaks are never in a table):
    // the string is then a few KB, whatever the rows (see xmlTableRows).
    const xml = mergeSectionMarks(new TextDecoder().decode(body));
    entries['word/document.xml'] = options.rows ? options.rows.fill(xml) : new TextEncoder().encode(xml);
  }
  return options.createDeflater
    ? packZipNatively(entries, { createDeflater: options.createDeflater })
    : packZip(entries);
}
