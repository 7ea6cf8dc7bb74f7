import { definePlugin, defineRule, defineSummary, resolveCampaign } from '@jianshen/plugin-kit';
import { CampaignError, linfen2024Campaign, renderMessage } from '@jianshen/schema';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { aggregate } from './aggregate.js';
import { csvHead } from './hostile/submission.js';
import { runWithTimeout } from './node/bounded-runner.js';
import { countyWithVenues } from './plugin.test-support.js';

const encoder = new TextEncoder();

function county(rows: number, unit = '翼城县'): Uint8Array {
  const lines = [...csvHead(`${unit}体育局`)];
  for (let index = 1; index <= rows; index++) {
    lines.push(
      `${index},${unit}体育中心,健身活动第${index}场,简介,线下,2024-06-0${index},郑雪,1391234567${index},`,
    );
  }
  return encoder.encode(lines.join('\n'));
}

const noted = defineRule({
  meta: { severity: 'warning', messages: { seen: { zh: '已检查', en: 'checked' } } },
  create: (context) => ({ row: (entry) => context.report({ row: entry, code: 'seen' }) }),
});

function busyWait(ms: number): void {
  const end = performance.now() + ms;
  while (performance.now() < end) {
    // A rule doing slow work, row after row.
  }
}

describe('a plugin rule that runs too long', () => {
  it('is stopped inside an endless loop, reported, and every row is still delivered', async () => {
    const loops = defineRule({
      meta: { messages: {} },
      create: () => ({
        row(entry) {
          if (entry.source.row === 5)
            for (;;) {
              // Never returns: only a watchdog outside this code can stop it.
            }
        },
      }),
    });
    const plugin = definePlugin({ name: 'test-hang', rules: { loops, noted } });
    const campaign = await resolveCampaign({ ...linfen2024Campaign, plugins: [plugin] });
    const started = performance.now();
    const report = await aggregate([{ path: 'county.csv', data: county(4) }], campaign, {
      ruleBudgetMs: 300,
      runBounded: runWithTimeout,
    });
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(report.rows).toHaveLength(4);
    const timeout = report.issues.filter((issue) => issue.code === 'rule-timeout');
    expect(timeout).toHaveLength(1);
    expect(timeout[0]).toMatchObject({ path: 'county.csv', severity: 'error' });
    expect(timeout[0]?.message).toContain('test-hang/loops');
    // The other rule saw every row, the one the stuck rule was cut short on too.
    expect(report.issues.filter((issue) => issue.code === 'seen')).toHaveLength(4);
  });

  it('is stopped inside an endless loop in its create, reported, and every row is delivered', async () => {
    const loopsAtStart = defineRule({
      meta: { messages: {} },
      create: () => {
        for (;;) {
          // Never returns: create runs before any row, under the same budget.
        }
      },
    });
    const plugin = definePlugin({ name: 'test-hang-create', rules: { loopsAtStart, noted } });
    const campaign = await resolveCampaign({ ...linfen2024Campaign, plugins: [plugin] });
    const report = await aggregate([{ path: 'county.csv', data: county(3) }], campaign, {
      ruleBudgetMs: 200,
      runBounded: runWithTimeout,
    });
    expect(report.rows).toHaveLength(3);
    const timeout = report.issues.filter((issue) => issue.code === 'rule-timeout');
    expect(timeout).toEqual([expect.objectContaining({ severity: 'error' })]);
    expect(timeout[0]?.message).toContain('test-hang-create/loopsAtStart');
    expect(report.issues.filter((issue) => issue.code === 'seen')).toHaveLength(3);
  });

  it('is stopped for the rest of a file once its budget is spent, timed between calls', async () => {
    const calls = new Map<string, number>();
    const slow = defineRule({
      meta: { messages: {} },
      create: () => ({
        row(entry) {
          calls.set(entry.source.path, (calls.get(entry.source.path) ?? 0) + 1);
          busyWait(60);
        },
      }),
    });
    const plugin = definePlugin({ name: 'test-slow', rules: { slow } });
    const campaign = await resolveCampaign({ ...linfen2024Campaign, plugins: [plugin] });
    const report = await aggregate(
      [
        { path: 'a.csv', data: county(8) },
        { path: 'b.csv', data: county(8, '侯马市') },
      ],
      campaign,
      { ruleBudgetMs: 100 },
    );
    // Two calls (one on a machine busy enough to stretch it) reach the budget in each file; the
    // rule runs again in the next file; the rows after are not checked by it.
    for (const path of ['a.csv', 'b.csv']) {
      expect(calls.get(path)).toBeGreaterThanOrEqual(1);
      expect(calls.get(path)).toBeLessThanOrEqual(2);
    }
    expect(report.rows).toHaveLength(16);
    expect(report.issues.filter((issue) => issue.code === 'rule-timeout').map((issue) => issue.path)).toEqual(
      ['a.csv', 'b.csv'],
    );
  });
});

