import { Inflate } from 'fflate';
import { OoxmlError, type OoxmlProblem } from './ooxml-error.js';

/** One entry of a zip's central directory. */
export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  /** As declared by the file: never trusted, the inflater counts real bytes. */
  declaredSize: number;
  localOffset: number;
  encrypted: boolean;
}

/** The zip's directory by normalised name (no leading slash, lower case), read without inflating anything. */
export interface ZipDirectory {
  bytes: Uint8Array;
  entries: Map<string, ZipEntry>;
  /** Bytes all entries of this file may still inflate to. */
  budget: { remaining: number };
  /** Inflated ÷ compressed ratio that marks a zip bomb (checked past 8 MiB per entry). */
  maxRatio: number;
  /** A native whole-entry inflater, when the platform has one (Node's zlib). */
  inflateRaw?: InflateRaw;
}

/**
 * Inflates raw deflate data in one call, natively: `undefined` when the output would pass
 * `maxOutputBytes` (the inflater must stop there, not after), throws when the data is corrupt
 * or truncated. The Node entry passes zlib's; elsewhere fflate inflates piece by piece.
 * The bytes returned are the caller's until it asks again: an inflater may hand out the same
 * buffer each time (`createInflateAhead` does). `streamEntry` uses them before it returns.
 */
export type InflateRaw = (compressed: Uint8Array, maxOutputBytes: number) => Uint8Array | undefined;

const fail = (problem: OoxmlProblem) => new OoxmlError(problem);

export function zipKey(name: string): string {
  return name.replace(/\\/g, '/').replace(/^\/+/, '').toLowerCase();
}

export function isZip(bytes: Uint8Array): boolean {
  return (
    bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04
  );
}

/** Reads the central directory; throws an OoxmlError for a truncated or corrupt zip. */
export function readZipDirectory(
  bytes: Uint8Array,
  maxInflatedBytes: number,
  maxRatio = 200,
  inflateRaw?: InflateRaw,
): ZipDirectory {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end-of-central-directory record sits in the last 22 + 65,535 (comment) bytes.
  let end = -1;
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 65_535); at--) {
    if (view.getUint32(at, true) === 0x06054b50) {
      end = at;
      break;
    }
  }
  if (end < 0) {
    throw fail({ code: 'zip-no-directory' });
  }
  const count = view.getUint16(end + 10, true);
  const directorySize = view.getUint32(end + 12, true);
  const directoryOffset = view.getUint32(end + 16, true);
  if (count === 0xffff || directoryOffset === 0xffffffff) {
    throw fail({ code: 'zip64' });
  }
  if (directoryOffset + directorySize > end) {
    throw fail({ code: 'zip-directory-out-of-range' });
  }
  const entries = new Map<string, ZipEntry>();
  const decoder = new TextDecoder();
  let at = directoryOffset;
  for (let index = 0; index < count; index++) {
    if (at + 46 > end || view.getUint32(at, true) !== 0x02014b50) {
      throw fail({ code: 'zip-bad-directory-entry' });
    }
    const flags = view.getUint16(at + 8, true);
    const method = view.getUint16(at + 10, true);
    const compressedSize = view.getUint32(at + 20, true);
    const declaredSize = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const localOffset = view.getUint32(at + 42, true);
    const name = decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength));
    entries.set(zipKey(name), {
      name,
      method,
      compressedSize,
      declaredSize,
      localOffset,
      encrypted: (flags & 1) === 1,
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return {
    bytes,
    entries,
    budget: { remaining: maxInflatedBytes },
    maxRatio,
    ...(inflateRaw ? { inflateRaw } : {}),
  };
}

export function findEntry(zip: ZipDirectory, name: string): ZipEntry | undefined {
  return zip.entries.get(zipKey(name));
}

function tooLarge(): OoxmlError {
  return fail({ code: 'zip-too-large' });
}

function inflateWhole(
  inflateRaw: InflateRaw,
  compressed: Uint8Array,
  maxOutputBytes: number,
  entry: ZipEntry,
): Uint8Array | undefined {
  try {
    return inflateRaw(compressed, maxOutputBytes);
  } catch {
    throw fail({ code: 'zip-corrupt-entry', part: entry.name });
  }
}

/** Output one push of compressed bytes may inflate to, about (the step adapts to the ratio). */
const outputPerPush = 1024 * 1024;
const smallestStep = 1024;
const largestStep = 16 * 1024;
/**
 * Entries the native inflater takes whole: it is 5–10× faster than inflating in JavaScript, and
 * a county's sheet is well under this. A larger entry (or a bomb) goes piece by piece instead,
 * so memory stays bounded by this, not by the limits.
 */
export const largestWholeEntry = 16 * 1024 * 1024;

/**
 * Inflates one entry piece by piece, counting the real output against the file's budget (never
 * the size the zip declares), so a zip bomb stops at the limit instead of filling memory. The
 * compressed bytes go in small steps (1–16 KiB), sized to the ratio seen so far so that one step
 * inflates to about a megabyte; even at deflate's best ratio (1,032:1) one step yields at most
 * 16 MiB. The limit is checked on every piece the inflater hands out, and inflating stops at the
 * first piece past it. A declared size over the limit is refused before inflating anything.
 */
export function streamEntry(zip: ZipDirectory, entry: ZipEntry, onChunk: (chunk: Uint8Array) => void): void {
  const { bytes, budget } = zip;
  if (entry.encrypted) throw fail({ code: 'zip-encrypted' });
  if (entry.declaredSize > budget.remaining) throw tooLarge();
  const data = entryData(bytes, entry);
  const ratioFloor = 8 * 1024 * 1024;
  const ratioLimit = Math.max(ratioFloor, entry.compressedSize * zip.maxRatio);
  if (entry.declaredSize > ratioLimit) throw tooLarge();
  let inflated = 0;
  // What the budget check or the consumer threw passes on as it is; only the inflater's own
  // errors mean a corrupt entry.
  let raised: { error: unknown } | undefined;
  const count = (chunk: Uint8Array) => {
    try {
      budget.remaining -= chunk.length;
      inflated += chunk.length;
      // Checked as the bytes come, before they are handed on: a bomb is stopped at the limit.
      if (budget.remaining < 0 || inflated > ratioLimit) throw tooLarge();
      onChunk(chunk);
    } catch (error) {
      raised = { error };
      throw error;
    }
  };
  if (entry.method === 0) {
    count(data);
    return;
  }
  if (entry.method !== 8) {
    throw fail({ code: 'zip-method', method: entry.method });
  }
  if (zip.inflateRaw) {
    const room = Math.min(budget.remaining, ratioLimit);
    const whole = inflateWhole(zip.inflateRaw, data, Math.min(room, largestWholeEntry), entry);
    if (whole) {
      // Handed on in pieces, as the streaming path does: the limits are checked piece by piece.
      for (let at = 0; at < whole.length; at += outputPerPush) {
        count(whole.subarray(at, Math.min(whole.length, at + outputPerPush)));
      }
      return;
    }
    if (room <= largestWholeEntry) throw tooLarge();
  }
  let finished: boolean;
  try {
    finished = inflateInSteps(data, count);
  } catch {
    if (raised) throw raised.error;
    throw fail({ code: 'zip-corrupt-entry', part: entry.name });
  }
  if (!finished) throw fail({ code: 'zip-truncated' });
}

/** The entry's compressed bytes, after its local header (whose name and extra field lengths may
 * differ from the central directory's). */
export function entryData(bytes: Uint8Array, entry: ZipEntry): Uint8Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const local = entry.localOffset;
  if (local + 30 > bytes.length || view.getUint32(local, true) !== 0x04034b50) {
    throw fail({ code: 'zip-bad-entry', part: entry.name });
  }
  const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
  const stop = start + entry.compressedSize;
  if (stop > bytes.length) {
    throw fail({ code: 'zip-truncated' });
  }
  return bytes.subarray(start, stop);
}

