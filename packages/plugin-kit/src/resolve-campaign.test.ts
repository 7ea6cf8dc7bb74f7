import { CampaignError, linfen2024Campaign, renderIssue, renderMessage } from '@jianshen/schema';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { definePlugin } from './plugin.js';
import { resolveCampaign } from './resolve-campaign.js';
import { defineRule } from './rule.js';

const participation = definePlugin({
  name: 'participation',
  fields: [{ key: 'participants', label: '参与人数', schema: z.number().int().min(0) }],
  rules: {
    positive: defineRule({ meta: { messages: { zero: '参与人数为 0' } }, create: () => ({}) }),
  },
  summaries: [
    { id: 'participants-total', label: '参与人数', totals: [{ key: 'p', label: 'p', value: () => 1 }] },
  ],
  notice: { blocks: [{ heading: '统计口径', children: ['参与人数按实际到场人数统计。'] }] },
});

async function rejection(promise: Promise<unknown>): Promise<CampaignError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(CampaignError);
  return error as CampaignError;
}

describe('resolveCampaign', () => {
  it('resolves the built-in campaign to the nine columns', async () => {
    const campaign = await resolveCampaign(linfen2024Campaign);
    expect(campaign.fields.map((field) => field.key)).toEqual([
      'seq',
      'organizer',
      'name',
      'summary',
      'mode',
      'date',
      'contact',
      'phone',
      'note',
    ]);
    expect(campaign.tableTitle).toBe('2024年全民健身志愿服务活动统计表');
    expect(campaign.fieldContext).toEqual({
      defaultYear: 2024,
      period: { start: '2024-06-01', end: '2024-11-30' },
      defaultAreaCode: '0357',
    });
    expect(campaign.fingerprint).toMatch(/^[0-9a-f]{8}$/);
  });

  it('applies a plugin: its column before 备注, its rule, summary and notice section', async () => {
    const campaign = await resolveCampaign({ ...linfen2024Campaign, plugins: [participation] });
    expect(campaign.fields.map((field) => field.key).slice(-2)).toEqual(['participants', 'note']);
    expect(campaign.fields.at(-2)).toMatchObject({
      label: '参与人数',
      source: 'participation',
      column: { kind: 'number' },
    });
    expect(campaign.rules.map((rule) => rule.id)).toEqual(['participation/positive']);
    expect(campaign.summaries.map((summary) => summary.id)).toEqual(['participants-total']);
    // After 六、活动要求, before the closing paragraph.
    const headings = campaign.body.map((block) =>
      typeof block === 'string' ? block.slice(0, 4) : block.heading,
    );
    expect(headings.slice(-3)).toEqual(['活动要求', '统计口径', '请各县（']);
    expect(campaign.fingerprint).not.toBe((await resolveCampaign(linfen2024Campaign)).fingerprint);
  });

  it('fails clearly when two plugins add the same column', async () => {
    const again = definePlugin({ ...participation, name: 'participation-copy', rules: {}, summaries: [] });
    const error = await rejection(
      resolveCampaign({ ...linfen2024Campaign, plugins: [participation, again] }, { path: 'c.yaml' }),
    );
    expect(error.issues.map((issue) => renderIssue(issue, 'zh'))).toEqual([
      expect.objectContaining({
        path: 'c.yaml',
        code: 'plugin-conflict',
        message: expect.stringContaining('参与人数'),
      }),
    ]);
  });

  it('fails clearly when a plugin redefines a built-in column or a summary id', async () => {
    const clash = definePlugin({
      name: 'clash',
      fields: [{ key: 'phone', label: '电话', schema: z.string() }],
      summaries: [{ id: 'participants-total', label: 'x' }],
    });
    const error = await rejection(
      resolveCampaign({ ...linfen2024Campaign, plugins: [participation, clash] }),
    );
    expect(error.issues.map((issue) => issue.code)).toEqual(['plugin-conflict', 'plugin-conflict']);
    expect(error.message).toContain('内置列');
  });

  it('names an unknown plugin and the file', async () => {
    const error = await rejection(
      resolveCampaign(
        { ...linfen2024Campaign, plugins: ['@jianshen/plugin-nonexistent'] },
        {
          path: 'city/campaign.yaml',
          loadPlugin: async (specifier) => {
            throw new Error(`Cannot find module '${specifier}'`);
          },
        },
      ),
    );
    expect(error.issues.map((issue) => renderIssue(issue, 'zh'))).toEqual([
      expect.objectContaining({
        path: 'city/campaign.yaml',
        field: 'plugins[0]',
        code: 'plugin-not-found',
        message: expect.stringContaining('@jianshen/plugin-nonexistent'),
      }),
    ]);
  });

  it('rejects a malformed plugin with the reason', async () => {
    const error = await rejection(
      resolveCampaign(
        { ...linfen2024Campaign, plugins: ['./broken.mjs'] },
        { loadPlugin: async () => ({ name: 'broken', fields: [{ key: '参与', label: 'x' }] }) as never },
      ),
    );
    expect(error.issues[0]).toMatchObject({ code: 'plugin-invalid' });
    expect(renderMessage(error.issues[0]!, 'zh')).toContain('fields[0].key');
  });

  it('tells browser callers how to pass plugins named by string', async () => {
    const error = await rejection(resolveCampaign({ ...linfen2024Campaign, plugins: ['x'] }));
    expect(renderMessage(error.issues[0]!, 'en')).toContain('loadCampaign');
  });
});

