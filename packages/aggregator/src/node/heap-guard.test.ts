import { constants, PerformanceObserver } from 'node:perf_hooks';
import { getHeapStatistics } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { createHeapGuard, enableHeapCollection } from './heap-guard.js';

describe('createHeapGuard', () => {
  // First in the file: vitest gives each file a fresh worker, so nothing has opted in yet.
  it('leaves V8 flags alone until the program opts in', () => {
    createHeapGuard().check();
    expect(runInNewContext('typeof gc')).toBe('undefined');
  });

  it('starts with a collection when asked to, and not otherwise', async () => {
    enableHeapCollection();
    const major = async (make: () => void) => {
      let count = 0;
      const observer = new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) {
          const kind = (entry as PerformanceEntry & { detail?: { kind?: number } }).detail?.kind;
          if (kind === constants.NODE_PERFORMANCE_GC_MAJOR) count++;
        }
      });
      observer.observe({ entryTypes: ['gc'] });
      make();
      await new Promise((resolve) => setTimeout(resolve, 50));
      observer.disconnect();
      return count;
    };
    expect(await major(() => createHeapGuard(undefined, { collectFirst: true }))).toBe(1);
    expect(await major(() => createHeapGuard(undefined, { collectFirst: false }))).toBe(0);
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
