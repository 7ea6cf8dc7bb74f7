import {
  type BodyBlock,
  type Campaign,
  CampaignError,
  type CampaignInput,
  coreFields,
  errorReason,
  type FieldContext,
  type Issue,
  type Phrase,
  phrase,
  type ResolvedField,
  reportIssue,
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
  /**
   * Plugins left out because they failed to load (`pluginFailures: 'report'`): one error issue
   * each, at the campaign file and its `plugins[i]`. The aggregator lists them with the rows' issues.
   */
  issues?: Issue[];
}

export interface ResolveCampaignOptions {
  /** The campaign file, for messages and relative plugin paths. */
  path?: string;
  /** Loads a plugin named in the campaign by package name or path (the Node entry provides one). */
  loadPlugin?: (specifier: string) => Promise<Plugin>;
  /**
   * What a plugin that fails to load (not found, its module or factory throws, not a plugin)
   * does. `throw` (the default): `CampaignError`, as the notice and the templates need every
   * column. `report`: the plugin is left out and its issue kept in `issues`, so a clerk's
   * aggregation still delivers every row (issue 15). Conflicts between plugins always throw.
   */
  pluginFailures?: 'throw' | 'report';
  /** How long a plugin may take to load before it counts as failed (default 30 s). */
  pluginLoadTimeoutMs?: number;
  /**
   * Indexes into the campaign's `plugins` not to load at all: they failed already where the
   * campaign was first loaded (a read worker takes the main thread's verdict instead of waiting
   * for a factory that never settles once more). Left out without an issue: the first load has it.
   */
  skipPlugins?: readonly number[];
  /**
   * Plugins (as the campaign names them) already found never to finish loading (the Node entry
   * tries them on a worker thread first): each fails with the load timeout's reason, not loaded.
   */
  hungPlugins?: ReadonlySet<string>;
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

/** What the plugins add, gathered in plugin order; conflicts become issues. */
interface PluginContributions {
  pluginFields: { after?: string; definition: ResolvedField }[];
  rules: ResolvedRule[];
  summaries: ResolvedSummary[];
  assessmentColumns: ResolvedAssessmentColumn[];
  contributions: NoticeContribution[];
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
  const parsed = safeParseCampaign(input, { path });
  if (!parsed.ok) throw new CampaignError(parsed.issues, path);
  const campaign = parsed.campaign;
  const loaded = await loadPlugins(campaign.plugins, path, options);
  const gathered = gatherContributions(loaded.plugins, path);
  const leaveOut = options.pluginFailures === 'report';
  const issues = [...(leaveOut ? [] : loaded.issues), ...gathered.issues];
  if (issues.length > 0) throw new CampaignError(issues, path);
  const resolved = assembleCampaign(campaign, loaded.plugins, gathered.contributions, options.path);
  return loaded.issues.length > 0 ? { ...resolved, issues: loaded.issues } : resolved;
}

/** Stage 1: each plugin reference loaded (a name or path) or taken as given, and its shape checked. */
async function loadPlugins(
  references: Campaign['plugins'],
  path: string,
  options: ResolveCampaignOptions,
): Promise<{ plugins: Plugin[]; issues: Issue[] }> {
  const issues: Issue[] = [];
  const plugins: Plugin[] = [];
  for (const [index, reference] of references.entries()) {
    if (options.skipPlugins?.includes(index)) continue;
    const place = { path, field: `plugins[${index}]` };
    let candidate: unknown = reference;
    if (typeof reference === 'string') {
      const loaded = await loadReference(reference, options);
      if (!loaded.ok) {
        // Not there is 找不到; there but broken (a syntax error, a throwing factory) says so, with
        // the module's own error.
        const data = { plugin: reference, reason: loaded.reason };
        issues.push(
          loaded.missing
            ? reportIssue('plugin-not-found', data, place)
            : reportIssue('plugin-failed', { ...data, place: phrase('plugin-place-load') }, place),
        );
        continue;
      }
      candidate = loaded.plugin;
    }
    const problems = validatePlugin(candidate);
    if (problems.length > 0) {
      const name = typeof reference === 'string' ? reference : reference.name;
      issues.push(reportIssue('plugin-invalid', { plugin: name, reason: problems }, place));
      continue;
    }
    plugins.push(candidate as Plugin);
  }
  return { plugins, issues };
}

async function loadReference(
  reference: string,
  { loadPlugin, pluginLoadTimeoutMs = defaultLoadTimeoutMs, hungPlugins }: ResolveCampaignOptions,
): Promise<{ ok: true; plugin: unknown } | { ok: false; missing: boolean; reason: Phrase | string }> {
  if (!loadPlugin) return { ok: false, missing: true, reason: phrase('plugin-needs-loader') };
  if (hungPlugins?.has(reference)) {
    return {
      ok: false,
      missing: false,
      reason: phrase('plugin-load-timeout', { seconds: pluginLoadTimeoutMs / 1000 }),
    };
  }
  let timer: ReturnType<typeof setTimeout> | undefined;
  // A factory that never settles would leave nothing pending: Node would exit 0 having done nothing.
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), pluginLoadTimeoutMs);
  });
  try {
    const loaded = await Promise.race([loadPlugin(reference), timeout]);
    if (loaded === 'timeout') {
      const reason = phrase('plugin-load-timeout', { seconds: pluginLoadTimeoutMs / 1000 });
      return { ok: false, missing: false, reason };
    }
    return { ok: true, plugin: loaded };
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    const message = errorReason(error);
    // Node's codes, and the message jiti gives for a file that does not exist.
    const missing =
      code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND' || /Cannot find module/.test(message);
    return {
      ok: false,
      missing: missing && message.includes(reference.replace(/^\.\//, '')),
      reason: message,
    };
  } finally {
    clearTimeout(timer);
  }
}

/** How long a plugin may take to load (its module and factory); a real one takes milliseconds. */
export const defaultLoadTimeoutMs = 30_000;

/** Stage 2: the plugins' columns, rules, summaries and notice sections, each name claimed once. */
function gatherContributions(
  plugins: readonly Plugin[],
  path: string,
): { contributions: PluginContributions; issues: Issue[] } {
  const issues: Issue[] = [];
  const conflict = (reason: Phrase) =>
    issues.push(reportIssue('plugin-conflict', { reason }, { path, field: 'plugins' }));
  const contributions: PluginContributions = {
    pluginFields: [],
    rules: [],
    summaries: [],
    assessmentColumns: [],
    contributions: [],
  };
  const owners = new Map<string, string>(coreFields.map((field) => [field.key, 'core']));
  const labels = new Map<string, string>(coreFields.map((field) => [field.label, 'core']));
  const pluginNames = new Set<string>();
  for (const plugin of plugins) {
    if (pluginNames.has(plugin.name)) {
      conflict(phrase('plugin-twice', { plugin: plugin.name }));
      continue;
    }
    pluginNames.add(plugin.name);
    gatherFields(plugin, { owners, labels, conflict, into: contributions.pluginFields });
    gatherRules(plugin, contributions.rules, conflict);
    gatherSummaries(plugin, contributions.summaries, conflict);
    gatherAssessmentColumns(plugin, contributions.assessmentColumns, conflict);
    if (plugin.notice) {
      contributions.contributions.push(...(Array.isArray(plugin.notice) ? plugin.notice : [plugin.notice]));
    }
  }
  return { contributions, issues };
}

function gatherFields(
  plugin: Plugin,
  claims: {
    owners: Map<string, string>;
    labels: Map<string, string>;
    conflict: (reason: Phrase) => void;
    into: PluginContributions['pluginFields'];
  },
): void {
  for (const field of plugin.fields ?? []) {
    const owner = claims.owners.get(field.key) ?? claims.labels.get(field.label);
    if (owner) {
      const ownedBy = owner === 'core' ? phrase('owner-core') : phrase('owner-plugin', { plugin: owner });
      claims.conflict(
        phrase('plugin-column-taken', {
          plugin: plugin.name,
          label: field.label,
          key: field.key,
          owner: ownedBy,
        }),
      );
      continue;
    }
    claims.owners.set(field.key, plugin.name);
    claims.labels.set(field.label, plugin.name);
    claims.into.push({
      ...(field.after !== undefined ? { after: field.after } : {}),
      definition: resolveField(pluginFieldToDefinition(field, plugin.name)),
    });
  }
}

function gatherRules(plugin: Plugin, rules: ResolvedRule[], conflict: (reason: Phrase) => void): void {
  for (const [ruleName, rule] of Object.entries(plugin.rules ?? {})) {
    const id = `${plugin.name}/${ruleName}`;
    if (rules.some((existing) => existing.id === id)) {
      conflict(phrase('rule-twice', { rule: id }));
      continue;
    }
    rules.push({ id, plugin: plugin.name, rule });
  }
}

function gatherSummaries(
  plugin: Plugin,
  summaries: ResolvedSummary[],
  conflict: (reason: Phrase) => void,
): void {
  for (const summary of plugin.summaries ?? []) {
    const existing = summaries.find((other) => other.id === summary.id);
    if (existing) {
      conflict(phrase('summary-twice', { plugin: plugin.name, other: existing.plugin, summary: summary.id }));
      continue;
    }
    summaries.push({ ...summary, plugin: plugin.name });
  }
}

function gatherAssessmentColumns(
  plugin: Plugin,
  columns: ResolvedAssessmentColumn[],
  conflict: (reason: Phrase) => void,
): void {
  for (const column of plugin.assessment ?? []) {
    // A key twice would make the campaign's weight (assessment.columns[key]) ambiguous.
    const existing = columns.find((other) => other.key === column.key);
    if (existing) {
      conflict(
        phrase('assessment-column-twice', { plugin: plugin.name, other: existing.plugin, key: column.key }),
      );
      continue;
    }
    columns.push({ ...column, plugin: plugin.name });
  }
}

/** Stage 3: the resolved campaign: columns in order, notice body with plugin sections, fingerprint. */
function assembleCampaign(
  campaign: Campaign,
  plugins: Plugin[],
  contributions: PluginContributions,
  sourcePath: string | undefined,
): ResolvedCampaign {
  const fields = placeFields(contributions.pluginFields);
  const table = campaign.attachments.find((attachment) => attachment.kind === 'statistics-table');
  const defaultYear = Number(campaign.period.start.slice(0, 4));
  return {
    ...campaign,
    body: mergeNoticeBody(campaign.body, contributions.contributions),
    plugins,
    fields,
    rules: contributions.rules,
    summaries: contributions.summaries,
    assessmentColumns: contributions.assessmentColumns,
    tableTitle: table?.title ?? campaign.title,
    fieldContext: {
      defaultYear,
      period: campaign.period,
      ...(campaign.issuer.areaCode ? { defaultAreaCode: campaign.issuer.areaCode } : {}),
    },
    fingerprint: fingerprintOf(
      JSON.stringify([campaign.id, fields.map((field) => [field.key, field.label, field.source])]),
    ),
    ...(sourcePath ? { sourcePath } : {}),
  };
}
