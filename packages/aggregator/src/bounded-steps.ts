import { type BoundedRunner, RuleTimeoutError } from './report.js';

/** Default time plugin code (rules, field schemas, summaries) may take over one batch of rows. */
export const defaultPluginBudgetMs = 10_000;

// Rows run under one bounded call: bounding every call would start a watchdog per row (~0.2 ms
// each, 19 s over the 96,000 rows of the medium bench batch); per 2,000 rows it is lost in the noise.
export const boundedBatchRows = 2_000;

export interface BoundedStepsOptions {
  /** Steps 0 … count-1. */
  count: number;
  /**
   * One step. It must change nothing before its plugin code has returned: a step cut short is
   * run again once `onCutShort` has stopped the code that ran too long.
   */
  step: (at: number) => void;
  /** Stops synchronous code after a time (node:vm's watchdog in the Node entry). */
  runBounded: BoundedRunner;
  /** Milliseconds one batch may take. */
  budgetMs: number;
  /**
   * Steps under one bound: a bound per step would start a watchdog per step (~0.2 ms each, 19 s
   * over the 96,000 rows of the medium bench batch); per 2,000 rows it is lost in the noise.
   */
  batchSize: number;
  /** A batch ran past the budget: stop (and report) the plugin code that was running, if any. */
  onCutShort: () => void;
}

/**
 * Runs plugin code step by step in bounded batches, so that code stuck in a loop is cut short
 * and the run goes on: the step it was cut in runs again, the steps before it are kept. A batch
 * cut short in our own code (slower than the budget) simply goes on from that step.
 */
export function runBoundedSteps(options: BoundedStepsOptions): void {
  const { count, step, runBounded, budgetMs, batchSize, onCutShort } = options;
  let at = 0;
  while (at < count) {
    const end = Math.min(count, at + batchSize);
    try {
      runBounded(() => {
        for (; at < end; at++) step(at);
      }, budgetMs);
    } catch (error) {
      if (!(error instanceof RuleTimeoutError)) throw error;
      onCutShort();
    }
  }
}
