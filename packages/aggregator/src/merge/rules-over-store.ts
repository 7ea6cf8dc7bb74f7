import { type ResolvedCampaign, type RowEntry, type RuleRun, startRules } from '@jianshen/plugin-kit';
import { type Issue, type Lang, reportIssue } from '@jianshen/schema';
import { boundedBatchRows, defaultPluginBudgetMs } from '../bounded-steps.js';
import { type BoundedRunner, type RowSourceReport, RuleTimeoutError } from '../report.js';
import type { RowColumn } from './row-column.js';
import type { RowStore } from './row-store.js';

/** Default time each rule may take over one batch of a file's rows. */
export const defaultRuleBudgetMs = defaultPluginBudgetMs;

/** Row standings the rules read and change (see aggregate.ts). */
export const accepted = 0;
export const rejected = 3;

export interface RulesOverStoreOptions {
  campaign: ResolvedCampaign;
  lang: Lang;
  store: RowStore;
  status: RowColumn<Uint8Array>;
  sourceOf: (index: number) => RowSourceReport;
  /** Called once for each row a rule rejects. */
  onRejected: (index: number) => void;
  issue: (entry: Issue) => void;
  budgetMs?: number;
  runBounded?: BoundedRunner;
}

/**
 * Each rule's `create` under the same budget as its handlers: one stuck in a loop is stopped and
 * reported (at the campaign file: no county file is being read yet), and the rule is not started.
 */
function boundedCreate(options: RulesOverStoreOptions, budget: number) {
  const runBounded = options.runBounded ?? runPlainly;
  return (rule: string, create: () => void) => {
    try {
      runBounded(create, budget);
    } catch (error) {
      if (!(error instanceof RuleTimeoutError)) throw error;
      const path = options.campaign.sourcePath ?? options.campaign.id;
      options.issue(reportIssue('rule-timeout', { rule, budget }, { path }));
    }
  };
}

function locationKey(path: string, sheet: string | undefined, row: number): string {
  return `${path}\u0000${sheet ?? ''}\u0000${row}`;
}

const runPlainly: BoundedRunner = (run) => run();

/**
 * Runs the campaign's rules over the accepted rows as they are read back from the store. A rule
 * error at a row rejects that row; errors at rows other than the one being checked (and from
 * `table` handlers) are matched to their rows in one more pass. Each rule has a time budget per
 * file: over it (timed between calls, or cut short by `runBounded`), it is stopped for the rest
 * of the file and reported; the rows are still delivered.
 */
export async function runRulesOverStore(options: RulesOverStoreOptions): Promise<void> {
  const { campaign, lang, store, status, sourceOf } = options;
  const budget = options.budgetMs ?? defaultRuleBudgetMs;
  const run = startRules(campaign, lang, campaign.rules, { runCreate: boundedCreate(options, budget) });
  const all: RowEntry[] = [];
  const elsewhere = new Set<string>();
  const reject = (index: number) => {
    if (status.get(index) !== accepted) return;
    status.set(index, rejected);
    options.onRejected(index);
  };
  const guard = createGuard(run, options, budget);
  let batch: { index: number; entry: RowEntry }[] = [];
  const flush = () => {
    const check = (at: number, resume: boolean) => {
      const { index, entry } = batch[at] ?? { index: -1, entry: undefined };
      if (entry) checkRow(run, entry, index, { reject, elsewhere, resume });
    };
    guard.runBatch(
      batch.length,
      (at) => check(at, false),
      (at) => check(at, true),
    );
    batch = [];
  };
  let index = 0;
  for await (const stored of store.read()) {
    const current = index++;
    if (status.get(current) !== accepted) continue;
    const source = sourceOf(current);
    if (source.path !== guard.file || batch.length >= boundedBatchRows) flush();
    guard.enterFile(source.path);
    // The merge stores what rules are given for every row of a campaign with rules.
    const given = stored.forRules ?? { unit: stored.row.unit, values: {} };
    const entry: RowEntry = { values: given.values as RowEntry['values'], unit: given.unit, source };
    if (run.needsAllRows) all.push(entry);
    batch.push({ index: current, entry });
  }
  flush();
  tableHandlers(run, all, guard, elsewhere);
  if (elsewhere.size > 0) {
    for (let current = 0; current < status.length; current++) {
      const { path, sheet, row } = sourceOf(current);
      if (elsewhere.has(locationKey(path, sheet, row))) reject(current);
    }
  }
  for (const found of run.issues) {
    const { rule: _rule, ...rest } = found;
    options.issue(rest);
  }
}