describe('a plugin summary that throws', () => {
  it('becomes an issue naming the plugin and the place; rows and other counts stay', async () => {
    const plugin = definePlugin({
      name: 'test-broken-summary',
      summaries: [
        defineSummary({
          id: 'broken',
          label: { zh: '坏的', en: 'Broken' },
          groupBy: () => {
            throw new Error('groupBy exploded');
          },
          totals: [
            {
              key: 'bad-total',
              label: { zh: '坏合计', en: 'Bad total' },
              value: () => {
                throw new TypeError('value exploded');
              },
            },
          ],
        }),
      ],
    });
    const campaign = await resolveCampaign({ ...linfen2024Campaign, plugins: [plugin] });
    const report = await aggregate([{ path: 'county.csv', data: county(3) }], campaign, { lang: 'zh' });
    expect(report.rows).toHaveLength(3);
    expect(report.summary.rowsAccepted).toBe(3);
    const failed = report.issues.filter((issue) => issue.code === 'plugin-failed');
    expect(failed).toHaveLength(2);
    expect(failed.map((issue) => issue.message).join('\n')).toContain(
      '插件「test-broken-summary」在汇总「broken」的分组（groupBy）出错：groupBy exploded',
    );
    expect(failed.map((issue) => issue.message).join('\n')).toContain(
      '合计「bad-total」的取值（value）出错：value exploded',
    );
  });
});

describe('a plugin summary whose groupBy returns what is not a group', () => {
  // Probe: a .mjs plugin (no types to stop it) whose groupBy returned an object ended the whole
  // run: "object is not iterable", exit 2, no outputs.
  it.each([
    ['an object', () => ({ group: '甲' })],
    ['a number', () => 7],
    ['an array holding an object', () => ['甲', { group: '乙' }]],
  ])('%s: an issue naming the plugin, every row delivered', async (_label, groupBy) => {
    const plugin = definePlugin({
      name: 'test-odd-group',
      summaries: [
        defineSummary({
          id: 'odd',
          label: { zh: '怪分组', en: 'Odd' },
          groupBy: groupBy as unknown as () => string,
        }),
      ],
    });
    const campaign = await resolveCampaign({ ...linfen2024Campaign, plugins: [plugin] });
    const report = await aggregate([{ path: 'county.csv', data: county(3) }], campaign, { lang: 'zh' });
    expect(report.rows).toHaveLength(3);
    const failed = report.issues.filter((issue) => issue.code === 'plugin-failed');
    expect(failed).toHaveLength(1);
    expect(failed[0]?.message).toContain(
      '插件「test-odd-group」在汇总「odd」的分组（groupBy）出错：返回的不是分组名（字符串）或分组名的数组',
    );
  });
});

describe('a plugin total whose value is not a number', () => {
  // Probe: a total returning 10n, '12' or NaN was dropped without a word; the sheet showed 0.
  it.each([
    ['a string', () => '12'],
    ['a BigInt', () => 10n],
    ['NaN', () => Number.NaN],
    ['Infinity', () => Number.POSITIVE_INFINITY],
    ['-Infinity', () => Number.NEGATIVE_INFINITY],
  ])('%s: an issue naming the plugin and the total; missing values stay quiet', async (_label, value) => {
    const plugin = definePlugin({
      name: 'test-odd-total',
      summaries: [
        defineSummary({
          id: 'odd',
          label: { zh: '怪合计', en: 'Odd' },
          totals: [
            { key: 'people', label: { zh: '人数', en: 'People' }, value: value as unknown as () => number },
            { key: 'none', label: { zh: '无', en: 'None' }, value: () => undefined },
          ],
        }),
      ],
    });
    const campaign = await resolveCampaign({ ...linfen2024Campaign, plugins: [plugin] });
    const report = await aggregate([{ path: 'county.csv', data: county(3) }], campaign, { lang: 'zh' });
    expect(report.rows).toHaveLength(3);
    const failed = report.issues.filter((issue) => issue.code === 'plugin-failed');
    expect(failed.map((issue) => issue.message)).toEqual([
      '插件「test-odd-total」在合计「people」的取值（value）出错：返回的不是数字',
    ]);
  });
});

