import { type ChildProcess, spawn } from 'node:child_process';
import { constants } from 'node:os';
import { enableHeapCollection } from './heap-guard.js';
import { reaperScript } from './reaper-script.js';
import { inlineSmallFunctionsOnly, useBaselineWebAssembly } from './v8-flags.js';

// Things to undo when the process ends: spill folders, output locks. They run on 'exit' (which
// changes nothing about how the process behaves), and on stop signals only when the program
// opted in (`removeTemporariesOnExit`): a library never installs signal handlers by itself,
// because a handler changes what Ctrl+C does to the whole program.
const cleanups = new Set<() => void>();
let exitHooked = false;

/** What a clean-up removes, for the reaper to remove should the process end without running it. */
export interface Leftover {
  path: string;
  /** A lock file: removed only while it still names this process (another run may hold it since). */
  lock?: boolean;
}

/**
 * Registers a synchronous clean-up run when the process exits; returns its unregistering. Given
 * what it removes, the reaper (see `takeOverProcess`) removes it too if the process is killed.
 */
export function onProcessEnd(cleanup: () => void, leftover?: Leftover): () => void {
  cleanups.add(cleanup);
  if (!exitHooked) {
    exitHooked = true;
    process.once('exit', runCleanups);
  }
  if (leftover) tellReaper({ add: leftover.path, lock: leftover.lock === true });
  return () => {
    cleanups.delete(cleanup);
    if (leftover) tellReaper({ forget: leftover.path });
  };
}

let reaperWanted = false;
let reaper: ChildProcess | undefined;

/**
 * A small process that outlives this one: it is told each spill and lock as they are made and
 * forgotten, and when this process ends (its pipe closes: a normal exit, SIGTERM, even kill -9)
 * it removes what is still listed. It runs in its own process group, so the Ctrl+C of a terminal
 * does not reach it. Started only by a program that takes over its process, at its first leftover.
 */
function tellReaper(message: { add: string; lock: boolean } | { forget: string }): void {
  if (!reaperWanted) return;
  try {
    reaper ??= startReaper();
    reaper.stdin?.write(`${JSON.stringify(message)}\n`);
  } catch {
    // No reaper (no process could be started): the next run removes what a killed one left.
  }
}

function startReaper(): ChildProcess {
  const child = spawn(process.execPath, ['-e', reaperScript, String(process.pid)], {
    stdio: ['pipe', 'ignore', 'ignore'],
    detached: true,
    env: {},
  });
  child.on('error', () => {});
  child.stdin?.on('error', () => {});
  // Neither the process nor its pipe keeps this one alive.
  child.unref();
  (child.stdin as unknown as { unref?: () => void } | null)?.unref?.();
  return child;
}

function runCleanups(): void {
  for (const cleanup of [...cleanups]) {
    try {
      cleanup();
    } catch {
      // One failed clean-up (a folder already gone) must not keep the others from running.
    }
  }
  cleanups.clear();
}

let installed = false;
const stopSignals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

function onStopSignal(signal: NodeJS.Signals): void {
  runCleanups();
  // Ctrl+C always stops the program, whoever else listens: 128 + the signal's number, as a shell
  // reports a process ended by it (130 for Ctrl+C).
  process.exit(128 + (constants.signals[signal] ?? 0));
}

/**
 * For programs (the `jianshen` CLI): on Ctrl+C, SIGTERM and SIGHUP, removes every row spill and
 * releases every output lock this process holds, then ends the process with 128 + the signal's
 * number, whoever else listens. Without it a signal ends the process as the program decides, and
 * what a killed process left is removed by the next run instead. Idempotent.
 */
export function removeTemporariesOnExit(): void {
  if (installed) return;
  installed = true;
  reaperWanted = true;
  for (const signal of stopSignals) process.on(signal, onStopSignal);
}

/**
 * Runs plugin code (`run` stuck in a loop is stopped by its caller's watchdog) so that a stop
 * signal still stops the program. A signal handler cannot run while the main thread loops:
 * Ctrl+C (SIGINT) is caught by node:vm's `breakOnSigint` (see bounded-runner.ts), but nothing in
 * Node catches SIGTERM or SIGHUP then. So while plugin code runs, our handlers for them are taken
 * off and the signal has its default effect: the process ends at once, and the reaper removes
 * the spill and the lock. The output set is replaced as one set, so it is the previous one whole.
 */
export function whilePluginCodeRuns(run: () => void): void {
  if (!installed) {
    run();
    return;
  }
  for (const signal of defaultWhileBounded) process.off(signal, onStopSignal);
  try {
    run();
  } finally {
    for (const signal of defaultWhileBounded) process.on(signal, onStopSignal);
  }
}

const defaultWhileBounded = ['SIGTERM', 'SIGHUP'] as const;

/**
 * Ctrl+C arrived while plugin code ran (node:vm interrupted it): what the signal would have done
 * had the code returned. The program's handlers run now (ours cleans up and exits with 130);
 * without any, the signal is raised again and ends the process as by default.
 */
export function interruptedBySigint(): void {
  if (process.listenerCount('SIGINT') > 0) process.emit('SIGINT', 'SIGINT');
  else process.kill(process.pid, 'SIGINT');
}

/** Whether the process with this id is still running (EPERM: it runs, under another user). */
export function processAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Everything a program that owns its process (the `jianshen` CLI) opts into, in one call:
 * `removeTemporariesOnExit`, `enableHeapCollection`, `useBaselineWebAssembly` and
 * `inlineSmallFunctionsOnly`. A library embedding the aggregator calls none and keeps its own
 * signal handling and V8 flags.
 */
export function takeOverProcess(): void {
  removeTemporariesOnExit();
  enableHeapCollection();
  useBaselineWebAssembly();
  inlineSmallFunctionsOnly();
}