/**
 * A rule's error at a row keeps that row out; a rule that crashed there does not: the fault is the
 * plugin's, and the row is delivered (issue 15).
 */
function rejectsRow(reported: Issue | undefined): reported is Issue & { row: number } {
  return reported?.severity === 'error' && reported.row !== undefined && reported.code !== 'rule-crashed';
}

/** One row through the rules; an error at this row rejects it, one elsewhere is kept for later. */
function checkRow(
  run: RuleRun,
  entry: RowEntry,
  index: number,
  found: { reject: (index: number) => void; elsewhere: Set<string>; resume: boolean },
): void {
  const before = run.issues.length;
  // After a rule was cut short on this row, the rules after it check the row too.
  if (found.resume) run.resumeRow(entry);
  else run.row(entry);
  const { source } = entry;
  const here = locationKey(source.path, source.sheet, source.row ?? -1);
  for (let at = before; at < run.issues.length; at++) {
    const reported = run.issues[at];
    if (!rejectsRow(reported)) continue;
    const where = locationKey(reported.path, reported.sheet, reported.row);
    if (where === here) found.reject(index);
    else found.elsewhere.add(where);
  }
}

function tableHandlers(run: RuleRun, all: readonly RowEntry[], guard: Guard, elsewhere: Set<string>): void {
  const beforeTable = run.issues.length;
  guard.enterFile('');
  // `finish` runs only the table handlers not yet run: after a timeout, the others still run.
  guard.runBatch(1, () => run.finish(all));
  for (let found = beforeTable; found < run.issues.length; found++) {
    const reported = run.issues[found];
    if (reported && rejectsRow(reported))
      elsewhere.add(locationKey(reported.path, reported.sheet, reported.row));
  }
}

interface Guard {
  readonly file: string | undefined;
  /** A new file: every rule gets its whole budget again. */
  enterFile(path: string): void;
  /**
   * Runs `step(0 … count-1)` bounded; a rule cut short is stopped, `resume(at)` lets the rules
   * after it check that row, and the batch goes on.
   */
  runBatch(count: number, step: (at: number) => void, resume?: (at: number) => void): void;
}

function createGuard(run: RuleRun, options: RulesOverStoreOptions, budget: number): Guard {
  const runBounded = options.runBounded ?? runPlainly;
  let file: string | undefined;
  const stopped = new Set<string>();
  const stopRule = (rule: string) => {
    if (stopped.has(rule)) return;
    stopped.add(rule);
    run.stop(rule);
    const path = file || (options.campaign.sourcePath ?? options.campaign.id);
    options.issue(reportIssue('rule-timeout', { rule, budget }, { path }));
  };
  const overBudget = () => {
    for (const [rule, spent] of run.spentMs) if (spent > budget) stopRule(rule);
  };
  return {
    get file() {
      return file;
    },
    enterFile(path) {
      if (path === file) return;
      file = path;
      stopped.clear();
      run.resetTimes();
    },
    runBatch(count, step, resume) {
      let at = 0;
      let resuming = false;
      while (at < count) {
        try {
          // The whole batch may take every rule's budget; one rule stuck in a loop is cut there.
          runBounded(() => {
            if (resuming) {
              resuming = false;
              resume?.(at);
              overBudget();
              at++;
            }
            for (; at < count; at++) {
              step(at);
              overBudget();
            }
          }, budget * Math.max(1, options.campaign.rules.length));
        } catch (error) {
          if (!(error instanceof RuleTimeoutError)) throw error;
          const culprit = run.running;
          if (culprit) stopRule(culprit);
          resuming = resume !== undefined;
          if (!resuming) at++;
        }
      }
    },
  };
}
