import {
  closeSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
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
    const parsed = JSON.parse(readFileSync(path, 'utf8')) as Partial<Holder>;
    return typeof parsed.pid === 'number' ? { pid: parsed.pid, host: String(parsed.host ?? '') } : undefined;
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

/** An empty or garbled lock file that nobody has written for `unreadableGraceMs`. */
function abandonedUnreadable(path: string): boolean {
  try {
    return Date.now() - statSync(path).mtimeMs > unreadableGraceMs;
  } catch {
    return false;
  }
}

/**
 * A lock whose holder is gone (killed with `kill -9`, the machine restarted) is taken over. The
 * lock is first renamed to a name of our own: of two runs that find the same stale lock, only one
 * rename succeeds, so they cannot both remove it and both go on. A lock written on another host
 * (a shared network folder) cannot be checked and is never taken over.
 */
function takeOverIfStale(path: string): boolean {
  const holder = readHolder(path);
  if (holder ? holder.host !== hostname() || processAlive(holder.pid) : !abandonedUnreadable(path)) {
    return false;
  }
  const aside = `${path}.${process.pid}.stale`;
  try {
    renameSync(path, aside);
  } catch {
    return false;
  }
  rmSync(aside, { force: true });
  return true;
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
    if (createOrExplain(path, options.lang)) break;
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
