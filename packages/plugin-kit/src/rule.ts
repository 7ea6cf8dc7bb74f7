import type { Lang, LocalizedText, Severity } from '@jianshen/schema';
import type { RowEntry } from './row-entry.js';

export interface RuleMeta {
  description?: LocalizedText | string;
  /** Default severity of what the rule reports (default `error`). */
  severity?: Severity;
  /** Messages by code, with `{placeholders}` filled from `data`. */
  messages: Readonly<Record<string, LocalizedText | string>>;
}

export interface ReportDescriptor {
  /** The row the finding is about; omit for a finding about the whole table. */
  row?: RowEntry;
  /** The row key the finding is about. */
  field?: string;
  /** A key of `meta.messages`; becomes the code. */
  code: string;
  severity?: Severity;
  data?: Record<string, unknown>;
  /** Overrides the text from `meta.messages`. */
  message?: string;
}

export interface RuleContext {
  /** The rule's id, `plugin/rule`. */
  id: string;
  lang: Lang;
  /** The campaign being checked (period, expected units, fields…). */
  campaign: import('./resolve-campaign.js').ResolvedCampaign;
  report(descriptor: ReportDescriptor): void;
}

/** What `create` returns: called once per accepted row, then once with all rows. */
export interface RuleHandlers {
  row?(entry: RowEntry): void;
  table?(entries: readonly RowEntry[]): void;
}

/** An ESLint-style rule: metadata with messages, and a `create` that returns handlers. */
export interface Rule {
  meta: RuleMeta;
  create(context: RuleContext): RuleHandlers;
}

export function defineRule<const T extends Rule>(rule: T): T {
  return rule;
}
