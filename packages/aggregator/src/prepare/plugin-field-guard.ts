import type { CellValue, FieldContext, Issue, ResolvedField } from '@jianshen/schema';
import { phrase, reportIssue } from '@jianshen/schema';
import { boundedBatchRows, defaultPluginBudgetMs, runBoundedSteps } from '../bounded-steps.js';
import type { BoundedRunner } from '../report.js';

export interface PluginFieldGuardOptions {
  /** Stops synchronous code after a time (node:vm's watchdog in the Node entry). */
  runBounded: BoundedRunner;
  /** Milliseconds one batch of rows may take (default 10,000). */
  budgetMs?: number;
}

/**
 * Plugin field schemas (a zod refine or transform, a custom schema) are plugin code that runs on
 * every row: one stuck in a loop would hang the whole aggregation. The guard parses rows in
 * batches under a bound; a plugin field that runs past it is stopped, reported once (at the file
 * where it happened) and left out from then on, for this run: its cells stay empty, the rows are
 * still delivered. One guard per run (per worker thread): a new run tries the field again.
 */
export interface PluginFieldGuard {
  /** The fields to parse rows against now: those of `fields` not stopped. */
  fields(): readonly ResolvedField[];
  /**
   * Runs `step(0 … count-1)` in bounded batches. A step cut short by a stuck plugin field is run
   * again without it, so `step` must change nothing before its plugin code has returned.
   */
  run(count: number, step: (at: number) => void, at: { path: string }): Issue[];
}

interface Tracking {
  /** The plugin field whose code runs this moment (left set when its run is cut short). */
  running: ResolvedField | undefined;
}

/** A field whose schema (and normaliser) say when they run, so a stopped run names its field. */
function tracked(field: ResolvedField, tracking: Tracking): ResolvedField {
  const { schema, normalize } = field;
  // The schema object itself is kept as the prototype: zod's internals (`_zod`, read by
  // parseRow's number check) stay reachable, only `safeParse` is ours.
  const watched = Object.create(schema, {
    safeParse: {
      value: (value: unknown, params?: Parameters<typeof schema.safeParse>[1]) => {
        tracking.running = field;
        try {
          return schema.safeParse(value, params);
        } finally {
          // Not reached when the watchdog stops the run (termination skips finally): then it
          // names the field; after a throw, which parseRow reports, it must not.
          tracking.running = undefined;
        }
      },
    },
  }) as typeof schema;
  const copy: ResolvedField = { ...field, schema: watched };
  if (normalize) {
    copy.normalize = (cell: CellValue, context: FieldContext) => {
      tracking.running = field;
      try {
        return normalize(cell, context);
      } finally {
        tracking.running = undefined;
      }
    };
  }
  return copy;
}

/**
 * A guard over the campaign's fields; undefined when no field is a plugin's (nothing to bound:
 * the built-in fields run our own code only, and their rows are parsed as before).
 */
export function createPluginFieldGuard(
  fields: readonly ResolvedField[],
  options: PluginFieldGuardOptions,
): PluginFieldGuard | undefined {
  if (!fields.some((field) => field.source !== 'core')) return undefined;
  const budget = options.budgetMs ?? defaultPluginBudgetMs;
  const tracking: Tracking = { running: undefined };
  const stopped = new Set<string>();
  let current = fields.map((field) => (field.source === 'core' ? field : tracked(field, tracking)));
  const stop = (field: ResolvedField, path: string): Issue => {
    stopped.add(field.key);
    current = current.filter((kept) => !stopped.has(kept.key));
    const place = phrase('plugin-place-field', { id: field.label });
    return reportIssue('plugin-timeout', { plugin: field.source, place, budget }, { path, field: field.key });
  };
  return {
    fields: () => current,
    run(count, step, { path }) {
      const issues: Issue[] = [];
      runBoundedSteps({
        count,
        step,
        runBounded: options.runBounded,
        budgetMs: budget,
        batchSize: boundedBatchRows,
        onCutShort: () => {
          const culprit = tracking.running;
          tracking.running = undefined;
          if (culprit) issues.push(stop(culprit, path));
        },
      });
      return issues;
    },
  };
}
