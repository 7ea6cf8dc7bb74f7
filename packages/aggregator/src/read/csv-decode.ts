import type { ReaderNote } from './grid.js';

/** CSV text decoded line by line, and where bytes could not be decoded at all. */
export interface DecodedCsv {
  text: string;
  /** The file's main encoding (the one most of its lines are in). */
  encoding: string;
  /** Text offsets of lines with undecodable bytes, and how many characters were replaced there. */
  damaged: { offset: number; count: number; encoding: string }[];
}

const utf8 = new TextDecoder('utf-8', { fatal: true });
const gb18030 = new TextDecoder('gb18030', { fatal: true });
const lossyUtf8 = new TextDecoder('utf-8');
const lossyGb18030 = new TextDecoder('gb18030');

function tryDecode(decoder: TextDecoder, bytes: Uint8Array): string | undefined {
  try {
    return decoder.decode(bytes);
  } catch {
    return undefined;
  }
}

/** A lead byte of a three- or four-byte UTF-8 sequence: GBK text is almost never valid this way. */
function hasLongUtf8Sequence(bytes: Uint8Array): boolean {
  for (const byte of bytes) if (byte >= 0xe0 && byte <= 0xf4) return true;
  return false;
}

function* lines(bytes: Uint8Array): Generator<Uint8Array> {
  let start = 0;
  for (;;) {
    const end = bytes.indexOf(0x0a, start);
    if (end === -1) {
      yield bytes.subarray(start);
      return;
    }
    yield bytes.subarray(start, end + 1);
    start = end + 1;
  }
}

const replacement = /\uFFFD/g;

/**
 * Decodes a CSV without a BOM whose bytes are not all UTF-8, one line at a time: a clerk who
 * pasted one GBK line into a UTF-8 file (or the reverse) loses nothing. A line valid as UTF-8
 * with a three-byte sequence (every CJK character) is UTF-8; else a line valid as GB18030 is
 * GB18030; else it is decoded in the file's main encoding with U+FFFD for the bad bytes, and
 * reported. A line feed is the same byte in both encodings, so lines split the same in each.
 */
function decodeByLine(bytes: Uint8Array): DecodedCsv {
  // Lines are walked twice rather than kept in an array: 390,000 views of a 60 MiB file held
  // tens of MB, and the text is built in flat pieces (see createTextBuilder).
  let utf8Lines = 0;
  let otherLines = 0;
  for (const line of lines(bytes)) {
    if (!line.some((byte) => byte >= 0x80)) continue;
    if (tryDecode(utf8, line) !== undefined && hasLongUtf8Sequence(line)) utf8Lines++;
    else otherLines++;
  }
  const encoding = utf8Lines >= otherLines ? 'utf-8' : 'gb18030';
  const text = createTextBuilder();
  const damaged: DecodedCsv['damaged'] = [];
  for (const line of lines(bytes)) {
    const asUtf8 = tryDecode(utf8, line);
    const decoded =
      (asUtf8 !== undefined && (encoding === 'utf-8' || hasLongUtf8Sequence(line)) ? asUtf8 : undefined) ??
      tryDecode(gb18030, line) ??
      asUtf8;
    if (decoded !== undefined) {
      text.add(decoded);
      continue;
    }
    const lossy = (encoding === 'utf-8' ? lossyUtf8 : lossyGb18030).decode(line);
    damaged.push({ offset: text.length, count: lossy.match(replacement)?.length ?? 0, encoding });
    text.add(lossy);
  }
  return { text: text.finish(), encoding, damaged };
}

/**
 * Text made of many decoded lines, joined a few thousand at a time. Appended one by one with
 * `+=`, a 60 MiB file of alternating UTF-8 and GBK lines became a rope of 390,000 pieces that
 * was flattened while still alive: 352 MB peak for the CLI, over the 300 MB bound (200 MB for the
 * same file all in UTF-8).
 */
