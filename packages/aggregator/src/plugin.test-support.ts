import {
  definePlugin,
  defineRule,
  defineSummary,
  type ResolvedCampaign,
  resolveCampaign,
} from '@jianshen/plugin-kit';
import { linfen2024Campaign } from '@jianshen/schema';
import { z } from 'zod';

/** A small plugin for tests: 参与人数 and 志愿者人数 columns, a rule, a dimension and two totals. */
export const participationTestPlugin = definePlugin({
  name: 'test-participation',
  fields: [
    {
      key: 'participants',
      label: '参与人数',
      aliases: ['参加人数', '人数'],
      schema: z.number().int().nonnegative(),
      after: 'summary',
    },
    { key: 'volunteers', label: '志愿者人数', schema: z.number().int().nonnegative() },
  ],
  rules: {
    'too-many': defineRule({
      meta: {
        severity: 'error',
        messages: {
          'too-many': { zh: '参与人数 {count} 超过 10000', en: '{count} participants is over 10,000' },
        },
      },
      create: (context) => ({
        row(entry) {
          const count = entry.values.participants;
          if (typeof count === 'number' && count > 10_000) {
            context.report({ row: entry, field: 'participants', code: 'too-many', data: { count } });
          }
        },
      }),
    }),
  },
  summaries: [
    defineSummary({
      id: 'size',
      label: { zh: '活动规模', en: 'Size' },
      order: ['百人以下', '百人以上'],
      groupBy: (entry) => {
        const count = entry.values.participants;
        if (typeof count !== 'number') return undefined;
        return count >= 100 ? '百人以上' : '百人以下';
      },
      totals: [
        {
          key: 'participants',
          label: { zh: '参与人数', en: 'Participants' },
          value: (entry) => entry.values.participants as number | undefined,
        },
        {
          key: 'volunteers',
          label: { zh: '志愿者人数', en: 'Volunteers' },
          value: (entry) => entry.values.volunteers as number | undefined,
        },
      ],
    }),
  ],
});

export function pluginCampaign(): Promise<ResolvedCampaign> {
  return resolveCampaign({ ...linfen2024Campaign, plugins: [participationTestPlugin] });
}

/** A county table with the plugin column 场地: `venues[i]` in row i. */
export function countyWithVenues(venues: readonly string[], unit = '翼城县'): Uint8Array {
  const lines = [
    '2024年全民健身志愿服务活动统计表',
    `单位名称（盖章）：${unit}体育局`,
    '序号,举办单位,活动名称,活动简介,举办方式（线上、线下）,举办时间,联系人,联系方式,场地,备注',
    ...venues.map(
      (venue, index) =>
        `${index + 1},${unit}体育中心,健步走第${index + 1}场,简介,线下,2024-06-0${index + 1},郑雪,1391234567${index},${venue},`,
    ),
  ];
  return new TextEncoder().encode(lines.join('\n'));
}
