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

/**
 * Finds the first row with the same key. Two keys are the same when both hashes agree (85 bits:
 * for a million rows a false match has odds below 10⁻¹⁴); a row whose first hash matches another
 * key's but whose second does not is kept apart. Rows' second hashes are read with `secondOf`.
 */
export class FirstRowIndex {
  private readonly byHash = new Map<number, number>();
  // Keys whose first hash collided with a different key: few, kept by both hashes.
  private readonly collided = new Map<string, number>();

  constructor(private readonly secondOf: (index: number) => number) {}

  /** The first row with this key, or undefined (and `index` becomes the first). */
  firstOrAdd(first: number, second: number, index: number): number | undefined {
    const found = this.byHash.get(first);
    if (found === undefined) {
      this.byHash.set(first, index);
      return undefined;
    }
    if (this.secondOf(found) === second) return found;
    const both = `${first}:${second}`;
    const earlier = this.collided.get(both);
    if (earlier !== undefined) return earlier;
    this.collided.set(both, index);
    return undefined;
  }

  clear(): void {
    this.byHash.clear();
    this.collided.clear();
  }
}
