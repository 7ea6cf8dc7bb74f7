import { getHeapStatistics } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { createHeapGuard } from './heap-guard.js';

describe('createHeapGuard', () => {
  it('collects once garbage passes the allowance, and not before', () => {
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
