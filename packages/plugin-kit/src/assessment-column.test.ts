import { CampaignError, linfen2024Campaign } from '@jianshen/schema';
import { describe, expect, it } from 'vitest';
import { defineAssessmentColumn } from './assessment-column.js';
import { definePlugin } from './plugin.js';
import { resolveCampaign } from './resolve-campaign.js';

const people = defineAssessmentColumn({
  key: 'people',
  label: { zh: '参与人数', en: 'Participants' },
  value: (unit) => unit.totals.people ?? 0,
});

describe('plugin assessment columns', () => {
  it('are collected in plugin order with their plugin', async () => {
    const plugin = definePlugin({ name: 'people', assessment: [people] });
    const campaign = await resolveCampaign({ ...linfen2024Campaign, plugins: [plugin] });
    expect(campaign.assessmentColumns.map((column) => [column.key, column.plugin])).toEqual([
      ['people', 'people'],
    ]);
    expect(
      campaign.assessmentColumns[0]?.value({ unit: '尧都区', activities: 3, totals: { people: 40 } }),
    ).toBe(40);
  });

  it('refuse the same key from two plugins', async () => {
    const first = definePlugin({ name: 'first', assessment: [people] });
    const second = definePlugin({ name: 'second', assessment: [people] });
    const error = await resolveCampaign({ ...linfen2024Campaign, plugins: [first, second] }).then(
      () => undefined,
      (reason: unknown) => reason,
    );
    expect(error).toBeInstanceOf(CampaignError);
  });

  it('are none without plugins', async () => {
    expect((await resolveCampaign(linfen2024Campaign)).assessmentColumns).toEqual([]);
  });
});
