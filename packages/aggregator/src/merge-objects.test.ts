import { setFlagsFromString } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { mergeObjects } from './merge-objects.js';

setFlagsFromString('--allow-natives-syntax');
const haveSameMap = new Function('a', 'b', 'return %HaveSameMap(a, b)') as (a: object, b: object) => boolean;

describe('mergeObjects', () => {
  it('makes what the spread makes: the same properties, in the same order, later parts winning', () => {
    const at = { path: 'a.xlsx', sheet: '附件' };
    const found = { code: 'required', severity: 'error', field: 'name', sheet: '附件2' };
    const merged = mergeObjects(at, { row: 7 }, found);
    expect(merged).toEqual({ ...at, row: 7, ...found });
    expect(Object.keys(merged)).toEqual(Object.keys({ ...at, row: 7, ...found }));
    expect(JSON.stringify(mergeObjects(found, { sheet: '附件' }))).toBe(
      JSON.stringify({ ...found, sheet: '附件' }),
    );
  });

  it('gives objects made of the same parts one hidden class', () => {
    const issues = Array.from({ length: 50 }, (_, row) => ({ code: 'required', severity: 'error', row }));
    const made = issues.map((found) => mergeObjects(found, { sheet: '附件' }));
    expect(made.every((issue) => haveSameMap(issue, made[0] as object))).toBe(true);
  });
});