describe('a plugin that fails to load', () => {
  it('says so with its own error, not “not found”', async () => {
    const error = await resolveCampaign(
      { ...linfen2024Campaign, plugins: ['./plugins/broken.ts'] },
      {
        path: 'campaign.yaml',
        loadPlugin: async () => {
          throw new SyntaxError('Unexpected token (3:14)');
        },
      },
    ).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(CampaignError);
    const [issue] = (error as CampaignError).issues;
    expect(issue?.code).toBe('plugin-failed');
    const text = renderMessage(issue ?? { code: 'plugin-failed' }, 'zh');
    expect(text).toContain('Unexpected token (3:14)');
    expect(text).not.toContain('找不到');
  });
});

describe('a plugin that fails to load, with pluginFailures: report', () => {
  it('is left out; its issue is in the report, at the campaign file; every row is delivered', async () => {
    const campaign = await resolveCampaign(
      { ...linfen2024Campaign, plugins: ['./plugins/broken.ts'] },
      {
        path: 'campaign.yaml',
        pluginFailures: 'report',
        loadPlugin: async () => {
          throw new SyntaxError('Unexpected token (3:14)');
        },
      },
    );
    const report = await aggregate([{ path: 'county.csv', data: county(3) }], campaign, { lang: 'zh' });
    expect(report.rows).toHaveLength(3);
    const failed = report.issues.filter((issue) => issue.code === 'plugin-failed');
    expect(failed).toEqual([
      expect.objectContaining({ path: 'campaign.yaml', field: 'plugins[0]', severity: 'error' }),
    ]);
    expect(failed[0]?.message).toBe('插件「./plugins/broken.ts」在加载时出错：Unexpected token (3:14)');
  });
});

describe('a plugin column whose schema throws', () => {
  it('is an issue at its file, sheet, row and column; the row is still delivered', async () => {
    const plugin = definePlugin({
      name: 'test-throwing-schema',
      fields: [
        {
          key: 'venue',
          label: '场地',
          schema: z
            .string()
            .optional()
            .refine((value) => {
              if (value?.includes('馆')) throw new RangeError('venue lookup exploded');
              return true;
            }),
        },
      ],
    });
    const campaign = await resolveCampaign({ ...linfen2024Campaign, plugins: [plugin] });
    const data = countyWithVenues(['体育馆', '广场']);
    const report = await aggregate([{ path: 'county.csv', data }], campaign, { lang: 'en' });
    expect(report.rows.map((row) => row.name)).toEqual(['健步走第1场', '健步走第2场']);
    expect(report.rows[1]).toMatchObject({ venue: '广场' });
    const failed = report.issues.filter((issue) => issue.code === 'plugin-failed');
    expect(failed).toEqual([
      expect.objectContaining({
        path: 'county.csv',
        row: 4,
        field: 'venue',
        value: '体育馆',
        severity: 'error',
      }),
    ]);
    expect(failed[0]?.message).toBe(
      'Plugin "test-throwing-schema" failed in the schema of column "场地": venue lookup exploded',
    );
    expect(report.summary.rowsAccepted).toBe(2);
  });
});

describe('a plugin rule that throws', () => {
  it('is an issue naming the plugin/rule; the other rows and rules go on', async () => {
    const throws = defineRule({
      meta: { messages: {} },
      create: () => ({
        row(entry) {
          if (entry.source.row === 5) throw new Error('rule exploded');
        },
      }),
    });
    const plugin = definePlugin({ name: 'test-throwing-rule', rules: { throws, noted } });
    const campaign = await resolveCampaign({ ...linfen2024Campaign, plugins: [plugin] });
    const report = await aggregate([{ path: 'county.csv', data: county(3) }], campaign, { lang: 'zh' });
    expect(report.rows).toHaveLength(3);
    const crashed = report.issues.filter((issue) => issue.code === 'rule-crashed');
    expect(crashed).toHaveLength(1);
    expect(crashed[0]?.message).toContain('test-throwing-rule/throws');
    expect(crashed[0]?.message).toContain('rule exploded');
    // At the row it choked on; that row is still delivered (the fault is the plugin's).
    expect(crashed[0]).toMatchObject({ path: 'county.csv', row: 5 });
    expect(report.summary.rowsAccepted).toBe(3);
    expect(report.issues.filter((issue) => issue.code === 'seen')).toHaveLength(3);
  });
});
