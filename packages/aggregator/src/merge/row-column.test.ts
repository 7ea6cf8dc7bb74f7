import { describe, expect, it } from 'vitest';
import { bytes, doubles, integers } from './row-column.js';

describe('RowColumn', () => {
  it('keeps values across chunk boundaries and reports its length', () => {
    const column = integers();
    for (let index = 0; index < 200_000; index++) expect(column.push(index * 3)).toBe(index);
    expect(column.length).toBe(200_000);
    expect(column.get(0)).toBe(0);
    expect(column.get(65_535)).toBe(196_605);
    expect(column.get(65_536)).toBe(196_608);
    expect(column.get(199_999)).toBe(599_997);
    column.set(65_536, -1);
    expect(column.get(65_536)).toBe(-1);
  });

  it('holds the kind of number its array holds', () => {
    const status = bytes();
    status.push(3);
    expect(status.get(0)).toBe(3);
    const hashes = doubles();
    hashes.push(2 ** 52 + 1);
    expect(hashes.get(0)).toBe(2 ** 52 + 1);
  });

  it('ignores writes past its length and reads 0 there', () => {
    const column = integers();
    column.push(5);
    column.set(10, 9);
    expect(column.get(10)).toBe(0);
    expect(column.length).toBe(1);
  });
});
