import { createContext, Script } from 'node:vm';
import { type BoundedRunner, RuleTimeoutError } from '../report.js';
import { interruptedBySigint, whilePluginCodeRuns } from './process-cleanup.js';

// One context and one compiled call, reused: each bounded run costs one watchdog thread
// (~0.2 ms), which is why rules run in batches of rows under one bound, not per row.
const context = createContext({ run: null as (() => void) | null });
const call = new Script('run()');

/**
 * Runs `run` and stops it after `timeoutMs`, even inside an endless synchronous loop: node:vm's
 * timeout has a watchdog thread terminate the JavaScript running on this thread, whichever
 * context it belongs to. Nothing else can stop a loop that never returns: a signal handler or a
 * timer waits for it. The terminated code's `finally` blocks do not run.
 */
export const runWithTimeout: BoundedRunner = (run, timeoutMs) => {
  context.run = run;
  try {
    // breakOnSigint: Ctrl+C stops the code too (its own watchdog); then the program's SIGINT
    // handlers run, which Node holds back while the code runs. SIGTERM: whilePluginCodeRuns.
    whilePluginCodeRuns(() =>
      call.runInContext(context, { timeout: Math.max(1, Math.round(timeoutMs)), breakOnSigint: true }),
    );
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ERR_SCRIPT_EXECUTION_TIMEOUT') throw new RuleTimeoutError(`stopped after ${timeoutMs} ms`);
    if (code === 'ERR_SCRIPT_EXECUTION_INTERRUPTED') interruptedBySigint();
    throw error;
  } finally {
    context.run = null;
  }
};
