import {
  findEntry,
  type InflateRaw,
  OoxmlError,
  readZipDirectory,
  streamEntry,
  type ZipDirectory,
} from '@jianshen/ooxml';
import type { IssueData, MessageCode } from '@jianshen/schema';
import { phrase } from '@jianshen/schema/reading';
import { LimitError, type ReadLimits, UnreadableError } from '../limits.js';
import { decodeCsvText } from './csv-decode.js';
import { type DetectedContent, detectContent } from './detect-format.js';
import { readDocx } from './docx.js';
import type { GridWorkbook } from './grid.js';
import { odsMimeType, readOds } from './ods.js';
import { ooxmlReason } from './ooxml-problem.js';
import { readWithSheetJs } from './sheetjs.js';
import { readXlsx } from './xlsx.js';

/** What a file turned out to be, judged by its bytes (never by its name). */
export type FileFormat = 'xlsx' | 'docx' | 'csv' | 'xls' | 'ods' | 'html' | 'doc' | 'encrypted' | 'unknown';

export type ReadOutcome =
  | { ok: true; format: FileFormat; workbook: GridWorkbook }
  | {
      ok: false;
      format: FileFormat;
      /** `unsupported`: a kind of file we refuse; `failed`: ours, but broken or over a limit. */
      status: 'failed' | 'unsupported';
      code: MessageCode;
      /** The message's data; a `reason` is a phrase, rendered where the issue is shown. */
      data: IssueData;
    };

export interface ReadSubmissionOptions {
  /** A native inflater for zip parts (the Node entry passes zlib's). */
  inflateRaw?: InflateRaw;
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
 * Reads one submission's bytes into grids, whatever it is, told by content: xlsx, docx, ods,
 * CSV and tab-separated text, Excel 97–2003 and WPS .et workbooks, HTML tables and Excel 2003
 * XML saved as .xls. A Word binary, an encrypted workbook, a picture or a broken file becomes one
 * clear outcome for that file; this never throws.
 */
export async function readSubmission(
  bytes: Uint8Array,
  name: string,
  limits: ReadLimits,
  options: ReadSubmissionOptions = {},
): Promise<ReadOutcome> {
  if (bytes.length === 0) return failure('unknown', 'failed', 'file-empty');
  if (bytes.length > limits.maxFileBytes) {
    const megabytes = Math.round(limits.maxFileBytes / 1024 / 1024);
    return failure('unknown', 'failed', 'file-too-large', {
      reason: phrase('file-larger-than', { megabytes }),
    });
  }
  const content = detectContent(bytes);
  try {
    return await readDetected({ bytes, name, limits, options, content });
  } catch (error) {
    return failureFromError(formatOf(content), error);
  }
}

/** A reader's exception as the file's outcome: over a limit, unreadable, or broken. */
function failureFromError(format: FileFormat, error: unknown): ReadOutcome {
  if (error instanceof LimitError)
    return failure(format, 'failed', 'file-too-large', { reason: error.reason });
  // A workbook in the 97–2003 container SheetJS cannot read (Excel 5, a damaged file).
  if (format === 'xls') return failure(format, 'failed', 'file-legacy-xls');
  if (error instanceof UnreadableError)
    return failure(format, 'failed', 'file-unreadable', { reason: error.reason });
  if (error instanceof OoxmlError) {
    const code = error.isLimit ? 'file-too-large' : 'file-unreadable';
    return failure(format, 'failed', code, { reason: ooxmlReason(error.problem) });
  }
  const message = error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error);
  return failure(format, 'failed', 'file-unreadable', { reason: message });
}

/** The report's format for detected content, before it is read. */
function formatOf(content: DetectedContent): FileFormat {
  if (content.kind === 'ole2') {
    const formats = {
      workbook: 'xls',
      word: 'doc',
      encrypted: 'encrypted',
      presentation: 'unknown',
      other: 'xls',
    };
    return formats[content.holds] as FileFormat;
  }
  if (content.kind === 'markup') return content.markup === 'other' ? 'unknown' : 'html';
  if (content.kind === 'text') return 'csv';
  return 'unknown';
}

