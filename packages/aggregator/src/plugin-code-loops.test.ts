import { definePlugin, defineSummary, resolveCampaign } from '@jianshen/plugin-kit';
import { linfen2024Campaign } from '@jianshen/schema';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { aggregate } from './aggregate.js';
import { runWithTimeout } from './node/bounded-runner.js';
import { countyWithVenues } from './plugin.test-support.js';

function loopForever(): never {
  for (;;) {
    // Never returns: only a watchdog outside this code can stop it.
  }
}

describe('a plugin column whose schema loops forever', () => {
  it('is stopped, reported once naming plugin and column; every row delivered, the column empty', async () => {
    const plugin = definePlugin({
      name: 'test-looping-schema',
      fields: [
        {
          key: 'venue',
          label: '场地',
          schema: z
            .string()
            .optional()
            .refine((value) => (value?.includes('馆') ? loopForever() : true)),
        },
      ],
    });
    const campaign = await resolveCampaign({ ...linfen2024Campaign, plugins: [plugin] });
    const started = performance.now();
    const report = await aggregate(
      [
        { path: 'a.csv', data: countyWithVenues(['广场', '体育馆', '公园']) },
        { path: 'b.csv', data: countyWithVenues(['体育馆'], '侯马市') },
      ],
      campaign,
      { ruleBudgetMs: 300, runBounded: runWithTimeout, lang: 'zh' },
    );
    // One budget spent, in a.csv: the column is left out from then on, b.csv costs nothing.
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(report.rows.map((row) => row.name)).toEqual([
      '健步走第1场',
      '健步走第2场',
      '健步走第3场',
      '健步走第1场',
    ]);
    expect(report.rows[0]).toMatchObject({ venue: '广场' });
    expect(report.rows[1]?.venue).toBeUndefined();
    const stopped = report.issues.filter((issue) => issue.code === 'plugin-timeout');
    expect(stopped).toEqual([expect.objectContaining({ path: 'a.csv', field: 'venue', severity: 'error' })]);
    expect(stopped[0]?.message).toBe(
      '插件「test-looping-schema」的列「场地」的校验（schema）运行超过 300 毫秒，已停止，此后不再执行；各行照常收录',
    );
  });

  it('costs nothing on a campaign without plugin columns: no bound is started', async () => {
    const campaign = await resolveCampaign(linfen2024Campaign);
    let bounded = 0;
    const report = await aggregate([{ path: 'a.csv', data: countyWithVenues(['x']) }], campaign, {
      runBounded: (run) => {
        bounded++;
        run();
      },
    });
    expect(report.rows).toHaveLength(1);
    expect(bounded).toBe(0);
  });
});

describe('a plugin summary whose groupBy or total loops forever', () => {
  it('is stopped and reported naming plugin and place; rows, other counts and outputs stay', async () => {
    const plugin = definePlugin({
      name: 'test-looping-summary',
      summaries: [
        defineSummary({
          id: 'stuck',
          label: { zh: '卡住的', en: 'Stuck' },
          groupBy: (entry) => (entry.source.row === 5 ? loopForever() : 'g'),
          totals: [
            {
              key: 'stuck-total',
              label: { zh: '卡住的合计', en: 'Stuck total' },
              value: (entry) => (entry.source.row === 4 ? loopForever() : 1),
            },
          ],
        }),
      ],
    });
    const campaign = await resolveCampaign({ ...linfen2024Campaign, plugins: [plugin] });
    const started = performance.now();
    const report = await aggregate([{ path: 'a.csv', data: countyWithVenues(['1', '2', '3']) }], campaign, {
      ruleBudgetMs: 300,
      runBounded: runWithTimeout,
      lang: 'en',
    });
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(report.rows).toHaveLength(3);
    expect(report.summary.rowsAccepted).toBe(3);
    const stopped = report.issues.filter((issue) => issue.code === 'plugin-timeout');
    expect(stopped.map((issue) => issue.message)).toEqual([
      'Plugin "test-looping-summary": the value of total "stuck-total" ran longer than 300 ms and was stopped for the rest of the run; the rows are still delivered',
      'Plugin "test-looping-summary": the groupBy of summary "stuck" ran longer than 300 ms and was stopped for the rest of the run; the rows are still delivered',
    ]);
    // The total got stuck on the first data row (row 4) and adds nothing from then on.
    expect(report.summary.totals['stuck-total']).toBe(0);
    // groupBy counted the rows before the one it got stuck on.
    expect(report.summary.dimensions[0]?.groups).toEqual([expect.objectContaining({ group: 'g', rows: 1 })]);
  });
});
