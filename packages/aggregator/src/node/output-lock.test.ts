import { type ChildProcessWithoutNullStreams, spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { lockOutputFolder, OutputLockedError, outputLockName } from './output-lock.js';

const scratch = mkdtempSync(join(tmpdir(), 'jianshen-output-lock-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

let folders = 0;
/** A fresh output folder holding a lock file with `content`, last written `ageMs` ago. */
function folderWithLock(content: string | Uint8Array, ageMs: number): string {
  const folder = mkdtempSync(join(scratch, `out-${folders++}-`));
  const path = join(folder, outputLockName);
  writeFileSync(path, content);
  const when = new Date(Date.now() - ageMs);
  utimesSync(path, when, when);
  return folder;
}

describe('a lock file that names no holder', () => {
  // What a run killed between creating the lock (O_EXCL) and writing its pid leaves: an empty
  // file. Nothing but deleting it by hand used to help: every later run waited, then refused.
  it('an empty lock left long ago is taken over', async () => {
    const folder = folderWithLock('', 60_000);
    const lock = await lockOutputFolder(folder, { waitMs: 500 });
    const holder = JSON.parse(readFileSync(join(folder, outputLockName), 'utf8')) as { pid: number };
    expect(holder.pid).toBe(process.pid);
    lock.release();
    expect(existsSync(join(folder, outputLockName))).toBe(false);
  });

  it('a lock of garbage bytes left long ago is taken over', async () => {
    const folder = folderWithLock(new Uint8Array([0xff, 0x00, 0x7b, 0x22, 0x9b, 0x1b]), 60_000);
    const lock = await lockOutputFolder(folder, { waitMs: 500 });
    lock.release();
  });

  it('an empty lock written a moment ago is being written by its creator: waited for, not taken', async () => {
    const folder = folderWithLock('', 0);
    const attempt = lockOutputFolder(folder, { waitMs: 300 });
    await expect(attempt).rejects.toBeInstanceOf(OutputLockedError);
    expect(readFileSync(join(folder, outputLockName), 'utf8')).toBe('');
  });
});

/** The pid of a process that has ended: what a lock left by `kill -9` names. */
function deadPid(): number {
  const ended = spawnSync(process.execPath, ['-e', '']);
  if (ended.pid === undefined) throw new Error('could not start node');
  return ended.pid;
}

const staleLock = () => JSON.stringify({ pid: deadPid(), host: hostname(), since: new Date().toISOString() });

describe('leftovers of runs killed mid take-over', () => {
  it('a stale lock renamed aside by a run killed before removing it is cleaned', async () => {
    const folder = folderWithLock(staleLock(), 0);
    const aside = join(folder, `${outputLockName}.${deadPid()}.stale`);
    writeFileSync(aside, staleLock());
    const lock = await lockOutputFolder(folder, { waitMs: 500 });
    expect(readdirSync(folder)).toEqual([outputLockName]);
    lock.release();
    expect(readdirSync(folder)).toEqual([]);
  });

  it('a claim whose holder died does not block the folder and is cleaned', async () => {
    const folder = folderWithLock(staleLock(), 0);
    // The claim of this very lock (its key as the lock computes it), left by a run killed mid take-over.
    const lockPath = join(folder, outputLockName);
    const info = statSync(lockPath);
    const content = readFileSync(lockPath, 'utf8');
    const key = createHash('sha256')
      .update(`${info.dev}:${info.ino}:${info.mtimeMs}:${content}`)
      .digest('hex')
      .slice(0, 24);
    const claimed = join(folder, `${outputLockName}.${key}.0.claim`);
    writeFileSync(claimed, JSON.stringify({ pid: deadPid(), host: hostname() }));
    writeFileSync(
      join(folder, `${outputLockName}.0123abcd.0.claim`),
      JSON.stringify({ pid: deadPid(), host: hostname() }),
    );
    const lock = await lockOutputFolder(folder, { waitMs: 500 });
    expect(readdirSync(folder)).toEqual([outputLockName]);
    lock.release();
  });

  it('the renamed lock of a living run is left alone', async () => {
    const folder = folderWithLock(staleLock(), 0);
    const living = join(folder, `${outputLockName}.${process.ppid}.stale`);
    writeFileSync(living, '');
    const lock = await lockOutputFolder(folder, { waitMs: 500 });
    expect(existsSync(living)).toBe(true);
    lock.release();
  });
});

const root = fileURLToPath(new URL('../../../../', import.meta.url));

/** A run in its own process, started once and told when and where to try the lock. */
function contender(directory: string): {
  child: ChildProcessWithoutNullStreams;
  next: () => Promise<string>;
} {
  const script = join(directory, 'contender.mjs');
  writeFileSync(
    script,
    `import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { createJiti } from ${JSON.stringify(join(root, 'node_modules/jiti/lib/jiti.mjs'))};
const jiti = createJiti(import.meta.url);
const { lockOutputFolder, outputLockName } = await jiti.import(${JSON.stringify(join(root, 'packages/aggregator/src/node/output-lock.ts'))});
console.log('ready');
for await (const line of createInterface({ input: process.stdin })) {
  const [folder, at] = JSON.parse(line);
  // Every contender starts at the same instant (a busy wait: a timer is too coarse to race).
  while (performance.timeOrigin + performance.now() < at) {}
  try {
    const lock = await lockOutputFolder(folder, { waitMs: 0 });
    await new Promise((resolve) => setTimeout(resolve, 150));
    let mine = false;
    try { mine = JSON.parse(readFileSync(folder + '/' + outputLockName, 'utf8')).pid === process.pid; } catch {}
    lock.release();
    console.log(JSON.stringify({ held: true, mine }));
  } catch (error) {
    console.log(JSON.stringify({ held: false, error: error.name }));
  }
}
`,
  );
  const child = spawn(process.execPath, [script], { stdio: ['pipe', 'pipe', 'pipe'] });
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  const next = async () => {
    const line = await lines.next();
    if (line.done) throw new Error('a contender ended early');
    return line.value;
  };
  return { child, next };
}

describe('many runs finding one stale lock at once', () => {
  // Probe of issue 15: a run that judged the lock stale a moment late renamed away the lock
  // another run had just taken over, and both wrote one --out (3 rounds in 30 with 8 runs).
  it('exactly one takes it over and keeps it; the others refuse', async () => {
    const directory = mkdtempSync(join(scratch, 'race-'));
    const contenders = Array.from({ length: 6 }, () => contender(directory));
    try {
      expect(await Promise.all(contenders.map(({ next }) => next()))).toEqual(contenders.map(() => 'ready'));
      for (let round = 0; round < 30; round++) {
        const folder = folderWithLock(staleLock(), 0);
        const at = Date.now() + 30;
        const results = await Promise.all(
          contenders.map(({ child, next }) => {
            const result = next();
            child.stdin.write(`${JSON.stringify([folder, at])}\n`);
            return result;
          }),
        );
        const outcomes = results.map((line) => JSON.parse(line) as { held: boolean; mine?: boolean });
        expect(
          outcomes.filter((outcome) => outcome.held),
          `round ${round}`,
        ).toEqual([{ held: true, mine: true }]);
        expect(readdirSync(folder), `round ${round}`).toEqual([]);
      }
    } finally {
      for (const { child } of contenders) child.kill();
    }
  }, 120_000);
});
