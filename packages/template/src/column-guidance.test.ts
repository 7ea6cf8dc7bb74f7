import { choiceSchema, definePlugin, multiChoiceSchema, resolveCampaign } from '@jianshen/plugin-kit';
import { linfen2024Campaign } from '@jianshen/schema';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { columnGuidance } from './column-guidance.js';
import { describeNumberRule, numberRule } from './number-rule.js';
import { exampleDay, exampleRangeText, formatPeriod } from './period-text.js';

describe('numberRule', () => {
  it('reads integer-ness and bounds from the zod schema', () => {
    expect(numberRule(z.number().int().min(0))).toEqual({
      integer: true,
      min: 0,
      minExclusive: false,
      maxExclusive: false,
    });
    // zod's own ±2^53 bounds for .int() are not shown to a clerk.
    expect(numberRule(z.number().int())).toEqual({ integer: true, minExclusive: false, maxExclusive: false });
    expect(numberRule(z.number().int().positive().max(500))).toMatchObject({
      integer: true,
      min: 1,
      max: 500,
    });
    expect(numberRule(z.number().positive())).toMatchObject({ integer: false, min: 0, minExclusive: true });
    expect(numberRule(z.preprocess(Number, z.number().int().min(0)))).toMatchObject({
      integer: true,
      min: 0,
    });
  });

  it('describes the rule in both languages', () => {
    expect(describeNumberRule(numberRule(z.number().int().min(0)), 'zh')).toBe('不小于 0 的整数');
    expect(describeNumberRule(numberRule(z.number().min(0).max(24)), 'zh')).toBe(
      '不小于 0 且不大于 24 的数字',
    );
    expect(describeNumberRule(numberRule(z.number().positive()), 'en')).toBe('a number > 0');
    expect(describeNumberRule(numberRule(z.number().int()), 'zh')).toBe('整数');
  });
});

describe('period texts', () => {
  it('keeps examples inside the period, even a short one', () => {
    expect(exampleDay({ start: '2024-06-01', end: '2024-11-30' })).toBe('2024-06-15');
    expect(exampleRangeText({ start: '2024-06-01', end: '2024-11-30' })).toBe('2024.6.15-6.19');
    expect(exampleDay({ start: '2025-08-08', end: '2025-08-10' })).toBe('2025-08-08');
    expect(exampleRangeText({ start: '2025-08-08', end: '2025-08-10' })).toBe('2025.8.8-8.10');
    expect(exampleRangeText({ start: '2024-12-20', end: '2025-01-31' })).toBe('2025.1.3-1.7');
    expect(formatPeriod({ start: '2024-06-01', end: '2024-11-30' })).toBe('2024年6月1日至2024年11月30日');
  });
});

describe('columnGuidance for plugin columns', () => {
  it('derives each validation from the field schema', async () => {
    const plugin = definePlugin({
      name: 'test-mixed',
      fields: [
        {
          key: 'venue',
          label: '活动场所',
          schema: choiceSchema(['社区', '校园', '公园'], { aliases: { 学校: '校园' } }),
        },
        { key: 'groups', label: '服务人群', schema: multiChoiceSchema(['老年人', '青少年']) },
        { key: 'hours', label: '服务时长（小时）', schema: z.number().positive().max(24) },
        { key: 'remark', label: '说明', schema: z.string() },
        { key: 'code', label: '项目编号', schema: z.string().max(12) },
      ],
    });
    const campaign = await resolveCampaign({ ...linfen2024Campaign, plugins: [plugin] });
    const byKey = new Map(columnGuidance(campaign, 'zh').map((column) => [column.field.key, column]));

    const venue = byKey.get('venue')?.validation('J4');
    expect(venue).toMatchObject({ type: 'list', formulae: ['"社区,校园,公园"'], errorStyle: 'stop' });

    // A multi-choice cell holds several values: free text with its hint, no dropdown.
    expect(byKey.get('groups')?.validation('K4')).toMatchObject({ type: 'any', showInputMessage: true });

    const hours = byKey.get('hours')?.validation('L4');
    expect(hours).toMatchObject({
      type: 'custom',
      formulae: ['AND(ISNUMBER(L4),L4>0,L4<=24)'],
      prompt: '选填。填写大于 0 且不大于 24 的数字',
    });

    expect(byKey.get('remark')?.validation('M4')).toMatchObject({ type: 'any', prompt: '选填' });
    expect(byKey.get('code')?.validation('N4')).toMatchObject({
      type: 'textLength',
      operator: 'lessThanOrEqual',
      formulae: [12],
    });
    expect(byKey.get('code')?.rule).toBe('不超过 12 个字');
  });
});
