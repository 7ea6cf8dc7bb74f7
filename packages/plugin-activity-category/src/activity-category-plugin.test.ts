import { resolveCampaign } from '@jianshen/plugin-kit';
import { linfen2024Campaign, parseRow } from '@jianshen/schema';
import { describe, expect, it } from 'vitest';
import defaultExport, {
  activityCategoryPlugin,
  createActivityCategoryPlugin,
  outreachVenues,
  volunteerCategories,
} from './index.js';

const campaign = await resolveCampaign({ ...linfen2024Campaign, plugins: [activityCategoryPlugin] });
const cells = {
  organizer: '尧都区体育中心',
  name: '太极拳教学',
  mode: '线下',
  date: '2024年6月15日',
  phone: '13912345678',
};

function parse(extra: Record<string, string>) {
  return parseRow({ ...cells, ...extra }, campaign.fields, campaign.fieldContext);
}

describe('activity category plugin', () => {
  it('is the default export, so a campaign can name the package', () => {
    expect(defaultExport).toBe(activityCategoryPlugin);
  });

  it('adds two dropdown columns before 备注', () => {
    const keys = campaign.fields.map((field) => field.key);
    expect(keys.slice(-3)).toEqual(['volunteerCategory', 'outreachVenue', 'note']);
    const [category, venue] = campaign.fields.filter(
      (field) => field.source === '@jianshen/plugin-activity-category',
    );
    expect(category?.column).toMatchObject({
      kind: 'choice',
      options: [...volunteerCategories],
      label: '志愿服务类别',
    });
    expect(venue?.column).toMatchObject({ kind: 'choice', options: [...outreachVenues], label: '六进场所' });
    expect(category?.required).toBe(false);
  });

  it.each([
    ['社会体育指导员', '社会体育指导员'],
    ['开展社会体育指导员志愿服务活动。', '社会体育指导员'],
    ['体育系统工作者志愿服务', '体育系统工作者'],
    ['教练员', '体育系统工作者'],
    ['优秀运动员', '优秀运动员'],
    ['社区全民健身志愿服务活动', '社区全民健身'],
  ])('reads the category %j as %j', (typed, expected) => {
    const row = parse({ volunteerCategory: typed });
    expect(row.issues).toEqual([]);
    expect(row.values.volunteerCategory).toBe(expected);
  });

  it.each([
    ['进机关(单位)', '机关'],
    ['学校', '校园'],
    ['厂矿（企业）', '厂矿'],
    ['进社区（农村）', '社区'],
    ['公园', '广场'],
    ['家庭', '家庭'],
  ])('reads the venue %j as %j', (typed, expected) => {
    const row = parse({ outreachVenue: typed });
    expect(row.issues).toEqual([]);
    expect(row.values.outreachVenue).toBe(expected);
  });

  it('rejects a value outside the list, naming the choices', () => {
    const row = parse({ volunteerCategory: '医疗志愿者', outreachVenue: '医院' });
    expect(row.ok).toBe(false);
    expect(row.issues.map((issue) => [issue.field, issue.code])).toEqual([
      ['volunteerCategory', 'value-invalid'],
      ['outreachVenue', 'value-invalid'],
    ]);
    expect(String(row.issues[1]?.data?.reason)).toContain('机关、校园、厂矿、社区、广场、家庭');
  });

  it('leaves the columns optional unless asked', async () => {
    expect(parse({}).ok).toBe(true);
    const strict = await resolveCampaign({
      ...linfen2024Campaign,
      plugins: [createActivityCategoryPlugin({ required: true })],
    });
    const row = parseRow(cells, strict.fields, strict.fieldContext);
    expect(row.issues.map((issue) => [issue.field, issue.code])).toEqual([
      ['volunteerCategory', 'required'],
      ['outreachVenue', 'required'],
    ]);
  });

  it('summarises rows by category and by venue, in the notice order', () => {
    const [byCategory, byVenue] = campaign.summaries;
    expect(byCategory).toMatchObject({ id: 'volunteer-category', order: volunteerCategories });
    expect(byVenue).toMatchObject({ id: 'outreach-venue', order: outreachVenues });
    const entry = {
      values: { volunteerCategory: '优秀运动员', outreachVenue: '校园' },
      unit: '尧都区',
      source: { path: 'a.xlsx' },
    };
    expect(byCategory?.groupBy?.(entry)).toBe('优秀运动员');
    expect(byVenue?.groupBy?.(entry)).toBe('校园');
    expect(byVenue?.groupBy?.({ ...entry, values: {} })).toBeUndefined();
  });
});
