import { constants } from 'node:os';
import { enableHeapCollection } from './heap-guard.js';

// Things to undo when the process ends: spill folders, output locks. They run on 'exit' (which
// changes nothing about how the process behaves), and on stop signals only when the program
// opted in (`removeTemporariesOnExit`): a library never installs signal handlers by itself,
// because a handler changes what Ctrl+C does to the whole program.
const cleanups = new Set<() => void>();
let exitHooked = false;

/** Registers a synchronous clean-up run when the process exits; returns its unregistering. */
export function onProcessEnd(cleanup: () => void): () => void {
  cleanups.add(cleanup);
  if (!exitHooked) {
    exitHooked = true;
    process.once('exit', runCleanups);
  }
  return () => cleanups.delete(cleanup);
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
  for (const signal of stopSignals) process.on(signal, onStopSignal);
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
 * `removeTemporariesOnExit` and `enableHeapCollection`. A library embedding the aggregator calls
 * neither and keeps its own signal handling and V8 flags.
 */
export function takeOverProcess(): void {
  removeTemporariesOnExit();
  enableHeapCollection();
}
