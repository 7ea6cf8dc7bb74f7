import { RuleTester, resolveCampaign } from '@jianshen/plugin-kit';
import { linfen2024Campaign, parseRow } from '@jianshen/schema';
import { describe, expect, it } from 'vitest';
import defaultExport, {
  createParticipationPlugin,
  participationPlugin,
  plausibleHours,
  volunteersWithinParticipants,
} from './index.js';

RuleTester.describe = describe;
RuleTester.it = it;

const oneDay = { start: '2024-06-15', end: '2024-06-15' };
const threeDays = { start: '2024-07-15', end: '2024-07-17' };
const row = {
  organizer: '尧都区体育中心',
  name: '太极拳教学',
  mode: 'offline',
  date: oneDay,
  phone: ['13912345678'],
};
const tester = new RuleTester({ plugins: [participationPlugin] });

tester.run('volunteers-within-participants', volunteersWithinParticipants, {
  valid: [
    { row: { ...row, participants: 80, volunteers: 6 } },
    { row: { ...row, participants: 6, volunteers: 6 } },
    { name: 'only participants', row: { ...row, participants: 80 } },
    { name: 'nothing filled', row },
  ],
  invalid: [
    {
      row: { ...row, participants: 6, volunteers: 80 },
      errors: [
        {
          code: 'participation/volunteers-exceed-participants',
          field: 'volunteers',
          severity: 'warning',
          message: '志愿者人数 80 多于参与人数 6，请核对两列是否填反',
        },
      ],
    },
    {
      rows: [
        { ...row, participants: 10, volunteers: 2 },
        { ...row, participants: 0, volunteers: 1 },
      ],
      errors: [{ code: 'participation/volunteers-exceed-participants', row: 2 }],
    },
  ],
});

tester.run('plausible-hours', plausibleHours, {
  valid: [
    { row: { ...row, volunteers: 6, serviceHours: 12 } },
    { name: '12 hours each on one day is the soft limit', row: { ...row, volunteers: 2, serviceHours: 24 } },
    { name: 'three days allow 36 each', row: { ...row, date: threeDays, volunteers: 2, serviceHours: 72 } },
    { name: 'no volunteers given', row: { ...row, serviceHours: 500 } },
    { name: 'zero hours, zero volunteers', row: { ...row, volunteers: 0, serviceHours: 0 } },
  ],
  invalid: [
    {
      name: 'more than 24 hours a day each',
      row: { ...row, volunteers: 2, serviceHours: 50 },
      errors: [
        {
          code: 'participation/hours-impossible',
          field: 'serviceHours',
          severity: 'error',
          message: '服务时长 50 小时、志愿者 2 人，人均 25 小时，超过活动 1 天最多的 24 小时',
        },
      ],
    },
    {
      name: 'minutes typed as hours',
      row: { ...row, date: threeDays, volunteers: 4, serviceHours: 180 },
      errors: [{ code: 'participation/hours-implausible', severity: 'warning' }],
    },
    {
      row: { ...row, volunteers: 0, serviceHours: 8 },
      errors: [{ code: 'participation/hours-without-volunteers', field: 'volunteers', severity: 'warning' }],
    },
  ],
});

new RuleTester({ plugins: [createParticipationPlugin({ maxHoursPerDay: 8 })], lang: 'en' }).run(
  'plausible-hours (8 a day)',
  createParticipationPlugin({ maxHoursPerDay: 8 }).rules!['plausible-hours']!,
  {
    valid: [{ row: { ...row, volunteers: 1, serviceHours: 8 } }],
    invalid: [
      {
        row: { ...row, volunteers: 1, serviceHours: 9 },
        errors: [
          {
            code: 'participation/hours-implausible',
            message: '9 hours per volunteer exceeds 8 a day for 1 day(s); minutes or head counts entered?',
          },
        ],
      },
    ],
  },
);

describe('participation plugin', async () => {
  const campaign = await resolveCampaign({ ...linfen2024Campaign, plugins: [participationPlugin] });
  const cells = {
    organizer: '尧都区体育中心',
    name: '太极拳教学',
    mode: '线下',
    date: '2024年6月15日',
    phone: '13912345678',
  };
  const parse = (extra: Record<string, unknown>) =>
    parseRow({ ...cells, ...extra } as Record<string, string>, campaign.fields, campaign.fieldContext);

  it('is the default export', () => {
    expect(defaultExport).toBe(participationPlugin);
  });

  it('adds three number columns before 备注', () => {
    const added = campaign.fields.filter((field) => field.source === '@jianshen/plugin-participation');
    expect(added.map((field) => [field.key, field.label, field.column.kind])).toEqual([
      ['participants', '参与人数', 'number'],
      ['volunteers', '志愿者人数', 'number'],
      ['serviceHours', '服务时长（小时）', 'number'],
    ]);
    expect(campaign.fields.at(-1)?.key).toBe('note');
  });

  it.each([
    [
      { participants: '80', volunteers: 6, serviceHours: '12' },
      { participants: 80, volunteers: 6, serviceHours: 12 },
    ],
    [
      { participants: '约120人', volunteers: '6名', serviceHours: '2.5小时' },
      { participants: 120, volunteers: 6, serviceHours: 2.5 },
    ],
    [
      { participants: '１,２００余人', volunteers: '３０人次', serviceHours: '90分钟' },
      { participants: 1200, volunteers: 30, serviceHours: 1.5 },
    ],
    [
      { participants: 0, serviceHours: '3h' },
      { participants: 0, serviceHours: 3 },
    ],
  ])('reads %j', (typed, expected) => {
    const parsed = parse(typed);
    expect(parsed.issues).toEqual([]);
    expect(parsed.values).toMatchObject(expected);
  });

  it.each([
    ['participants', '-5', '不能为负数'],
    ['participants', '12.5', '须为整数'],
    ['volunteers', '若干', '须为数字'],
    ['serviceHours', '-1', '不能为负数'],
    ['serviceHours', '两天', '须为数字'],
  ])('rejects %s %j', (key, typed, reason) => {
    const parsed = parse({ [key]: typed });
    expect(parsed.ok).toBe(false);
    expect(parsed.issues).toMatchObject([{ field: key, code: 'value-invalid', value: typed }]);
    expect(String(parsed.issues[0]?.data?.reason)).toContain(reason);
  });

  it('totals the three numbers in the summaries', () => {
    const summary = campaign.summaries.find((candidate) => candidate.id === 'participation');
    expect(summary?.groupBy).toBeUndefined();
    const entry = { values: { participants: 80, volunteers: 6 }, unit: '尧都区', source: { path: 'a.xlsx' } };
    expect(summary?.totals?.map((total) => [total.key, total.value(entry)])).toEqual([
      ['participants', 80],
      ['volunteers', 6],
      ['serviceHours', undefined],
    ]);
  });

  it('can require the numbers and add its notice paragraph after 活动要求', async () => {
    const strict = await resolveCampaign({
      ...linfen2024Campaign,
      plugins: [createParticipationPlugin({ required: true, notice: true })],
    });
    expect(parseRow(cells, strict.fields, strict.fieldContext).issues.map((issue) => issue.code)).toEqual([
      'required',
      'required',
      'required',
    ]);
    const headings = strict.body.map((block) => (typeof block === 'string' ? '(text)' : block.heading));
    expect(headings.slice(-3)).toEqual(['活动要求', '统计填报', '(text)']);
    expect(() => createParticipationPlugin({ maxHoursPerDay: 30 })).toThrow(RangeError);
  });
});
