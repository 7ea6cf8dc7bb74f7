import type { DateRange } from '@jianshen/schema';
import { normalizeLabel } from '../table/labels.js';

/** What makes two rows the same activity: organiser, name and dates, as a clerk would compare them. */
export function duplicateKey(values: Record<string, unknown>): string {
  const date = values.date as DateRange | undefined;
  const clean = (value: unknown) => normalizeLabel(typeof value === 'string' ? value : '');
  return [clean(values.organizer), clean(values.name), date?.start ?? '', date?.end ?? ''].join('\u0000');
}

/** The two hashes rows are compared by (computed where the row is read, a worker thread too). */
export function duplicateKeyHashes(values: Record<string, unknown>): readonly [number, number] {
  const key = duplicateKey(values);
  return [hash53(key), hash32(key)];
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
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507);
  h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507);
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/** A second, independent 32-bit hash of the same text (a different seed, folded). */
export function hash32(text: string): number {
  return hash53(text, 0x9e3779b9) | 0;
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
