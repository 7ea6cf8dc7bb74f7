import { describe, expect, it } from 'vitest';
import { FirstRowIndex, hash53, hashPair } from './row-key.js';

/** hashPair's second hash, made the slow way: hash53 with the second seed, folded to 32 bits. */
const hash32 = (text: string) => hash53(text, 0x9e3779b9) | 0;

describe('hash53 / hash32', () => {
  it('are stable, differ between texts and from each other', () => {
    expect(hash53('临汾市尧都区体育局\u0000健步走')).toBe(hash53('临汾市尧都区体育局\u0000健步走'));
    expect(hash53('a')).not.toBe(hash53('b'));
    expect(hash32('a')).not.toBe(hash53('a') | 0);
    expect(Number.isSafeInteger(hash53('任何文字'))).toBe(true);
  });

  it('are what hashPair makes in one pass', () => {
    for (const text of [
      '',
      'a',
      '临汾市尧都区体育局\u0000健步走\u00002024-06-01\u00002024-06-01',
      '😀x'.repeat(40),
    ]) {
      expect(hashPair(text)).toEqual([hash53(text), hash32(text)]);
    }
  });

  it('do not collide over 200,000 distinct activity keys', () => {
    const seen = new Set<number>();
    for (let index = 0; index < 200_000; index++) seen.add(hash53(`单位${index % 97}\u0000活动${index}`));
    expect(seen.size).toBe(200_000);
  });
});

function columns(firsts: number[], seconds: number[]) {
  return { firstOf: (row: number) => firsts[row] ?? 0, secondOf: (row: number) => seconds[row] ?? 0 };
}

describe('FirstRowIndex', () => {
  it('answers the first row with the same key and undefined for a new one', () => {
    const firsts = [100, 200, 100];
    const seconds = [11, 22, 11];
    const index = new FirstRowIndex(columns(firsts, seconds));
    expect(index.firstOrAdd(100, 11, 0)).toBeUndefined();
    expect(index.firstOrAdd(200, 22, 1)).toBeUndefined();
    expect(index.firstOrAdd(100, 11, 2)).toBe(0);
  });

  it('keeps apart two keys whose first hashes collide, and still finds repeats of each', () => {
    // Rows 0 and 1 share the first hash but not the second: different keys. Row 2 repeats row 1.
    const seconds = [1, 2, 2, 1];
    const index = new FirstRowIndex(columns([7, 7, 7, 7], seconds));
    expect(index.firstOrAdd(7, 1, 0)).toBeUndefined();
    expect(index.firstOrAdd(7, 2, 1)).toBeUndefined();
    expect(index.firstOrAdd(7, 2, 2)).toBe(1);
    expect(index.firstOrAdd(7, 1, 3)).toBe(0);
  });

  it('answers as a map of both hashes over 100,000 rows, across growth and clear', () => {
    const firsts: number[] = [];
    const seconds: number[] = [];
    const index = new FirstRowIndex(columns(firsts, seconds));
    for (let round = 0; round < 2; round++) {
      const expected = new Map<string, number>();
      const wrong: number[] = [];
      firsts.length = 0;
      seconds.length = 0;
      for (let row = 0; row < 100_000; row++) {
        // Keys repeat, and many share the low bits of the first hash or the whole first hash.
        const key = (row * 7919) % 60_000;
        const first = hash53(`k${key % 50_000}`) + (key >= 50_000 ? 2 ** 32 * 5 : 0);
        const second = key % 3;
        firsts.push(first);
        seconds.push(second);
        const both = `${first}:${second}`;
        if (index.firstOrAdd(first, second, row) !== expected.get(both)) wrong.push(row);
        if (!expected.has(both)) expected.set(both, row);
      }
      expect(wrong).toEqual([]);
      index.clear();
    }
  });
});
