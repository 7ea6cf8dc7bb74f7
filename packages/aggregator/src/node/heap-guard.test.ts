import { setTimeout as sleep } from 'node:timers/promises';
import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { createHeapGuard, enableHeapCollection, useBaselineWebAssembly } from './heap-guard.js';

describe('createHeapGuard', () => {
  // First in the file: vitest gives each file a fresh worker, so nothing has opted in yet.
  it('leaves V8 flags alone until the program opts in', () => {
    createHeapGuard().check();
    expect(runInNewContext('typeof gc')).toBe('undefined');
  });

  it('collects once garbage passes the allowance, and not before', () => {
    enableHeapCollection();
    const allowance = 16 * 1024 * 1024;
    const guard = createHeapGuard(allowance);
    const start = getHeapStatistics().used_heap_size;
    guard.check();
    // Well under the allowance: nothing is collected, the garbage stays counted.
    let garbage: unknown[] | undefined = Array.from({ length: 10_000 }, (_, index) => ({ index }));
    garbage = undefined;
    // Far over it: strings that survive long enough to reach the old generation, then are dropped.
    let kept: string[] | undefined = [];
    for (let index = 0; index < 400_000; index++) kept.push(`活动${index}`.repeat(8));
    kept = undefined;
    const before = getHeapStatistics().used_heap_size;
    expect(before - start).toBeGreaterThan(allowance);
    guard.check();
    expect(getHeapStatistics().used_heap_size).toBeLessThan(before - allowance / 2);
    expect(garbage).toBeUndefined();
    expect(kept).toBeUndefined();
  });
});

describe('useBaselineWebAssembly', () => {
  /** (func (export "next") (param i32) (result i32) local.get 0 i32.const 1 i32.add) */
  const addOne = new Uint8Array([
    0, 97, 115, 109, 1, 0, 0, 0, 1, 6, 1, 96, 1, 127, 1, 127, 3, 2, 1, 0, 7, 8, 1, 4, 110, 101, 120, 116, 0,
    0, 10, 9, 1, 7, 0, 32, 0, 65, 1, 106, 11,
  ]);

  it('keeps a hot WebAssembly function on the baseline compiler', async () => {
    useBaselineWebAssembly();
    setFlagsFromString('--allow-natives-syntax');
    const { instance } = await WebAssembly.instantiate(addOne);
    const next = instance.exports.next as (value: number) => number;
    let value = 0;
    // Hot enough for V8 to compile it again with TurboFan, on a background thread, by default.
    for (let round = 0; round < 2; round++) {
      for (let call = 0; call < 3_000_000; call++) value = next(value);
      await sleep(200);
    }
    expect(value).toBe(6_000_000);
    const isLiftoff = new Function('f', 'return %IsLiftoffFunction(f)') as (f: unknown) => boolean;
    expect(isLiftoff(next)).toBe(true);
  });
});
