import {
  type BodyBlock,
  type Campaign,
  CampaignError,
  type CampaignInput,
  coreFields,
  defaultLang,
  type FieldContext,
  formatMessage,
  type Issue,
  type Lang,
  type ResolvedField,
  resolveField,
  safeParseCampaign,
} from '@jianshen/schema';
import type { ResolvedAssessmentColumn } from './assessment-column.js';
import { type NoticeContribution, type Plugin, pluginFieldToDefinition } from './plugin.js';
import type { Rule } from './rule.js';
import type { SummaryDefinition } from './summary.js';
import { validatePlugin } from './validate-plugin.js';

export interface ResolvedRule {
  /** `plugin/rule`, unique in the campaign. */
  id: string;
  plugin: string;
  rule: Rule;
}

export interface ResolvedSummary extends SummaryDefinition {
  plugin: string;
}

/**
 * The one object every generator and the aggregator take: the validated campaign with its
 * plugins applied (columns in order, rules, summaries, notice body with plugin sections).
 */
export interface ResolvedCampaign extends Omit<Campaign, 'plugins'> {
  /** The statistics table's columns: the nine built-in ones and plugin columns, in order. */
  fields: ResolvedField[];
  rules: ResolvedRule[];
  summaries: ResolvedSummary[];
  /** Plugin columns of the 考核 table, in plugin order. */
  assessmentColumns: ResolvedAssessmentColumn[];
  plugins: Plugin[];
  /** Title of the statistics-table attachment (the template's title). */
  tableTitle: string;
  /** What field normalisers need to know (year, period, area code). */
  fieldContext: FieldContext;
  /** Changes whenever the columns change; written into templates. */
  fingerprint: string;
  /** The campaign file, when it came from one. */
  sourcePath?: string;
}

export interface ResolveCampaignOptions {
  /** The campaign file, for messages and relative plugin paths. */
  path?: string;
  lang?: Lang;
  /** Loads a plugin named in the campaign by package name or path (the Node entry provides one). */
  loadPlugin?: (specifier: string) => Promise<Plugin>;
}

function conflict(path: string, lang: Lang, field: string, reason: string): Issue {
  return {
    path,
    field,
    code: 'plugin-conflict',
    severity: 'error',
    message: formatMessage('plugin-conflict', { reason }, lang),
  };
}

/** FNV-1a, enough to tell two column layouts apart without a crypto dependency in browsers. */
function fingerprintOf(text: string): string {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, '0');
}

function lastSectionIndex(body: readonly BodyBlock[]): number {
  for (let index = body.length - 1; index >= 0; index--) {
    if (typeof body[index] !== 'string') return index;
  }
  return body.length - 1;
}

/** Inserts plugin notice sections: after the named section, else after the last section. */
function mergeNoticeBody(
  body: readonly BodyBlock[],
  contributions: readonly NoticeContribution[],
): BodyBlock[] {
  const merged = [...body];
  for (const contribution of contributions) {
    const named =
      contribution.after === undefined
        ? -1
        : merged.findIndex((block) => typeof block !== 'string' && block.heading === contribution.after);
    const at = (named >= 0 ? named : lastSectionIndex(merged)) + 1;
    merged.splice(at, 0, ...contribution.blocks);
  }
  return merged;
}

function placeFields(pluginFields: { after?: string; definition: ResolvedField }[]): ResolvedField[] {
  const fields = coreFields.map((field) => resolveField(field));
  for (const { after, definition } of pluginFields) {
    const anchor = after === undefined ? -1 : fields.findIndex((field) => field.key === after);
    const noteIndex = fields.findIndex((field) => field.key === 'note');
    const at = anchor >= 0 ? anchor + 1 : noteIndex >= 0 ? noteIndex : fields.length;
    fields.splice(at, 0, definition);
  }
  return fields;
}

/**
 * Validates a campaign, loads and checks its plugins and merges what they add.
 * Throws `CampaignError` naming the file and the setting for anything wrong.
 */
