import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { definePlugin } from './plugin.js';
import { defineRule } from './rule.js';
import { RuleTester, RuleTesterError, testEntries } from './rule-tester.js';

const day = { start: '2024-06-15', end: '2024-06-15' };
const baseRow = {
  organizer: '尧都区体育中心',
  name: '太极拳教学',
  mode: 'offline',
  date: day,
  phone: ['13912345678'],
};

/** Reports rows whose 人数 is over 1000, and the table when two rows share an activity name. */
const sizeRule = defineRule({
  meta: {
    severity: 'warning',
    messages: {
      'crowd-too-large': {
        zh: '「{name}」参与人数 {count} 超过 1000',
        en: '"{name}" has {count} participants, over 1000',
      },
      'name-repeated': '活动名称「{name}」出现 {times} 次',
    },
  },
  create(context) {
    return {
      row(entry) {
        const count = entry.values.headcount;
        if (typeof count === 'number' && count > 1000) {
          context.report({
            row: entry,
            field: 'headcount',
            code: 'crowd-too-large',
            data: { name: entry.values.name, count },
          });
        }
      },
      table(entries) {
        const seen = new Map<unknown, number>();
        for (const entry of entries) seen.set(entry.values.name, (seen.get(entry.values.name) ?? 0) + 1);
        for (const [name, times] of seen) {
          if (times > 1) context.report({ code: 'name-repeated', severity: 'error', data: { name, times } });
        }
      },
    };
  },
});

const headcountPlugin = definePlugin({
  name: 'headcount',
  fields: [{ key: 'headcount', label: '人数', schema: z.number().int().nonnegative() }],
  rules: { size: sizeRule },
});

const tests = {
  valid: [
    { row: { ...baseRow, headcount: 1000 } },
    { name: 'no headcount', row: baseRow },
    { rows: [baseRow, { ...baseRow, name: '健步走' }] },
  ],
  invalid: [
    {
      row: { ...baseRow, headcount: 1001 },
      errors: [{ code: 'crowd-too-large', field: 'headcount', severity: 'warning' as const, row: 1 }],
    },
    {
      rows: [baseRow, { ...baseRow, headcount: 5000 }, baseRow],
      errors: [
        { code: 'crowd-too-large', row: 2, message: '「太极拳教学」参与人数 5000 超过 1000' },
        'name-repeated',
      ],
    },
    { rows: [baseRow, baseRow], errors: 1 },
  ],
};

describe('RuleTester', () => {
  // The tester registers its own describe/it blocks here, exactly as plugin tests use it.
  new RuleTester({ plugins: [headcountPlugin], describe, it }).run('size', sizeRule, tests);

  it('passes all cases without a runner through verify()', async () => {
    await expect(
      new RuleTester({ plugins: [headcountPlugin] }).verify('size', sizeRule, tests),
    ).resolves.toBeUndefined();
  });

  it('fails a valid case that reports, listing what was reported', async () => {
    const tester = new RuleTester({ plugins: [headcountPlugin] });
    const failure = tester.verify('size', sizeRule, {
      valid: [{ row: { ...baseRow, headcount: 2000 } }],
      invalid: [],
    });
    await expect(failure).rejects.toThrow(RuleTesterError);
    await expect(failure).rejects.toThrow(/crowd-too-large \[headcount\] row 1 \(warning\)/);
  });

  it('fails an invalid case whose expectations differ', async () => {
    const tester = new RuleTester({ plugins: [headcountPlugin] });
    const run = (errors: import('./rule-tester.js').InvalidTestCase['errors']) =>
      tester.verify('size', sizeRule, {
        valid: [],
        invalid: [{ row: { ...baseRow, headcount: 2000 }, errors }],
      });
    await expect(run([])).rejects.toThrow(/at least one/);
    await expect(run(2)).rejects.toThrow(/expected 2 issues, got 1/);
    await expect(run([{ code: 'other' }])).rejects.toThrow(/code: crowd-too-large ≠ other/);
    await expect(run([{ code: 'crowd-too-large', severity: 'error' }])).rejects.toThrow(
      /severity: warning ≠ error/,
    );
    await expect(run([{ code: 'crowd-too-large', field: 'name' }])).rejects.toThrow(
      /field: headcount ≠ name/,
    );
    await expect(run([{ code: 'crowd-too-large', message: /不存在/ }])).rejects.toThrow(/message:/);
  });

  it('refuses rows the campaign columns would never produce', async () => {
    const tester = new RuleTester({ plugins: [headcountPlugin] });
    const failure = tester.verify('size', sizeRule, {
      valid: [{ row: { ...baseRow, headcount: '很多' } }],
      invalid: [],
    });
    await expect(failure).rejects.toThrow(/headcount/);
    const badDate = tester.verify('size', sizeRule, {
      valid: [{ row: { ...baseRow, date: '2024-06-15' } }],
      invalid: [],
    });
    await expect(badDate).rejects.toThrow(/举办时间/);
  });

  it('reports a crashing rule and codes missing from meta.messages', async () => {
    const crashing = defineRule({
      meta: { messages: {} },
      create: () => ({
        row() {
          throw new Error('boom');
        },
      }),
    });
    const tester = new RuleTester();
    await expect(
      tester.verify('crash', crashing, { valid: [{ row: baseRow }], invalid: [] }),
    ).rejects.toThrow(/boom/);
    const unlisted = defineRule({
      meta: { messages: { known: 'x' } },
      create: (context) => ({ row: (entry) => context.report({ row: entry, code: 'unknown' }) }),
    });
    await expect(
      tester.verify('unlisted', unlisted, { valid: [], invalid: [{ row: baseRow, errors: ['unknown'] }] }),
    ).rejects.toThrow(/meta\.messages/);
  });

  it('gives rules the campaign and the language it was built with', async () => {
    const periodRule = defineRule({
      meta: { messages: { period: { zh: '期间 {start}', en: 'period {start}' } } },
      create: (context) => ({
        table: () => context.report({ code: 'period', data: { start: context.campaign.period.start } }),
      }),
    });
    const tester = new RuleTester({ lang: 'en' });
    await tester.verify('period', periodRule, {
      valid: [],
      invalid: [{ row: baseRow, errors: [{ code: 'period', message: 'period 2024-06-01' }] }],
    });
  });

  it('requires a runner for run() and explains how to provide one', () => {
    const saved = { describe: RuleTester.describe, it: RuleTester.it };
    const globals = globalThis as { describe?: unknown; it?: unknown };
    expect(globals.describe).toBeUndefined();
    try {
      RuleTester.describe = undefined;
      RuleTester.it = undefined;
      expect(() => new RuleTester().run('size', sizeRule, tests)).toThrow(/useVitest/);
    } finally {
      RuleTester.describe = saved.describe;
      RuleTester.it = saved.it;
    }
  });

  it('imports describe and it from vitest on request', async () => {
    await RuleTester.useVitest();
    expect(RuleTester.describe).toBe(describe);
    expect(RuleTester.it).toBe(it);
  });

  it('numbers rows like spreadsheet rows and keeps full entries as given', () => {
    const full = { values: baseRow, unit: '侯马市', source: { path: 'houma.xlsx', row: 7 } };
    const entries = testEntries([baseRow, full], { unit: '尧都区' });
    expect(entries[0]).toEqual({
      values: baseRow,
      unit: '尧都区',
      source: { path: 'test.xlsx', sheet: 'Sheet1', row: 1 },
    });
    expect(entries[1]).toBe(full);
  });
});
