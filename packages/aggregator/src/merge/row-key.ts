import type { DateRange } from '@jianshen/schema';
import { normalizeLabel } from '../table/labels.js';

/** The seed of the second hash. */
const secondSeed = 0x9e3779b9;

/** What makes two rows the same activity: organiser, name and dates, as a clerk would compare them. */
export function duplicateKey(values: Record<string, unknown>): string {
  const date = values.date as DateRange | undefined;
  const organizer = cleanKeyPart(values.organizer);
  const name = cleanKeyPart(values.name);
  // Joined by a template, not an array's join: one array fewer per row.
  return `${organizer}\u0000${name}\u0000${date?.start ?? ''}\u0000${date?.end ?? ''}`;
}

function cleanKeyPart(value: unknown): string {
  return normalizeLabel(typeof value === 'string' ? value : '');
}

/**
 * The two hashes rows are compared by (computed where the row is read, a worker thread too):
 * `[hash53(key), hash53(key, second seed) | 0]`, both made in one pass over the key.
 */
export function duplicateKeyHashes(values: Record<string, unknown>): readonly [number, number] {
  return hashPair(duplicateKey(values));
}

/** `[hash53(text), hash53(text, secondSeed) | 0]` in one loop: the same arithmetic, two seeds side by side. */
export function hashPair(text: string): [number, number] {
  let a1 = 0xdeadbeef;
  let a2 = 0x41c6ce57;
  let b1 = 0xdeadbeef ^ secondSeed;
  let b2 = 0x41c6ce57 ^ secondSeed;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    a1 = Math.imul(a1 ^ code, 2654435761);
    a2 = Math.imul(a2 ^ code, 1597334677);
    b1 = Math.imul(b1 ^ code, 2654435761);
    b2 = Math.imul(b2 ^ code, 1597334677);
  }
  return [finish53(a1, a2), finish53(b1, b2) | 0];
}

/** cyrb53's final mixing of its two lanes into 53 bits. */
function finish53(first: number, second: number): number {
  let h1 = first;
  let h2 = second;
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507);
  h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507);
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/**
 * A 53-bit hash of a text (cyrb53): rows are compared for duplicates by two independent hashes
 * of their key instead of by the key's text, so a country's worth of keys costs a few bytes each.
 */
export function hash53(text: string, seed = 0): number {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    h1 = Math.imul(h1 ^ code, 2654435761);
    h2 = Math.imul(h2 ^ code, 1597334677);
  }
  return finish53(h1, h2);
}

/** Reads a stored row's two hashes by its index (the merge keeps them in typed columns). */
export interface RowKeyColumns {
  firstOf(index: number): number;
  secondOf(index: number): number;
}

// Slots per row kept at least twice the rows, so a probe ends after one or two steps.
const initialSlots = 1 << 12;

/**
 * Finds the first row with the same key. Two keys are the same when both hashes agree (85 bits:
 * for a million rows a false match has odds below 10⁻¹⁴); a row whose first hash matches another
 * key's but whose second does not is kept apart. An open-addressing table of row numbers over the
 * merge's own columns: 4–8 bytes a row, where a Map keyed by 53-bit numbers boxed each key (and
 * took ~1 µs a row: 95 ms of the medium bench batch's 96,000 rows).
 */
export class FirstRowIndex {
  // Row index + 1 per slot; 0 is an empty slot.
  private slots = new Int32Array(initialSlots);
  private size = 0;

  /** `columns` must hold a row's hashes before the row is added. */
  constructor(private readonly columns: RowKeyColumns) {}

  /** The first row with this key, or undefined (and `index` becomes the first). */
  firstOrAdd(first: number, second: number, index: number): number | undefined {
    const mask = this.slots.length - 1;
    // The low 32 bits of the 53-bit hash pick the slot (ToUint32 keeps them exactly).
    for (let slot = (first >>> 0) & mask; ; slot = (slot + 1) & mask) {
      const held = this.slots[slot] as number;
      if (held === 0) {
        this.slots[slot] = index + 1;
        if (++this.size * 2 > this.slots.length) this.grow();
        return undefined;
      }
      const row = held - 1;
      if (this.columns.firstOf(row) === first && this.columns.secondOf(row) === second) return row;
    }
  }

  clear(): void {
    this.slots = new Int32Array(initialSlots);
    this.size = 0;
  }

  private grow(): void {
    const old = this.slots;
    this.slots = new Int32Array(old.length * 2);
    const mask = this.slots.length - 1;
    for (const held of old) {
      if (held === 0) continue;
      let slot = (this.columns.firstOf(held - 1) >>> 0) & mask;
      while (this.slots[slot] !== 0) slot = (slot + 1) & mask;
      this.slots[slot] = held;
    }
  }
}
