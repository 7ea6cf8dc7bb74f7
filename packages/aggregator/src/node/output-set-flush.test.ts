import type * as fs from 'node:fs';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { replaceOutputSet } from './output-set.js';

// Each file's flush, held until released (or failed) by the test: `fsync` as the thread pool runs it.
const flushes = vi.hoisted(() => ({
  hold: false,
  fail: false,
  waiting: [] as (() => void)[],
  order: [] as string[],
}));
vi.mock('node:fs', async (original) => {
  const actual = await original<typeof fs>();
  const fsync = ((descriptor: number, done: (error: Error | null) => void) => {
    flushes.order.push(`flush ${descriptor}`);
    const finish = () =>
      flushes.fail ? done(Object.assign(new Error('EIO: i/o error, fsync'), { code: 'EIO' })) : done(null);
    if (flushes.hold) flushes.waiting.push(finish);
    else setImmediate(finish);
  }) as typeof actual.fsync;
  return { ...actual, fsync, default: { ...actual, fsync } };
});

const scratch = mkdtempSync(join(tmpdir(), 'jianshen-output-flush-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
afterEach(() => {
  Object.assign(flushes, { hold: false, fail: false, waiting: [], order: [] });
});

const output = (name: string, text: string, options: { delayMs?: number } = {}) => ({
  name,
  write: async (sink: (chunk: Uint8Array) => void) => {
    if (options.delayMs) await new Promise((resolve) => setTimeout(resolve, options.delayMs));
    flushes.order.push(`write ${name}`);
    sink(new TextEncoder().encode(text));
  },
});

function folderWithOldSet(name: string): string {
  const folder = join(scratch, name);
  mkdirSync(folder);
  writeFileSync(join(folder, 'a.txt'), 'old a');
  return folder;
}

describe('outputs flushed to disk while the next is written', () => {
  it('writes the next output before the last flush ends, and commits only once all have', async () => {
    const folder = folderWithOldSet('held');
    flushes.hold = true;
    const replacing = replaceOutputSet(folder, [output('a.txt', 'new a'), output('b.txt', 'new b')]);
    await vi.waitFor(() => expect(flushes.waiting).toHaveLength(2));
    expect(flushes.order.map((step) => step.split(' ')[0])).toEqual(['write', 'flush', 'write', 'flush']);
    // Nothing is committed while a flush is under way.
    expect(readFileSync(join(folder, 'a.txt'), 'utf8')).toBe('old a');
    for (const finish of flushes.waiting) finish();
    await replacing;
    expect(readFileSync(join(folder, 'a.txt'), 'utf8')).toBe('new a');
    expect(readFileSync(join(folder, 'b.txt'), 'utf8')).toBe('new b');
  });

  it('leaves the old set and no staging folder when a flush fails while the next is written', async () => {
    const folder = folderWithOldSet('failed');
    flushes.fail = true;
    // a.txt's flush fails while b.txt is still being made: the failure must wait for the set, never unhandled.
    await expect(
      replaceOutputSet(folder, [output('a.txt', 'new a'), output('b.txt', 'new b', { delayMs: 20 })]),
    ).rejects.toThrow(/EIO/);
    expect(readdirSync(folder)).toEqual(['a.txt']);
    expect(readFileSync(join(folder, 'a.txt'), 'utf8')).toBe('old a');
  });
});