function createTextBuilder() {
  const pieces: string[] = [];
  let batch: string[] = [];
  let length = 0;
  return {
    add(piece: string): void {
      batch.push(piece);
      length += piece.length;
      if (batch.length === 4096) {
        pieces.push(batch.join(''));
        batch = [];
      }
    },
    get length(): number {
      return length;
    },
    finish(): string {
      pieces.push(batch.join(''));
      batch = [];
      return pieces.join('');
    },
  };
}

/** UTF-16 lines: a line ends at the code unit U+000A, whichever byte order. */
function* utf16Lines(bytes: Uint8Array, littleEndian: boolean): Generator<Uint8Array> {
  let start = 0;
  for (let index = 0; index + 1 < bytes.length; index += 2) {
    const unit = littleEndian
      ? bytes[index] === 0x0a && bytes[index + 1] === 0
      : bytes[index] === 0 && bytes[index + 1] === 0x0a;
    if (!unit) continue;
    yield bytes.subarray(start, index + 2);
    start = index + 2;
  }
  if (start < bytes.length) yield bytes.subarray(start);
}

/**
 * UTF-16 with its BOM (Excel's "Unicode text"). A lone surrogate or an odd last byte becomes
 * U+FFFD with a warning at its line, like an undecodable byte in the other encodings: decoded
 * quietly, the damage went unreported.
 */
function decodeUtf16(body: Uint8Array, encoding: 'utf-16le' | 'utf-16be'): DecodedCsv {
  const whole = tryDecode(new TextDecoder(encoding, { fatal: true }), body);
  if (whole !== undefined) return { text: whole, encoding, damaged: [] };
  const strict = new TextDecoder(encoding, { fatal: true });
  const lossy = new TextDecoder(encoding);
  const text = createTextBuilder();
  const damaged: DecodedCsv['damaged'] = [];
  for (const line of utf16Lines(body, encoding === 'utf-16le')) {
    const decoded = tryDecode(strict, line);
    if (decoded !== undefined) {
      text.add(decoded);
      continue;
    }
    const replaced = lossy.decode(line);
    damaged.push({
      offset: text.length,
      count: replaced.match(replacement)?.length ?? 0,
      encoding: 'utf-16',
    });
    text.add(replaced);
  }
  return { text: text.finish(), encoding, damaged };
}

/**
 * Decodes CSV bytes: UTF-8 (with or without BOM), UTF-16 with BOM (Excel's "Unicode text"),
 * else line by line between UTF-8 and GB18030 (what Excel on Chinese Windows writes, a superset
 * of GBK), so one odd line never costs the whole file.
 */
export function decodeCsvText(bytes: Uint8Array): DecodedCsv {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    const body = bytes.subarray(3);
    const whole = tryDecode(utf8, body);
    if (whole !== undefined) return { text: whole, encoding: 'utf-8-bom', damaged: [] };
    return { ...decodeByLine(body), encoding: 'utf-8-bom' };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return decodeUtf16(bytes.subarray(2), 'utf-16le');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return decodeUtf16(bytes.subarray(2), 'utf-16be');
  const whole = tryDecode(utf8, bytes);
  if (whole !== undefined) return { text: whole, encoding: 'utf-8', damaged: [] };
  return decodeByLine(bytes);
}

const shownEncoding: Readonly<Record<string, string>> = { gb18030: 'GB18030', 'utf-16': 'UTF-16' };

/**
 * The damaged lines as notes at their CSV records: `recordEnds` are the text offsets where each
 * record ends (papaparse's cursor), in order.
 */
export function damageNotes(damaged: DecodedCsv['damaged'], recordEnds: readonly number[]): ReaderNote[] {
  const notes: ReaderNote[] = [];
  let record = 0;
  for (const { offset, count, encoding } of damaged) {
    while (record < recordEnds.length && (recordEnds[record] ?? 0) <= offset) record++;
    notes.push({
      code: 'text-undecodable',
      row: Math.min(record + 1, Math.max(recordEnds.length, 1)),
      data: { count, encoding: shownEncoding[encoding] ?? 'UTF-8' },
    });
  }
  return notes;
}