export async function resolveCampaign(
  input: CampaignInput | Campaign | unknown,
  options: ResolveCampaignOptions = {},
): Promise<ResolvedCampaign> {
  const path = options.path ?? 'campaign';
  const lang = options.lang ?? defaultLang;
  const parsed = safeParseCampaign(input, { path, lang });
  if (!parsed.ok) throw new CampaignError(parsed.issues, path);
  const campaign = parsed.campaign;

  const issues: Issue[] = [];
  const plugins: Plugin[] = [];
  for (const [index, reference] of campaign.plugins.entries()) {
    const field = `plugins[${index}]`;
    let candidate: unknown = reference;
    if (typeof reference === 'string') {
      if (!options.loadPlugin) {
        issues.push({
          path,
          field,
          code: 'plugin-not-found',
          severity: 'error',
          message: formatMessage(
            'plugin-not-found',
            {
              plugin: reference,
              reason:
                lang === 'zh'
                  ? '在浏览器中请直接传入插件对象，或在 Node 中使用 loadCampaign'
                  : 'pass plugin objects in browsers, or use loadCampaign in Node',
            },
            lang,
          ),
        });
        continue;
      }
      try {
        candidate = await options.loadPlugin(reference);
      } catch (error) {
        issues.push({
          path,
          field,
          code: 'plugin-not-found',
          severity: 'error',
          message: formatMessage(
            'plugin-not-found',
            {
              plugin: reference,
              reason: error instanceof Error ? error.message.split('\n')[0] : String(error),
            },
            lang,
          ),
        });
        continue;
      }
    }
    const problems = validatePlugin(candidate, lang);
    if (problems.length > 0) {
      const name = typeof reference === 'string' ? reference : reference.name;
      issues.push({
        path,
        field,
        code: 'plugin-invalid',
        severity: 'error',
        message: formatMessage('plugin-invalid', { plugin: name, reason: problems.join('；') }, lang),
      });
      continue;
    }
    plugins.push(candidate as Plugin);
  }

  const owners = new Map<string, string>(coreFields.map((field) => [field.key, 'core']));
  const labels = new Map<string, string>(coreFields.map((field) => [field.label, 'core']));
  const pluginFields: { after?: string; definition: ResolvedField }[] = [];
  const rules: ResolvedRule[] = [];
  const summaries: ResolvedSummary[] = [];
  const assessmentColumns: ResolvedAssessmentColumn[] = [];
  const contributions: NoticeContribution[] = [];
  const pluginNames = new Set<string>();
  for (const plugin of plugins) {
    if (pluginNames.has(plugin.name)) {
      issues.push(conflict(path, lang, 'plugins', `${plugin.name} ×2`));
      continue;
    }
    pluginNames.add(plugin.name);
    for (const field of plugin.fields ?? []) {
      const owner = owners.get(field.key) ?? labels.get(field.label);
      if (owner) {
        issues.push(
          conflict(
            path,
            lang,
            'plugins',
            lang === 'zh'
              ? `插件 ${plugin.name} 添加的列「${field.label}」(${field.key}) 已由 ${owner === 'core' ? '内置列' : `插件 ${owner}`} 定义`
              : `plugin ${plugin.name} adds column "${field.label}" (${field.key}), already defined by ${owner === 'core' ? 'the built-in columns' : `plugin ${owner}`}`,
          ),
        );
        continue;
      }
      owners.set(field.key, plugin.name);
      labels.set(field.label, plugin.name);
      pluginFields.push({
        ...(field.after !== undefined ? { after: field.after } : {}),
        definition: resolveField(pluginFieldToDefinition(field, plugin.name)),
      });
    }
    for (const [ruleName, rule] of Object.entries(plugin.rules ?? {})) {
      const id = `${plugin.name}/${ruleName}`;
      if (rules.some((existing) => existing.id === id)) {
        issues.push(
          conflict(
            path,
            lang,
            'plugins',
            lang === 'zh' ? `规则 ${id} 重复定义` : `rule ${id} is defined twice`,
          ),
        );
        continue;
      }
      rules.push({ id, plugin: plugin.name, rule });
    }
    for (const summary of plugin.summaries ?? []) {
      const existing = summaries.find((other) => other.id === summary.id);
      if (existing) {
        issues.push(
          conflict(
            path,
            lang,
            'plugins',
            lang === 'zh'
              ? `插件 ${plugin.name} 和 ${existing.plugin} 都定义了汇总「${summary.id}」`
              : `plugins ${plugin.name} and ${existing.plugin} both define summary "${summary.id}"`,
          ),
        );
        continue;
      }
      summaries.push({ ...summary, plugin: plugin.name });
    }
    for (const column of plugin.assessment ?? []) {
      // A key twice would make the campaign's weight ambiguous.
      if (assessmentColumns.some((other) => other.key === column.key)) {
        issues.push(conflict(path, lang, 'plugins', `${plugin.name}: assessment ${column.key} ×2`));
        continue;
      }
      assessmentColumns.push({ ...column, plugin: plugin.name });
    }
    if (plugin.notice)
      contributions.push(...(Array.isArray(plugin.notice) ? plugin.notice : [plugin.notice]));
  }
  if (issues.length > 0) throw new CampaignError(issues, path);

  const fields = placeFields(pluginFields);
  const table = campaign.attachments.find((attachment) => attachment.kind === 'statistics-table');
  const defaultYear = Number(campaign.period.start.slice(0, 4));
  return {
    ...campaign,
    body: mergeNoticeBody(campaign.body, contributions),
    plugins,
    fields,
    rules,
    summaries,
    assessmentColumns,
    tableTitle: table?.title ?? campaign.title,
    fieldContext: {
      defaultYear,
      period: campaign.period,
      ...(campaign.issuer.areaCode ? { defaultAreaCode: campaign.issuer.areaCode } : {}),
    },
    fingerprint: fingerprintOf(
      JSON.stringify([campaign.id, fields.map((field) => [field.key, field.label, field.source])]),
    ),
    ...(options.path ? { sourcePath: options.path } : {}),
  };
}
