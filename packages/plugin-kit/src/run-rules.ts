import { type Issue, type IssueData, type Lang, reportIssue } from '@jianshen/schema';
import type { ResolvedCampaign, ResolvedRule } from './resolve-campaign.js';
import type { RowEntry } from './row-entry.js';
import type { ReportDescriptor, RuleHandlers } from './rule.js';

export interface RuleIssue extends Issue {
  /** The rule that reported it, `plugin/rule`. */
  rule: string;
}

/**
 * Rules started over a stream of accepted rows: `row` is called for each row as it comes, so a
 * batch of any size needs no list of all its rows, unless a rule has a `table` handler.
 */
export interface RuleRun {
  /** True when some rule has a `table` handler: `finish` must then be given every row. */
  readonly needsAllRows: boolean;
  /** Issues reported so far, in the order reported. */
  readonly issues: RuleIssue[];
  /** Runs every rule's `row` handler on one accepted row. */
  row(entry: RowEntry): void;
  /** Runs the `row` handlers after the one last started (cut short from outside) on `entry`. */
  resumeRow(entry: RowEntry): void;
  /**
   * Runs the `table` handlers (with every row when `needsAllRows`) and ends the run. Called
   * again after a handler was cut short, it runs only the handlers that have not run yet.
   */
  finish(entries?: readonly RowEntry[]): void;
  /**
   * The rule whose handler runs at this moment. A handler stopped from outside (a timeout that
   * terminated it) leaves its rule named here, so the caller knows which one to report.
   */
  readonly running: string | undefined;
  /** Milliseconds each rule's handlers took since the last `resetTimes`. */
  readonly spentMs: ReadonlyMap<string, number>;
  /** Stops calling a rule's handlers until `resetTimes` (its time budget ran out). */
  stop(id: string): void;
  /** Starts a new budget period (the next file): stopped rules run again, times count from zero. */
  resetTimes(): void;
}

export interface StartRulesOptions {
  /**
   * Runs one rule's `create` (the aggregator bounds it in time: a `create` stuck in a loop must
   * not hang the run). A rule whose `create` returns without having run is not started.
   */
  runCreate?: (id: string, create: () => void) => void;
}

/**
 * Starts every rule: each `create` runs once now. A rule that throws (in `create`, `row` or
 * `table`) becomes one error issue and is not called again; the others go on.
 */
export function startRules(
  campaign: Pick<ResolvedCampaign, 'rules'> & Partial<ResolvedCampaign>,
  lang: Lang = 'zh',
  rules: readonly ResolvedRule[] = campaign.rules,
  options: StartRulesOptions = {},
): RuleRun {
  const runCreate = options.runCreate ?? ((_id: string, create: () => void) => create());
  const issues: RuleIssue[] = [];
  // A crash in `row` is placed at the row it was checking (file, sheet, row): the clerk can look
  // at what the rule choked on. The row itself still counts: the fault is the plugin's.
  const crashed = (id: string, error: unknown, entry?: RowEntry) => {
    const reason = error instanceof Error ? error.message : String(error);
    const place = entry ? sourcePlace(entry.source) : { path: campaign.sourcePath ?? '' };
    issues.push({ ...reportIssue('rule-crashed', { rule: id, reason }, place), rule: id });
  };
  const started: { id: string; handlers: RuleHandlers }[] = [];
  for (const { id, rule } of rules) {
    const report = (descriptor: ReportDescriptor) => {
      // The plugin's own catalogue (meta.messages) words its codes; the edge renders them like ours.
      const own = {
        code: descriptor.code,
        severity: descriptor.severity ?? rule.meta.severity ?? 'error',
        text: descriptor.message ?? rule.meta.messages[descriptor.code] ?? descriptor.code,
      };
      const source = descriptor.row?.source;
      const place = {
        ...sourcePlace(source ?? { path: '' }),
        ...(descriptor.field !== undefined ? { field: descriptor.field } : {}),
      };
      issues.push({ ...reportIssue(own, (descriptor.data ?? {}) as IssueData, place), rule: id });
    };
    try {
      runCreate(id, () => {
        started.push({
          id,
          handlers: rule.create({ id, lang, campaign: campaign as ResolvedCampaign, report }),
        });
      });
    } catch (error) {
      crashed(id, error);
    }
  }
  const withRow = started.filter((entry) => entry.handlers.row);
  const spentMs = new Map<string, number>();
  const stopped = new Set<string>();
  const tablesRun = new Set<string>();
  let running: string | undefined;
  // Each handler call is timed (performance.now, tens of nanoseconds): the caller enforces a
  // time budget per rule between calls, and names the rule a timeout cut short by `running`.
  const timed = (id: string, call: () => void) => {
    running = id;
    const start = performance.now();
    call();
    spentMs.set(id, (spentMs.get(id) ?? 0) + performance.now() - start);
    running = undefined;
  };
  // Index in `withRow` of the handler started last: a row cut short resumes after it.
  let position = -1;
  const rowHandlers = (entry: RowEntry, from: number) => {
    for (let index = from; index < withRow.length; index++) {
      const current = withRow[index];
      if (!current || stopped.has(current.id)) continue;
      position = index;
      try {
        timed(current.id, () => current.handlers.row?.(entry));
      } catch (error) {
        running = undefined;
        crashed(current.id, error, entry);
        withRow.splice(index--, 1);
        started.splice(started.indexOf(current), 1);
      }
    }
  };
  return {
    needsAllRows: started.some((entry) => entry.handlers.table),
    issues,
    get running() {
      return running;
    },
    spentMs,
    stop(id) {
      stopped.add(id);
      if (running === id) running = undefined;
    },
    resetTimes() {
      stopped.clear();
      spentMs.clear();
    },
    row(entry) {
      rowHandlers(entry, 0);
    },
    resumeRow(entry) {
      rowHandlers(entry, position + 1);
    },
    finish(entries = []) {
      for (const { id, handlers } of started) {
        if (tablesRun.has(id) || stopped.has(id)) continue;
        tablesRun.add(id);
        try {
          timed(id, () => handlers.table?.(entries));
        } catch (error) {
          running = undefined;
          crashed(id, error);
        }
      }
    },
  };
}

/** Where a row came from, as an issue's place. */
function sourcePlace(source: RowEntry['source']): { path: string; sheet?: string; row?: number } {
  return {
    path: source.path,
    ...(source.sheet !== undefined ? { sheet: source.sheet } : {}),
    ...(source.row !== undefined ? { row: source.row } : {}),
  };
}

/**
 * Runs every rule over the accepted rows: `row` handlers per row, then `table` handlers once.
 * A rule that throws becomes one error issue instead of stopping the aggregation.
 */
export function runRules(
  campaign: Pick<ResolvedCampaign, 'rules'> & Partial<ResolvedCampaign>,
  entries: readonly RowEntry[],
  lang: Lang = 'zh',
  rules: readonly ResolvedRule[] = campaign.rules,
): RuleIssue[] {
  const run = startRules(campaign, lang, rules);
  for (const entry of entries) run.row(entry);
  run.finish(entries);
  // Grouped by rule in campaign order, as runRules has always returned them (a run interleaves
  // the rules row by row); the sort is stable, so each rule's own order is kept.
  const position = new Map(rules.map(({ id }, index) => [id, index]));
  return run.issues.sort((a, b) => (position.get(a.rule) ?? 0) - (position.get(b.rule) ?? 0));
}
