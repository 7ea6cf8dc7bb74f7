import { definePlugin, defineSummary, resolveCampaign } from '@jianshen/plugin-kit';
import { linfen2024Campaign } from '@jianshen/schema';
import { describe, expect, it } from 'vitest';
import { takesPackedRows } from '../aggregate.js';
import { linfenCampaign } from '../fixtures.test-support.js';
import { pluginCampaign } from '../plugin.test-support.js';

describe('takesPackedRows', () => {
  it('is true but where a plugin summary counts whole rows as they are read', async () => {
    const summariesOnly = await resolveCampaign({
      ...linfen2024Campaign,
      plugins: [
        definePlugin({
          name: 'test-summary-only',
          summaries: [defineSummary({ id: 'all', label: { zh: '全部', en: 'All' }, groupBy: () => '全部' })],
        }),
      ],
    });
    expect(takesPackedRows(await linfenCampaign(), {})).toBe(true);
    // Rules: the summary is counted from the store once every file is in.
    expect(takesPackedRows(await pluginCampaign(), {})).toBe(true);
    expect(takesPackedRows(summariesOnly, {})).toBe(false);
    expect(takesPackedRows(summariesOnly, { replace: true })).toBe(true);
  });
});
