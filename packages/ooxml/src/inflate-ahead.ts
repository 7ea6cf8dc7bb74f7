import { concatBytes } from './bytes.js';
import { takesDeflateRaw } from './deflate-raw-streams.js';
import {
  entryData,
  type InflateRaw,
  inflateInSteps,
  isZip,
  largestWholeEntry,
  readZipDirectory,
} from './zip-reader.js';

/**
 * A zip's entries inflated before the readers ask, by the platform's own inflater. Browsers (and
 * Node) have one, `DecompressionStream('deflate-raw')`, but it is asynchronous, and the readers
 * ask synchronously (`InflateRaw`). `prepare` inflates every deflated entry a reader may take
 * whole while the file is loaded; `inflateRaw` then hands those results back. The page's worker
 * inflated with fflate in JavaScript until then: in Node the page's path over the medium batch
 * took 3.6 s with fflate and 2.9 s with a native inflater.
 */
export interface InflateAhead {
  /**
   * Inflates the zip's entries ahead, until their output passes `maxInflatedBytes` (the reader's
   * budget for the file: a zip bomb's entries are left to the bounded path). Anything that is not
   * a zip, or not readable, is left alone.
   */
  prepare(bytes: Uint8Array, options: { maxInflatedBytes: number }): Promise<void>;
  /** The readers' whole-entry inflater: the entry inflated ahead, else fflate's, bounded. */
  inflateRaw: InflateRaw;
}

/** What was inflated ahead from the compressed bytes at one offset (and of this length). */
interface AheadEntry {
  compressedLength: number;
  /** The inflater's pieces as they came (64 KiB each in Chromium), joined when a reader asks. */
  pieces: Uint8Array[];
  length: number;
}

/**
 * Joins an entry's pieces into one buffer, the same for every entry (grown to the largest, at
 * most `largestWholeEntry`): the readers use an entry's bytes before they ask for the next one
 * (see `InflateRaw`). Memory never touched before costs far more than copying here: on the
 * bench's machine writing 4.3 MB into a fresh array took 20 ms in Chromium and into one written
 * before 0.3 ms, and joining every entry into an array of its own was 243 ms of the page's
 * 6.5 s on the medium batch and 658 ms of its 10.2 s on the LibreOffice batch (CPU profiles).
 */
function createJoiner(): (entry: AheadEntry) => Uint8Array {
  let joined = new Uint8Array(0);
  return (entry) => {
    if (entry.pieces.length === 1) return entry.pieces[0] as Uint8Array;
    // An entry is at most `largestWholeEntry` (the most `prepare` inflates whole), and so is this.
    if (joined.length < entry.length)
      joined = new Uint8Array(Math.max(entry.length, Math.min(joined.length * 2, largestWholeEntry)));
    let offset = 0;
    for (const piece of entry.pieces) {
      joined.set(piece, offset);
      offset += piece.length;
    }
    return joined.subarray(0, entry.length);
  };
}

/**
 * Inflates `data` natively; undefined once the output passes `most` bytes (inflating stops there).
 * The bytes are written into the stream, not piped from `new Blob([data]).stream()`: in Chromium
 * a Blob's stream is read back through the browser process, and the page's worker spent 1.8 s of
 * its 8.7 s inflating the medium batch so (CPU profile); written, 0.15 s, and the page's whole
 * aggregation went from 8.06 to 6.00 s (6 alternating pairs, chromium 156).
 */
async function inflateNatively(
  data: Uint8Array,
  most: number,
): Promise<{ pieces: Uint8Array[]; length: number } | undefined> {
  const stream = new DecompressionStream('deflate-raw');
  const writer = stream.writable.getWriter();
  // Failures surface in the reader; these promises settle with them.
  writer.write(data as Uint8Array<ArrayBuffer>).catch(() => {});
  writer.close().catch(() => {});
  const reader = stream.readable.getReader();
  const pieces: Uint8Array[] = [];
  let length = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return { pieces, length };
    length += value.length;
    if (length > most) {
      await reader.cancel();
      return undefined;
    }
    pieces.push(value);
  }
}

/**
 * fflate's inflater, for an entry not inflated ahead (the native inflater refused it: a stream
 * with bytes after its end, say): undefined once the output passes `most`, as `InflateRaw` says.
 */
function inflateBounded(data: Uint8Array, most: number): Uint8Array | undefined {
  const chunks: Uint8Array[] = [];
  let total = 0;
  const tooLarge = new Error('too large');
  try {
    const finished = inflateInSteps(data, (chunk) => {
      total += chunk.length;
      if (total > most) throw tooLarge;
      chunks.push(chunk.slice());
    });
    if (!finished) throw new Error('truncated deflate stream');
  } catch (error) {
    if (error === tooLarge) return undefined;
    throw error;
  }
  return concatBytes(chunks);
}

/** Whole-entry inflating ahead, or undefined where the platform has no native raw inflater. */
export function createInflateAhead(): InflateAhead | undefined {
  if (!takesDeflateRaw(globalThis.DecompressionStream)) return undefined;
  // By the zip's bytes, then the entry's offset in them: gone with the file's bytes.
  const ahead = new WeakMap<ArrayBufferLike, Map<number, AheadEntry>>();
  const join = createJoiner();
  return {
    async prepare(bytes, { maxInflatedBytes }) {
      if (!isZip(bytes)) return;
      try {
        const zip = readZipDirectory(bytes, maxInflatedBytes);
        const entries = ahead.get(bytes.buffer) ?? new Map<number, AheadEntry>();
        ahead.set(bytes.buffer, entries);
        let room = maxInflatedBytes;
        for (const entry of zip.entries.values()) {
          if (entry.method !== 8 || entry.encrypted) continue;
          const data = entryData(bytes, entry);
          // A corrupt entry is left to fflate, which says so in the reader's terms.
          const inflated = await inflateNatively(data, Math.min(room, largestWholeEntry)).catch(
            () => undefined,
          );
          // Past the budget (or the most a reader takes whole): the rest go the bounded way.
          if (!inflated) break;
          entries.set(data.byteOffset, { compressedLength: data.length, ...inflated });
          room -= inflated.length;
        }
      } catch {
        // Not a readable zip: the reader reports it.
      }
    },
    inflateRaw(compressed, maxOutputBytes) {
      const found = ahead.get(compressed.buffer)?.get(compressed.byteOffset);
      if (found?.compressedLength !== compressed.length) return inflateBounded(compressed, maxOutputBytes);
      return found.length > maxOutputBytes ? undefined : join(found);
    },
  };
}
