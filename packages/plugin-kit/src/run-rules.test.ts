import { linfen2024Campaign } from '@jianshen/schema';
import { describe, expect, it } from 'vitest';
import { definePlugin } from './plugin.js';
import { resolveCampaign } from './resolve-campaign.js';
import type { RowEntry } from './row-entry.js';
import { defineRule } from './rule.js';
import { runRules } from './run-rules.js';

const onlineNeedsNote = defineRule({
  meta: {
    severity: 'warning',
    messages: {
      'online-note': {
        zh: '线上活动请在备注中写明平台（{name}）',
        en: 'Name the platform for online activity {name}',
      },
    },
  },
  create: (context) => ({
    row(entry) {
      if (entry.values.mode === 'online' && !entry.values.note) {
        context.report({ row: entry, field: 'note', code: 'online-note', data: { name: entry.values.name } });
      }
    },
  }),
});

const atMostOnePerDay = defineRule({
  meta: { messages: { crowded: '{unit} 同一天有 {count} 项活动' } },
  create: (context) => ({
    table(entries) {
      const byDay = new Map<string, number>();
      for (const entry of entries) {
        const key = `${entry.unit}|${entry.values.date?.start}`;
        byDay.set(key, (byDay.get(key) ?? 0) + 1);
      }
      for (const [key, count] of byDay) {
        if (count > 1) context.report({ code: 'crowded', data: { unit: key.split('|')[0], count } });
      }
    },
  }),
});

const crashing = defineRule({
  meta: { messages: {} },
  create: () => ({
    row() {
      throw new Error('boom');
    },
  }),
});

function entry(values: RowEntry['values'], row: number): RowEntry {
  return { values, unit: '尧都区', source: { path: 'a.xlsx', sheet: '统计表', row } };
}

describe('runRules', () => {
  it('runs row and table handlers and positions issues at the row', async () => {
    const plugin = definePlugin({ name: 'local', rules: { onlineNeedsNote, atMostOnePerDay } });
    const campaign = await resolveCampaign({ ...linfen2024Campaign, plugins: [plugin] });
    const day = { start: '2024-06-15', end: '2024-06-15' };
    const issues = runRules(campaign, [
      entry({ name: '线上讲座', mode: 'online', date: day }, 5),
      entry({ name: '健步走', mode: 'offline', date: day }, 6),
    ]);
    expect(issues).toEqual([
      {
        path: 'a.xlsx',
        sheet: '统计表',
        row: 5,
        field: 'note',
        code: 'online-note',
        severity: 'warning',
        message: '线上活动请在备注中写明平台（线上讲座）',
        rule: 'local/onlineNeedsNote',
      },
      {
        path: '',
        code: 'crowded',
        severity: 'error',
        message: '尧都区 同一天有 2 项活动',
        rule: 'local/atMostOnePerDay',
      },
    ]);
  });

  it('turns a crashing rule into one error instead of stopping', async () => {
    const campaign = await resolveCampaign({
      ...linfen2024Campaign,
      plugins: [definePlugin({ name: 'bad', rules: { crashing } })],
    });
    const issues = runRules(campaign, [entry({ name: 'x' }, 4)], 'en');
    expect(issues).toEqual([
      expect.objectContaining({ code: 'rule-crashed', message: 'Rule failed bad/crashing: boom' }),
    ]);
  });
});
