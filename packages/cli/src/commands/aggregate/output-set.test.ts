import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { lockOutputFolder, recoverOutputSet } from '@jianshen/aggregator/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, repoRoot } from '../../../../../examples/test-support/ensure-built.js';
import { csvHead } from '../../../../aggregator/src/hostile/submission.js';
import { exited, outputsIn } from './cli-process.test-support.js';

// `jianshen aggregate` run as users run it (the built bin, its own process), killed with SIGKILL
// at several moments while it writes: --out must then hold the complete previous set or the
// complete new one, never report.json of one run beside the workbook of another.
const bin = join(repoRoot, 'packages', 'cli', 'bin', 'jianshen.js');
const scratch = mkdtempSync(join(tmpdir(), 'jianshen-output-set-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const posix = process.platform !== 'win32';
if (!posix) console.warn('Windows has no SIGKILL for child processes: the kill tests are skipped');

/** A county's CSV submission with `count` activities. */
function submission(folder: string, unit: string, count: number): string {
  mkdirSync(folder, { recursive: true });
  const lines = [...csvHead(`${unit}`)];
  for (let index = 0; index < count; index++) {
    const day = String((index % 28) + 1).padStart(2, '0');
    lines.push(
      `${index + 1},${unit}体育中心,健身活动第${index}场,公园教学${index},线下,2024-06-${day},郑雪,1391234${String(index % 10_000).padStart(4, '0')},`,
    );
  }
  const path = join(folder, `${unit}.csv`);
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
}

function aggregateSync(input: string, out: string) {
  return spawnSync(process.execPath, [bin, 'aggregate', input, '-o', out], { encoding: 'utf8' });
}

let oldInput = '';
let newInput = '';
let oldSet: Record<string, string> = {};
let newSet: Record<string, string> = {};

beforeAll(() => {
  ensureBuilt();
  oldInput = submission(join(scratch, 'old'), '翼城县体育局', 2_000);
  newInput = submission(join(scratch, 'new'), '侯马市体育局', 6_000);
  for (const [input, out] of [
    [oldInput, 'reference-old'],
    [newInput, 'reference-new'],
  ] as const) {
    const result = aggregateSync(input, join(scratch, out));
    expect(result.status, result.stderr).toBe(0);
  }
  oldSet = outputsIn(join(scratch, 'reference-old'));
  newSet = outputsIn(join(scratch, 'reference-new'));
  // report.json, the consolidated workbook, the issues workbook and CSV, the upward report.
  expect(Object.keys(oldSet)).toHaveLength(5);
  expect(Object.keys(newSet)).toEqual(Object.keys(oldSet));
}, 300_000);

describe('jianshen aggregate killed while it writes', () => {
  it.skipIf(!posix)(
    'leaves the complete old set or the complete new one, and the next run cleans up',
    async () => {
      const outcomes: string[] = [];
      // Milliseconds after the run starts writing (its first new entry appears in --out).
      for (const delay of [0, 20, 150, 500, 900, 1500, 3000, 6000, 12000]) {
        const out = join(scratch, `killed-${delay}`);
        cpSync(join(scratch, 'reference-old'), out, { recursive: true });
        const before = new Set(readdirSync(out));
        const child = spawn(process.execPath, [bin, 'aggregate', newInput, '-o', out], { stdio: 'ignore' });
        const ended = exited(child);
        let running = true;
        void ended.then(() => {
          running = false;
        });
        // Poll for the write phase: a staging folder or a temporary file appears in --out.
        while (running && readdirSync(out).every((name) => before.has(name) || name.endsWith('.lock'))) {
          await new Promise((resolve) => setTimeout(resolve, 1));
        }
        if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
        child.kill('SIGKILL');
        const { signal } = await ended;
        const journal = existsSync(join(out, '.jianshen-outputs.journal'));
        // Between the commit and the last rename (microseconds) the set is finished by recovery.
        if (journal) recoverOutputSet(out);
        const state = outputsIn(out);
        const which = JSON.stringify(state) === JSON.stringify(oldSet) ? 'old' : 'new';
        outcomes.push(`${delay} ms: ${signal ?? 'finished'}, ${which}${journal ? ' (recovered)' : ''}`);
        expect(state, `killed ${delay} ms into writing`).toEqual(which === 'old' ? oldSet : newSet);

        // The next run finds the dead run's lock, staging folder and temporaries, and removes them.
        const next = aggregateSync(newInput, out);
        expect(next.status, next.stderr).toBe(0);
        expect(outputsIn(out)).toEqual(newSet);
        expect(readdirSync(out).filter((name) => name.startsWith('.'))).toEqual(['.jianshen-outputs.json']);
      }
      console.log(`kill -9 while writing:\n  ${outcomes.join('\n  ')}`);
      // The kills landed inside the write: at least one left the old set (killed before the
      // commit); the late ones the new set.
      expect(outcomes.some((line) => line.includes('SIGKILL, old'))).toBe(true);
      expect(outcomes.some((line) => line.includes('new'))).toBe(true);
    },
    // Nine runs killed and nine clean-ups take ~3 min on an idle 2-core machine; room for a busy one.
    600_000,
  );
});

describe('two runs into the same --out', () => {
  it.skipIf(!posix)(
    'refuses the second while the first holds the folder, in Chinese',
    async () => {
      const out = join(scratch, 'held');
      mkdirSync(out);
      const lock = await lockOutputFolder(out);
      try {
        const second = aggregateSync(newInput, out);
        expect(second.status).toBe(2);
        expect(second.stderr).toContain(`正由另一个汇总进程（进程号 ${process.pid}）写入`);
        expect(readdirSync(out)).toEqual(['.jianshen-aggregate.lock']);
      } finally {
        lock.release();
      }
      expect(readdirSync(out)).toEqual([]);
    },
    60_000,
  );

  it.skipIf(!posix)(
    'takes over the lock of a process that is gone',
    () => {
      const out = join(scratch, 'stale');
      mkdirSync(out);
      const gone = spawnSync(process.execPath, ['-e', 'console.log(process.pid)'], { encoding: 'utf8' });
      const pid = Number(gone.stdout.trim());
      const host = JSON.parse(
        spawnSync(process.execPath, ['-e', 'console.log(JSON.stringify(require("os").hostname()))'], {
          encoding: 'utf8',
        }).stdout,
      );
      writeFileSync(join(out, '.jianshen-aggregate.lock'), JSON.stringify({ pid, host }));
      const run = aggregateSync(oldInput, out);
      expect(run.status, run.stderr).toBe(0);
      expect(outputsIn(out)).toEqual(oldSet);
      expect(existsSync(join(out, '.jianshen-aggregate.lock'))).toBe(false);
    },
    60_000,
  );

  it.skipIf(!posix)(
    'started together: one complete set, and a run that did not write says why',
    async () => {
      const out = join(scratch, 'together');
      const runs = [oldInput, newInput].map((input) => {
        const child = spawn(process.execPath, [bin, 'aggregate', input, '-o', out], {
          stdio: ['ignore', 'pipe', 'pipe'],
        });
        let stderr = '';
        child.stderr?.on('data', (chunk) => {
          stderr += chunk;
        });
        return exited(child).then(({ code }) => ({ code, stderr }));
      });
      const results = await Promise.all(runs);
      const state = outputsIn(out);
      expect([oldSet, newSet]).toContainEqual(state);
      for (const { code, stderr } of results) {
        if (code === 0) continue;
        expect(code).toBe(2);
        expect(stderr).toContain('正由另一个汇总进程');
      }
      expect(results.some(({ code }) => code === 0)).toBe(true);
    },
    120_000,
  );
});
