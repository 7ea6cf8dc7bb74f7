import { resolveCampaign } from '@jianshen/plugin-kit';
import { linfen2024Campaign, parseRow } from '@jianshen/schema';
import { describe, expect, it } from 'vitest';
import defaultExport, {
  createGroupsServedPlugin,
  groupsServedPlugin,
  groupsServedSchema,
  servedGroups,
} from './index.js';

const campaign = await resolveCampaign({ ...linfen2024Campaign, plugins: [groupsServedPlugin] });
const cells = {
  organizer: '尧都区体育中心',
  name: '太极拳教学',
  mode: '线下',
  date: '2024年6月15日',
  phone: '13912345678',
};
const parse = (groupsServed: string) =>
  parseRow({ ...cells, groupsServed }, campaign.fields, campaign.fieldContext);

describe('groups served plugin', () => {
  it('is the default export and adds 服务对象 before 备注', () => {
    expect(defaultExport).toBe(groupsServedPlugin);
    const field = campaign.fields.at(-2);
    expect(field).toMatchObject({ key: 'groupsServed', label: '服务对象', required: false });
    expect(field?.column.kind).toBe('text');
    expect(field?.example).toBe('老年人、青少年');
  });

  it.each([
    ['老年人', '老年人'],
    ['老年人、青少年', '老年人、青少年'],
    ['青少年,老年人', '老年人、青少年'],
    ['残疾人，幼儿；职工', '残疾人、幼儿、职工'],
    ['老人和学生', '老年人、青少年'],
    ['老年人（空巢）、残障人士', '老年人、残疾人'],
    ['农民 妇女 农民', '妇女、农民'],
  ])('reads %j as %j', (typed, expected) => {
    const row = parse(typed);
    expect(row.issues).toEqual([]);
    expect(row.values.groupsServed).toBe(expected);
  });

  it('rejects groups it does not know, naming them', () => {
    const row = parse('老年人、游客');
    expect(row.ok).toBe(false);
    expect(row.issues).toMatchObject([
      { field: 'groupsServed', code: 'value-invalid', value: '老年人、游客' },
    ]);
    expect(String(row.issues[0]?.data?.reason)).toMatch(/^无法识别「游客」/);
  });

  it('counts a row once in every group it served, in list order', () => {
    const summary = campaign.summaries[0]!;
    expect(summary).toMatchObject({ id: 'groups-served', order: servedGroups });
    const entry = { values: { groupsServed: '老年人、青少年' }, unit: '尧都区', source: { path: 'a.xlsx' } };
    expect(summary.groupBy?.(entry)).toEqual(['老年人', '青少年']);
    expect(summary.groupBy?.({ ...entry, values: {} })).toEqual([]);
  });

  it('takes a city’s own list of groups', async () => {
    const plugin = createGroupsServedPlugin({ groups: ['老年人', '游客'], required: true });
    const own = await resolveCampaign({ ...linfen2024Campaign, plugins: [plugin] });
    const row = parseRow({ ...cells, groupsServed: '游客、老人' }, own.fields, own.fieldContext);
    expect(row.values.groupsServed).toBe('老年人、游客');
    expect(parseRow(cells, own.fields, own.fieldContext).issues.map((issue) => issue.code)).toEqual([
      'required',
    ]);
    expect(groupsServedSchema(['游客']).safeParse('老人').success).toBe(false);
  });
});