/**
 * Inflates `data` through fflate's streaming inflater in steps sized to the ratio seen so far,
 * handing each piece to `count` (which may throw to stop). Returns whether the deflate stream
 * reached its final block.
 */
export function inflateInSteps(data: Uint8Array, count: (chunk: Uint8Array) => void): boolean {
  let finished = false;
  let inflated = 0;
  const inflater = new Inflate((chunk, final) => {
    inflated += chunk.length;
    if (chunk.length > 0) count(chunk);
    if (final) finished = true;
  });
  // Deflate reaches 1,032:1, so a first step of 1 KiB inflates to a megabyte at most.
  let step = smallestStep;
  for (let at = 0; at < data.length; ) {
    const next = Math.min(data.length, at + step);
    const before = inflated;
    inflater.push(data.subarray(at, next), next === data.length);
    const ratio = (inflated - before) / (next - at);
    const fit = Math.floor(outputPerPush / Math.max(ratio, 1));
    // Growing at most twofold, a run of header bytes (no output yet) cannot open the step wide.
    step = Math.min(largestStep, step * 2, Math.max(smallestStep, fit));
    at = next;
  }
  return finished;
}

/**
 * Bytes decoded to text at a time. A string over V8's regular-object limit (~128 KB) is made in
 * large-object space: decoding and scanning 1 MiB pieces was 3–10× slower than 32 KiB ones.
 * 32 KiB of UTF-8 is at most 32 Ki UTF-16 units (64 KB).
 */
const textPiece = 32 * 1024;

/** Streams an entry as UTF-8 text, in pieces small enough to stay ordinary strings. */
export function streamEntryText(zip: ZipDirectory, entry: ZipEntry, onText: (text: string) => void): void {
  const decoder = new TextDecoder();
  streamEntry(zip, entry, (chunk) => {
    for (let at = 0; at < chunk.length; at += textPiece) {
      onText(decoder.decode(chunk.subarray(at, Math.min(chunk.length, at + textPiece)), { stream: true }));
    }
  });
  onText(decoder.decode());
}