describe('resolveCampaign with pluginFailures: report', () => {
  const loadPlugin = async (specifier: string) => {
    if (specifier === 'participation') return participation;
    if (specifier === './syntax.mjs') throw new SyntaxError('Unexpected token (3:14)');
    if (specifier === './not-a-plugin.mjs') return { fields: 'no' } as never;
    throw Object.assign(new Error(`Cannot find module '${specifier}'`), { code: 'ERR_MODULE_NOT_FOUND' });
  };
  const plugins = ['./syntax.mjs', 'participation', '@jianshen/plugin-gone', './not-a-plugin.mjs'];

  it('leaves out each plugin that fails to load and keeps one issue each, at its plugins[i]', async () => {
    const campaign = await resolveCampaign(
      { ...linfen2024Campaign, plugins },
      { path: 'city/campaign.yaml', loadPlugin, pluginFailures: 'report' },
    );
    expect(campaign.plugins.map((plugin) => plugin.name)).toEqual(['participation']);
    expect(campaign.fields.map((field) => field.key)).toContain('participants');
    expect(campaign.issues?.map((issue) => [issue.path, issue.field, issue.code, issue.severity])).toEqual([
      ['city/campaign.yaml', 'plugins[0]', 'plugin-failed', 'error'],
      ['city/campaign.yaml', 'plugins[2]', 'plugin-not-found', 'error'],
      ['city/campaign.yaml', 'plugins[3]', 'plugin-invalid', 'error'],
    ]);
    expect(renderMessage(campaign.issues![0]!, 'zh')).toBe(
      '插件「./syntax.mjs」在加载时出错：Unexpected token (3:14)',
    );
  });

  it('still throws by default, and for conflicts in either mode', async () => {
    const strict = await rejection(resolveCampaign({ ...linfen2024Campaign, plugins }, { loadPlugin }));
    expect(strict.issues.map((issue) => issue.field)).toEqual(['plugins[0]', 'plugins[2]', 'plugins[3]']);
    const twice = await rejection(
      resolveCampaign(
        { ...linfen2024Campaign, plugins: ['participation', 'participation'] },
        { loadPlugin, pluginFailures: 'report' },
      ),
    );
    expect(twice.issues[0]).toMatchObject({ code: 'plugin-conflict' });
  });

  it('has no issues when every plugin loads', async () => {
    const campaign = await resolveCampaign(
      { ...linfen2024Campaign, plugins: ['participation'] },
      { loadPlugin, pluginFailures: 'report' },
    );
    expect(campaign.issues).toBeUndefined();
  });

  it('counts a plugin that never finishes loading as failed, instead of ending the process', async () => {
    const campaign = await resolveCampaign(
      { ...linfen2024Campaign, plugins: ['./never.mjs'] },
      { loadPlugin: () => new Promise<never>(() => {}), pluginFailures: 'report', pluginLoadTimeoutMs: 50 },
    );
    expect(campaign.issues?.map((issue) => issue.code)).toEqual(['plugin-failed']);
    expect(renderMessage(campaign.issues![0]!, 'zh')).toBe(
      '插件「./never.mjs」在加载时出错：0.05 秒内未加载完成（模块或工厂函数一直没有返回）',
    );
  });
});

describe('resolveCampaign with skipPlugins', () => {
  it('does not load the plugins named by index, and says nothing of them (the first load did)', async () => {
    const asked: string[] = [];
    const venue = definePlugin({
      name: 'venue',
      fields: [{ key: 'venue', label: '场地', schema: z.string() }],
    });
    const resolved = await resolveCampaign(
      { ...linfen2024Campaign, plugins: ['./never.mjs', './venue.mjs'] },
      {
        path: 'campaign.yaml',
        pluginFailures: 'report',
        skipPlugins: [0],
        loadPlugin: async (specifier) => {
          asked.push(specifier);
          return specifier === './venue.mjs' ? venue : new Promise<never>(() => {});
        },
      },
    );
    expect(asked).toEqual(['./venue.mjs']);
    expect(resolved.plugins.map((plugin) => plugin.name)).toEqual(['venue']);
    expect(resolved.issues).toBeUndefined();
  });
});
