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
  /** Runs the `table` handlers (with every row when `needsAllRows`) and ends the run. */
  finish(entries?: readonly RowEntry[]): void;
}

/**
 * Starts every rule: each `create` runs once now. A rule that throws (in `create`, `row` or
 * `table`) becomes one error issue and is not called again; the others go on.
 */
export function startRules(
  campaign: Pick<ResolvedCampaign, 'rules'> & Partial<ResolvedCampaign>,
  lang: Lang = 'zh',
  rules: readonly ResolvedRule[] = campaign.rules,
): RuleRun {
  const issues: RuleIssue[] = [];
  const crashed = (id: string, error: unknown) => {
    const reason = error instanceof Error ? error.message : String(error);
    issues.push({ ...reportIssue('rule-crashed', { rule: id, reason }, { path: '' }), rule: id });
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
        path: source?.path ?? '',
        ...(source?.sheet !== undefined ? { sheet: source.sheet } : {}),
        ...(source?.row !== undefined ? { row: source.row } : {}),
        ...(descriptor.field !== undefined ? { field: descriptor.field } : {}),
      };
      issues.push({ ...reportIssue(own, (descriptor.data ?? {}) as IssueData, place), rule: id });
    };
    try {
      started.push({
        id,
        handlers: rule.create({ id, lang, campaign: campaign as ResolvedCampaign, report }),
      });
    } catch (error) {
      crashed(id, error);
    }
  }
  const withRow = started.filter((entry) => entry.handlers.row);
  return {
    needsAllRows: started.some((entry) => entry.handlers.table),
    issues,
    row(entry) {
      for (let index = 0; index < withRow.length; index++) {
        const current = withRow[index];
        if (!current) continue;
        try {
          current.handlers.row?.(entry);
        } catch (error) {
          crashed(current.id, error);
          withRow.splice(index--, 1);
          started.splice(started.indexOf(current), 1);
        }
      }
    },
    finish(entries = []) {
      for (const { id, handlers } of started) {
        try {
          handlers.table?.(entries);
        } catch (error) {
          crashed(id, error);
        }
      }
    },
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
