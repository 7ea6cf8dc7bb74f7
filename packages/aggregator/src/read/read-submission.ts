import { type IssueData, type MessageCode, phrase } from '@jianshen/schema';
import { LimitError, type ReadLimits, UnreadableError } from '../limits.js';
import { readCsv } from './csv.js';
import { readDocx } from './docx.js';
import type { GridWorkbook } from './grid.js';
import { readXlsx } from './xlsx.js';
import { findEntry, type InflateRaw, isZip, readZipDirectory } from './zip.js';

/** What a file turned out to be, judged by its bytes (never by its name). */
export type FileFormat = 'xlsx' | 'docx' | 'csv' | 'xls' | 'doc' | 'encrypted' | 'unknown';

export type ReadOutcome =
  | { ok: true; format: FileFormat; workbook: GridWorkbook }
  | {
      ok: false;
      format: FileFormat;
      /** `unsupported`: a kind of file we refuse; `failed`: ours, but broken or over a limit. */
      status: 'failed' | 'unsupported';
      code: MessageCode;
      data: IssueData;
    };

const ole2Magic = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return magic.every((byte, index) => bytes[index] === byte);
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

const binarySignatures: ReadonlyArray<readonly [string, readonly number[]]> = [
  ['PNG', [0x89, 0x50, 0x4e, 0x47]],
  ['JPEG', [0xff, 0xd8, 0xff]],
  ['GIF', [0x47, 0x49, 0x46, 0x38]],
  ['PDF', [0x25, 0x50, 0x44, 0x46]],
  ['RAR', [0x52, 0x61, 0x72, 0x21]],
  ['7z', [0x37, 0x7a, 0xbc, 0xaf]],
  ['WebP/RIFF', [0x52, 0x49, 0x46, 0x46]],
];

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

function failure(
  format: FileFormat,
  status: 'failed' | 'unsupported',
  code: MessageCode,
  data: IssueData = {},
): ReadOutcome {
  return { ok: false, format, status, code, data };
}

/**
 * Reads one submission's bytes into grids, whatever it is: xlsx, docx or CSV by content; a legacy
 * .xls, an encrypted workbook, a picture or a broken file becomes one clear outcome for that file.
 */
export function readSubmission(
  bytes: Uint8Array,
  name: string,
  limits: ReadLimits,
  options: { inflateRaw?: InflateRaw } = {},
): ReadOutcome {
  if (bytes.length === 0) return failure('unknown', 'failed', 'file-empty');
  if (bytes.length > limits.maxFileBytes) {
    const megabytes = Math.round(limits.maxFileBytes / 1024 / 1024);
    return failure('unknown', 'failed', 'file-too-large', {
      reason: phrase('file-larger-than', { megabytes }),
    });
  }
  let format: FileFormat = 'unknown';
  try {
    if (startsWith(bytes, ole2Magic)) {
      if (hasUtf16Name(bytes, 'EncryptedPackage')) return failure('encrypted', 'failed', 'file-encrypted');
      if (hasUtf16Name(bytes, 'WordDocument')) {
        return failure('doc', 'unsupported', 'file-unsupported', { format: phrase('format-legacy-doc') });
      }
      return failure('xls', 'unsupported', 'file-legacy-xls');
    }
    if (isZip(bytes)) {
      const zip = readZipDirectory(
        bytes,
        limits.maxInflatedBytes,
        limits.maxCompressionRatio,
        options.inflateRaw,
      );
      if (
        findEntry(zip, 'xl/workbook.xml') ||
        [...zip.entries.keys()].some((key) => key.endsWith('workbook.xml'))
      ) {
        format = 'xlsx';
        return { ok: true, format, workbook: readXlsx(zip, limits) };
      }
      if (findEntry(zip, 'word/document.xml')) {
        format = 'docx';
        return { ok: true, format, workbook: readDocx(zip, limits) };
      }
      if (findEntry(zip, 'mimetype') && findEntry(zip, 'content.xml')) {
        return failure('unknown', 'unsupported', 'file-unsupported', { format: 'OpenDocument (.ods/.odt)' });
      }
      return failure('unknown', 'unsupported', 'file-unsupported', { format: 'zip' });
    }
    for (const [label, magic] of binarySignatures) {
      if (startsWith(bytes, magic))
        return failure('unknown', 'unsupported', 'file-unsupported', { format: label });
    }
    if (looksBinary(bytes)) {
      return failure('unknown', 'unsupported', 'file-unsupported', { format: phrase('format-binary') });
    }
    const head = new TextDecoder().decode(bytes.subarray(0, 2048)).trimStart().toLowerCase();
    if (head.startsWith('<') && /<(?:html|table|\?xml)/.test(head)) {
      return failure('unknown', 'unsupported', 'file-unsupported', { format: phrase('format-html') });
    }
    format = 'csv';
    // A CSV has one sheet: it is named after the file, as Excel names it when opening the file.
    const sheetName = (name.split(/[\\/]/).pop() ?? name).replace(/\.[^.]+$/, '') || name;
    return { ok: true, format, workbook: readCsv(bytes, sheetName, limits) };
  } catch (error) {
    if (error instanceof LimitError)
      return failure(format, 'failed', 'file-too-large', { reason: error.reason });
    if (error instanceof UnreadableError)
      return failure(format, 'failed', 'file-unreadable', { reason: error.reason });
    const message = error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error);
    return failure(format, 'failed', 'file-unreadable', { reason: message });
  }
}
