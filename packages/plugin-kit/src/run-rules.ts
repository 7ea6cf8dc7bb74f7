import { formatTemplate, type Issue, type Lang, localize } from '@jianshen/schema';
import type { ResolvedCampaign, ResolvedRule } from './resolve-campaign.js';
import type { RowEntry } from './row-entry.js';

export interface RuleIssue extends Issue {
  /** The rule that reported it, `plugin/rule`. */
  rule: string;
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
  const issues: RuleIssue[] = [];
  for (const { id, rule } of rules) {
    const report = (descriptor: Parameters<import('./rule.js').RuleContext['report']>[0]) => {
      const template = rule.meta.messages[descriptor.code];
      const message =
        descriptor.message ??
        (template === undefined
          ? descriptor.code
          : formatTemplate(localize(template, lang), descriptor.data));
      const source = descriptor.row?.source;
      issues.push({
        path: source?.path ?? '',
        ...(source?.sheet !== undefined ? { sheet: source.sheet } : {}),
        ...(source?.row !== undefined ? { row: source.row } : {}),
        ...(descriptor.field !== undefined ? { field: descriptor.field } : {}),
        code: descriptor.code,
        severity: descriptor.severity ?? rule.meta.severity ?? 'error',
        message,
        rule: id,
      });
    };
    try {
      const handlers = rule.create({ id, lang, campaign: campaign as ResolvedCampaign, report });
      if (handlers.row) for (const entry of entries) handlers.row(entry);
      handlers.table?.(entries);
    } catch (error) {
      issues.push({
        path: '',
        code: 'rule-crashed',
        severity: 'error',
        message: `${lang === 'zh' ? '规则运行出错' : 'Rule failed'} ${id}: ${error instanceof Error ? error.message : String(error)}`,
        rule: id,
      });
    }
  }
  return issues;
}