interface DetectedInput {
  bytes: Uint8Array;
  name: string;
  limits: ReadLimits;
  options: ReadSubmissionOptions;
  content: DetectedContent;
}

/**
 * The CSV reader is imported when a CSV arrives: papaparse takes ~15 ms to load, which an .xlsx
 * batch (and the reading thread, before its first file) never spends. An HTML table needs only
 * the decoding (`decodeCsvText`), not the parser.
 */
function loadCsvReader(): Promise<typeof import('./csv.js')> {
  return import('./csv.js');
}

async function readDetected(input: DetectedInput): Promise<ReadOutcome> {
  const { bytes, limits, content } = input;
  switch (content.kind) {
    case 'zip':
      return readZipSubmission(input);
    case 'ole2':
      if (content.holds === 'encrypted') return failure('encrypted', 'failed', 'file-encrypted');
      if (content.holds === 'word') return failure('doc', 'unsupported', 'file-word-binary');
      if (content.holds === 'presentation')
        return failure('unknown', 'unsupported', 'file-unsupported', { format: 'PowerPoint' });
      // A workbook, or an OLE2 file whose directory is lost (truncated): SheetJS tries it, and a
      // failure is the legacy-workbook refusal (save it again as .xlsx).
      return { ok: true, format: 'xls', workbook: await readWithSheetJs(bytes, 'xls', limits) };
    case 'markup':
      if (content.markup === 'other')
        return failure('unknown', 'unsupported', 'file-unsupported', { format: 'XML' });
      // Decoded here as the CSV reader decodes (BOM, UTF-8, else GB18030): pages exported on
      // Chinese Windows are GBK more often than not.
      return {
        ok: true,
        format: 'html',
        workbook: await readWithSheetJs(decodeCsvText(bytes).text, content.markup, limits),
      };
    case 'binary':
      if (content.label === '' && hasNul(bytes)) return failure('unknown', 'unsupported', 'file-not-text');
      return failure('unknown', 'unsupported', 'file-unsupported', {
        format: content.label || phrase('format-binary'),
      });
    case 'text':
      if (hasNul(bytes)) return failure('unknown', 'unsupported', 'file-not-text');
      return {
        ok: true,
        format: 'csv',
        workbook: (await loadCsvReader()).readCsv(bytes, csvSheetName(input.name), limits),
      };
  }
}

/**
 * A NUL byte anywhere is no text a clerk typed (UTF-16 without a BOM, a renamed binary): said
 * plainly rather than read as a CSV of garbage.
 */
function hasNul(bytes: Uint8Array): boolean {
  const utf16Bom = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  return !utf16Bom && bytes.indexOf(0) !== -1;
}

/** A CSV has one sheet: it is named after the file, as Excel names it when opening the file. */
function csvSheetName(name: string): string {
  return (name.split(/[\\/]/).pop() ?? name).replace(/\.[^.]+$/, '') || name;
}

function readZipSubmission({ bytes, limits, options }: DetectedInput): ReadOutcome {
  let format: FileFormat = 'unknown';
  try {
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
    const mime = mimeType(zip);
    if (mime === odsMimeType) {
      format = 'ods';
      return { ok: true, format, workbook: readOds(zip, limits) };
    }
    const kind = mime.startsWith('application/vnd.oasis.opendocument.') ? 'OpenDocument (.odt/.odp)' : 'zip';
    return failure('unknown', 'unsupported', 'file-unsupported', { format: kind });
  } catch (error) {
    return failureFromError(format, error);
  }
}

/** The `mimetype` entry an OpenDocument file starts with ('' when there is none). */
function mimeType(zip: ZipDirectory): string {
  const entry = findEntry(zip, 'mimetype');
  if (!entry || entry.declaredSize > 200) return '';
  let text = '';
  streamEntry(zip, entry, (chunk) => {
    text += new TextDecoder().decode(chunk);
  });
  return text.trim();
}
