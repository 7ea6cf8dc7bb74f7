import { createHash } from 'node:crypto';
import {
  closeSync,
  fstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeSync,
} from 'node:fs';
import { hostname } from 'node:os';
import { dirname, join } from 'node:path';
import { defaultLang, type Lang, renderMessage } from '@jianshen/schema';
import { outputWriteError } from './output-write-error.js';
import { onProcessEnd, processAlive } from './process-cleanup.js';

/** The lock file an aggregation holds in its output folder while it writes there. */
export const outputLockName = '.jianshen-aggregate.lock';

export interface OutputLockOptions {
  /** How long to wait for another run to finish before refusing (default 3 s). */
  waitMs?: number;
  lang?: Lang;
}

export interface OutputLock {
  /** Removes the lock file (idempotent). */
  release(): void;
}

/** Thrown when another living process holds the output folder. */
export class OutputLockedError extends Error {
  override readonly name = 'OutputLockedError';
  constructor(
    message: string,
    readonly holder: number,
  ) {
    super(message);
  }
}

interface Holder {
  pid: number;
  host: string;
}

function readHolder(path: string): Holder | undefined {
  try {
    return parseHolder(readFileSync(path, 'utf8'));
  } catch {
    return undefined;
  }
}

/** Creates the lock file only if there is none (O_EXCL): of two runs, exactly one succeeds. */
function tryCreate(path: string): boolean {
  let descriptor: number;
  try {
    descriptor = openSync(path, 'wx', 0o644);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
  try {
    writeSync(
      descriptor,
      JSON.stringify({ pid: process.pid, host: hostname(), since: new Date().toISOString() }),
    );
  } catch (error) {
    // A full disk: an empty lock left here would hold the folder for the next run.
    rmSync(path, { force: true });
    throw error;
  } finally {
    closeSync(descriptor);
  }
  return true;
}

// A lock's creator writes its pid right after creating it (microseconds): a lock still without a
// readable holder this long after it was last written was left by a run killed in between (or
// garbled), and would otherwise block the folder until someone deletes it by hand.
const unreadableGraceMs = 2000;

/** What the lock file is at one moment: its identity (this very file, these bytes) and holder. */
interface LockSnapshot {
  /**
   * Device, inode, mtime and content, hashed: a lock written later (even into a reused inode) has
   * another pid or `since`, so an equal key means the very lock a run judged stale is still there.
   */
  key: string;
  holder: Holder | undefined;
  mtimeMs: number;
}

function parseHolder(content: string): Holder | undefined {
  try {
    const parsed = JSON.parse(content) as Partial<Holder>;
    return typeof parsed.pid === 'number' ? { pid: parsed.pid, host: String(parsed.host ?? '') } : undefined;
  } catch {
    return undefined;
  }
}

/** The lock at `path` now, read through one descriptor (stat and bytes of the same file), or undefined. */
function snapshot(path: string): LockSnapshot | undefined {
  let descriptor: number;
  try {
    descriptor = openSync(path, 'r');
  } catch {
    return undefined;
  }
  try {
    const info = fstatSync(descriptor);
    const content = readFileSync(descriptor, 'utf8');
    const key = createHash('sha256')
      .update(`${info.dev}:${info.ino}:${info.mtimeMs}:${content}`)
      .digest('hex')
      .slice(0, 24);
    return { key, holder: parseHolder(content), mtimeMs: info.mtimeMs };
  } catch {
    return undefined;
  } finally {
    closeSync(descriptor);
  }
}

/**
 * A holder that is certainly gone: on this host and no longer running. A lock written on another
 * host (a shared network folder) cannot be checked and is never taken over; one without a readable
 * holder is abandoned once nobody has written it for `unreadableGraceMs`.
 */
function holderGone(holder: Holder | undefined, mtimeMs: number): boolean {
  if (holder) return holder.host === hostname() && !processAlive(holder.pid);
  return Date.now() - mtimeMs > unreadableGraceMs;
}

/** Writes our pid into a new file (O_EXCL); false if it exists. */
function createHeld(path: string): boolean {
  try {
    return tryCreate(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
}

// Claims are held for microseconds; a chain this long means something else is wrong: wait instead.
const maxClaimGenerations = 64;

/**
 * The right to remove the stale lock `key`: a claim file made with O_EXCL, so of every run that
 * found that lock stale exactly one holds it. A claim whose own holder died (killed mid take-over)
 * is stepped over to the next generation, so the folder is never blocked for good. Returns the
 * claim files to remove afterwards, or undefined when a living run holds the claim.
 */
function claimStaleLock(path: string, key: string): string[] | undefined {
  const passed: string[] = [];
  for (let generation = 0; generation < maxClaimGenerations; generation++) {
    const claim = `${path}.${key}.${generation}.claim`;
    passed.push(claim);
    if (createHeld(claim)) return passed;
    const seen = snapshot(claim);
    if (seen && !holderGone(seen.holder, seen.mtimeMs)) return undefined;
  }
  return undefined;
}

/**
 * A lock whose holder is gone (killed with `kill -9`, the machine restarted) is taken over. Renaming
 * it aside was not enough: a run that judged the lock stale a moment late renamed away the lock
 * another run had just taken over, and both wrote one --out (probe of issue 15). Now the taker
 * first claims that very lock (`claimStaleLock`), then checks under the claim that the lock is
 * still the one it judged (same key) before removing it: only the claim's holder may remove a lock
 * with that key, and its own holder is dead, so nothing can replace it between check and removal.
 */
function takeOverIfStale(path: string): boolean {
  const seen = snapshot(path);
  if (!seen) return true;
  if (!holderGone(seen.holder, seen.mtimeMs)) return false;
  const claims = claimStaleLock(path, seen.key);
  if (!claims) return false;
  try {
    if (snapshot(path)?.key === seen.key) rmSync(path, { force: true });
  } finally {
    // Later claimants of this key find the lock gone or replaced, and stand down.
    for (const claim of claims) rmSync(claim, { force: true });
  }
  return true;
}

/** What a take-over left beside the lock: a run killed mid take-over, or an older version's rename. */
const leftoverPattern = /^\.jianshen-aggregate\.lock\.(?:(\d+)\.stale|[0-9a-f]+\.\d+\.claim)$/;

/**
 * Removes the leftovers of runs killed mid take-over: `<lock>.<pid>.stale` (the renamed lock of an
 * older version, killed between rename and remove) and claims whose holder is gone. Run while we
 * hold the lock, so no claim here can concern it. Best effort: a leftover only costs a file.
 */
function removeLeftovers(directory: string): void {
  let names: string[];
  try {
    names = readdirSync(directory);
  } catch {
    return;
  }
  for (const name of names) {
    const match = leftoverPattern.exec(name);
    if (!match) continue;
    const path = join(directory, name);
    const seen = match[1] ? undefined : snapshot(path);
    const gone = match[1]
      ? !processAlive(Number(match[1]))
      : seen !== undefined && holderGone(seen.holder, seen.mtimeMs);
    if (gone) rmSync(path, { force: true });
  }
}

/** `tryCreate` in a folder made if missing; a system refusal (full disk, no permission) said plainly. */
function createOrExplain(path: string, lang: Lang | undefined): boolean {
  try {
    mkdirSync(dirname(path), { recursive: true });
    return tryCreate(path);
  } catch (error) {
    throw outputWriteError(error, dirname(path), lang);
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Takes the output folder for this process. A second run into the same folder waits up to
 * `waitMs` for the first, then refuses with a message naming the holder; it never writes beside it.
 */
export async function lockOutputFolder(
  directory: string,
  options: OutputLockOptions = {},
): Promise<OutputLock> {
  const path = join(directory, outputLockName);
  const deadline = Date.now() + (options.waitMs ?? 3000);
  for (;;) {
    if (createOrExplain(path, options.lang)) {
      removeLeftovers(directory);
      break;
    }
    if (takeOverIfStale(path)) continue;
    if (Date.now() >= deadline) {
      const pid = readHolder(path)?.pid ?? 0;
      const data = { dir: directory, pid, lock: path };
      const message = renderMessage({ code: 'output-locked', data }, options.lang ?? defaultLang);
      throw new OutputLockedError(message, pid);
    }
    await sleep(100);
  }
  let held = true;
  const release = () => {
    if (!held) return;
    held = false;
    forget();
    // Remove only our own lock: a lock another run took over after a long pause is theirs.
    if (readHolder(path)?.pid === process.pid) rmSync(path, { force: true });
  };
  const forget = onProcessEnd(release, { path, lock: true });
  return { release };
}
