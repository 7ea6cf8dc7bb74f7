import type { BodyBlock, FieldDefinition, LocalizedText } from '@jianshen/schema';
import type { z } from 'zod';
import type { AssessmentColumn } from './assessment-column.js';
import type { Rule } from './rule.js';
import type { SummaryDefinition } from './summary.js';

/**
 * A column a plugin adds to the statistics table. It appears in the template, is read by the
 * aggregator (by label or alias) and its cells are validated by `schema`.
 */
export interface PluginField<Output = unknown> {
  key: string;
  label: string;
  labelEn?: string;
  aliases?: readonly string[];
  schema: z.ZodType<Output>;
  required?: boolean;
  width?: number;
  hint?: LocalizedText;
  example?: string;
  /** Place the column after this key; by default plugin columns go just before 备注. */
  after?: string;
}

/** Text a plugin adds to the notice body, numbered with the sections around it. */
export interface NoticeContribution {
  blocks: BodyBlock[];
  /** Heading of the top-level section to insert after; by default after the last section. */
  after?: string;
}

export interface Plugin {
  /** Unique name, usually the package name (e.g. `@jianshen/plugin-participation`). */
  name: string;
  version?: string;
  fields?: readonly PluginField[];
  rules?: Readonly<Record<string, Rule>>;
  summaries?: readonly SummaryDefinition[];
  /** Columns of the 考核 table (per unit), after the built-in ones. */
  assessment?: readonly AssessmentColumn[];
  notice?: NoticeContribution | readonly NoticeContribution[];
}

/** Identity function that types a plugin; validation happens when a campaign resolves it. */
export function definePlugin<const T extends Plugin>(plugin: T): T {
  return plugin;
}

/** Core fields are plain `FieldDefinition`s; this turns a plugin field into one. */
export function pluginFieldToDefinition(field: PluginField, pluginName: string): FieldDefinition {
  const { after: _after, ...definition } = field;
  return { ...definition, source: pluginName };
}
