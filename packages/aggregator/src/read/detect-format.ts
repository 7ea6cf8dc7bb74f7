import { hasBytesAt } from './magic-bytes.js';

/**
 * What a file is, judged by its bytes, never by its name: an .xls that is really an .xlsx or an
 * HTML page is read as what it is, and a .doc renamed .xlsx is still refused as a Word file.
 */
export type DetectedContent =
  /** A zip: .xlsx, .docx, .ods and others, told apart by their entries. */
  | { kind: 'zip' }
  /** An OLE2 compound file: what it holds is told by its directory entries. */
  | { kind: 'ole2'; holds: 'workbook' | 'word' | 'encrypted' | 'presentation' | 'other' }
  /** An HTML table or an Excel 2003 XML workbook: both are text, often saved as .xls. */
  | { kind: 'markup'; markup: 'html' | 'spreadsheetml' | 'other' }
  /** A known binary that is no table: a picture, a PDF, an archive. */
  | { kind: 'binary'; label: string }
  /** Text: a CSV or a tab-separated "Unicode text" export. */
  | { kind: 'text' };

const ole2Magic = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

// First bytes of what clerks send that is no table (a scan, a photo, a PDF, an archive).
const binarySignatures: ReadonlyArray<readonly [string, readonly number[]]> = [
  ['PNG', [0x89, 0x50, 0x4e, 0x47]],
  ['JPEG', [0xff, 0xd8, 0xff]],
  ['GIF', [0x47, 0x49, 0x46, 0x38]],
  ['PDF', [0x25, 0x50, 0x44, 0x46]],
  ['TIFF', [0x49, 0x49, 0x2a, 0x00]],
  ['TIFF', [0x4d, 0x4d, 0x00, 0x2a]],
  ['BMP', [0x42, 0x4d]],
  ['RAR', [0x52, 0x61, 0x72, 0x21]],
  ['7z', [0x37, 0x7a, 0xbc, 0xaf]],
  ['WebP/RIFF', [0x52, 0x49, 0x46, 0x46]],
];

/** HEIC/HEIF (iPhone photos): an ISO media box `ftyp` at byte 4 with a HEIF brand. */
function isHeif(bytes: Uint8Array): boolean {
  if (!hasBytesAt(bytes, [0x66, 0x74, 0x79, 0x70], 4)) return false;
  const brand = String.fromCharCode(...bytes.subarray(8, 12));
  return /^(?:heic|heix|hevc|heim|heis|mif1|msf1|avif)$/.test(brand);
}

/** True when the UTF-16LE name occurs in the bytes (OLE2 directory entries are UTF-16LE). */
function hasUtf16Name(bytes: Uint8Array, name: string): boolean {
  const pattern = new Uint8Array(name.length * 2);
  for (let index = 0; index < name.length; index++) pattern[index * 2] = name.charCodeAt(index);
  const first = pattern[0];
  outer: for (let at = 0; at <= bytes.length - pattern.length; at++) {
    if (bytes[at] !== first) continue;
    for (let offset = 1; offset < pattern.length; offset++) {
      if (bytes[at + offset] !== pattern[offset]) continue outer;
    }
    return true;
  }
  return false;
}

/**
 * An OLE2 container holds an encrypted OOXML package (EncryptedPackage), a Word or WPS 文字
 * document (WordDocument), a PowerPoint or WPS 演示 deck, or an Excel or WPS 表格 workbook
 * (Workbook; Book in Excel 5). `other`: the directory was not found (a truncated file, mostly).
 */
function ole2Holds(bytes: Uint8Array): 'workbook' | 'word' | 'encrypted' | 'presentation' | 'other' {
  if (hasUtf16Name(bytes, 'EncryptedPackage')) return 'encrypted';
  if (hasUtf16Name(bytes, 'WordDocument')) return 'word';
  if (hasUtf16Name(bytes, 'Workbook') || hasUtf16Name(bytes, 'Book')) return 'workbook';
  if (hasUtf16Name(bytes, 'PowerPoint Document')) return 'presentation';
  return 'other';
}

function looksBinary(bytes: Uint8Array): boolean {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return false;
  const end = Math.min(bytes.length, 8192);
  let control = 0;
  for (let index = 0; index < end; index++) {
    const byte = bytes[index] ?? 0;
    if (byte === 0) return true;
    if (byte < 9 || (byte > 13 && byte < 32)) control++;
  }
  return control > end / 20;
}

/** The start of a text file as lower-case text, whatever its encoding (BOMs, UTF-16). */
function textHead(bytes: Uint8Array): string {
  const head = bytes.subarray(0, 4096);
  let encoding = 'utf-8';
  if (head[0] === 0xff && head[1] === 0xfe) encoding = 'utf-16le';
  else if (head[0] === 0xfe && head[1] === 0xff) encoding = 'utf-16be';
  return new TextDecoder(encoding)
    .decode(head)
    .replace(/^\uFEFF/, '')
    .trimStart()
    .toLowerCase();
}

function markupOf(head: string): 'html' | 'spreadsheetml' | 'other' | undefined {
  if (!head.startsWith('<')) return undefined;
  if (head.includes('urn:schemas-microsoft-com:office:spreadsheet') && /<(?:ss:)?workbook/.test(head))
    return 'spreadsheetml';
  if (/<(?:html|table|body|head|meta|!doctype html)/.test(head)) return 'html';
  return /<\?xml/.test(head) ? 'other' : undefined;
}

/** Tells what a submission is from its first bytes (and, for OLE2, its directory). */
export function detectContent(bytes: Uint8Array): DetectedContent {
  if (hasBytesAt(bytes, [0x50, 0x4b, 0x03, 0x04]) || hasBytesAt(bytes, [0x50, 0x4b, 0x05, 0x06]))
    return { kind: 'zip' };
  if (hasBytesAt(bytes, ole2Magic)) return { kind: 'ole2', holds: ole2Holds(bytes) };
  for (const [label, magic] of binarySignatures) {
    if (hasBytesAt(bytes, magic)) return { kind: 'binary', label };
  }
  if (isHeif(bytes)) return { kind: 'binary', label: 'HEIC' };
  if (looksBinary(bytes)) return { kind: 'binary', label: '' };
  const markup = markupOf(textHead(bytes));
  return markup ? { kind: 'markup', markup } : { kind: 'text' };
}
