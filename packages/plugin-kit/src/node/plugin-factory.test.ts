import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { linfen2024Campaign, parseRow } from '@jianshen/schema';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { pluginKit } from '../plugin-factory.js';
import { loadCampaign } from './load-campaign.js';

// A plugin file in a folder with no node_modules: it can import nothing, so it receives the kit.
const factoryPlugin = `
export default ({ z, definePlugin, defineRule, choiceSchema }) =>
  definePlugin({
    name: 'weather',
    fields: [
      { key: 'weather', label: '天气', schema: choiceSchema(['晴', '雨'], { aliases: { 晴天: '晴' } }) },
      { key: 'temperature', label: '气温', schema: z.number().min(-40).max(50) },
    ],
    rules: {
      'no-rain-outdoors': defineRule({
        meta: { messages: { 'weather/rain': '雨天的线下活动请注明室内场地' } },
        create: (context) => ({
          row(entry) {
            if (entry.values.weather === '雨' && entry.values.mode === 'offline') {
              context.report({ row: entry, field: 'weather', code: 'weather/rain', severity: 'warning' });
            }
          },
        }),
      }),
    },
  });
`;

describe('plugin factories', () => {
  it('load from a bare folder, given zod and the kit', async () => {
    const directory = await mkdtemp(join(tmpdir(), 'jianshen-factory-'));
    await writeFile(join(directory, 'weather.mjs'), factoryPlugin);
    const campaignPath = join(directory, 'campaign.yaml');
    await writeFile(campaignPath, stringify({ ...linfen2024Campaign, plugins: ['./weather.mjs'] }));
    const campaign = await loadCampaign(campaignPath);
    expect(campaign.fields.map((field) => field.key).slice(-3)).toEqual(['weather', 'temperature', 'note']);
    expect(campaign.fields.at(-3)?.column).toMatchObject({ kind: 'choice', options: ['晴', '雨'] });
    expect(campaign.rules.map((rule) => rule.id)).toEqual(['weather/no-rain-outdoors']);
    const row = parseRow(
      {
        organizer: '古县体育局',
        name: '健步走',
        mode: '线下',
        date: '6月1日',
        phone: '13912345678',
        weather: '晴天',
        temperature: '28',
      },
      campaign.fields,
      campaign.fieldContext,
    );
    expect(row.issues).toEqual([]);
    expect(row.values).toMatchObject({ weather: '晴', temperature: 28 });
  });

  it('receive the helpers plugin authors use', () => {
    expect(Object.keys(pluginKit).sort()).toEqual([
      'choiceSchema',
      'definePlugin',
      'defineRule',
      'defineSummary',
      'multiChoiceSchema',
      'splitMultiChoice',
      'z',
    ]);
  });
});
