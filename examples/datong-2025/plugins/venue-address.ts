import { definePlugin, defineRule, defineSummary } from '@jianshen/plugin-kit';
import { z } from 'zod';

/** 大同 asks where each offline activity took place, so the bureau can spot-check venues. */
export const venueAddressRequired = defineRule({
  meta: {
    description: { zh: '线下活动须填写活动地点', en: 'Offline activities need a venue' },
    severity: 'error',
    messages: {
      'datong/venue-missing': {
        zh: '「{name}」为线下活动，须填写活动地点',
        en: '"{name}" was held offline and needs a venue',
      },
      'datong/venue-outside-city': {
        zh: '活动地点「{address}」不在大同市辖区内，请核对',
        en: 'Venue "{address}" is not in a Datong district or county',
      },
    },
  },
  create(context) {
    return {
      row(entry) {
        const address = entry.values.venueAddress;
        if (entry.values.mode !== 'online' && typeof address !== 'string') {
          context.report({
            row: entry,
            field: 'venueAddress',
            code: 'datong/venue-missing',
            data: { name: entry.values.name },
          });
          return;
        }
        if (typeof address === 'string' && /[省市]/.test(address) && !address.includes('大同')) {
          context.report({
            row: entry,
            field: 'venueAddress',
            code: 'datong/venue-outside-city',
            severity: 'warning',
            data: { address },
          });
        }
      },
    };
  },
});

/** The districts and counties of 大同市, in the order the bureau lists them. */
export const datongDistricts = [
  '平城区',
  '云冈区',
  '新荣区',
  '云州区',
  '阳高县',
  '天镇县',
  '广灵县',
  '灵丘县',
  '浑源县',
  '左云县',
] as const;

export default definePlugin({
  name: 'datong-venue',
  fields: [
    {
      key: 'venueAddress',
      label: '活动地点',
      labelEn: 'Venue',
      aliases: ['举办地点', '地点', '活动地址'],
      schema: z
        .string()
        .min(2, { error: '至少 2 个字 (at least 2 characters)' })
        .max(60, { error: '不超过 60 个字 (at most 60)' }),
      width: 22,
      // Straight after 举办时间: where and when read together.
      after: 'date',
      hint: {
        zh: '线下活动必填，写到区县和具体场所，如 平城区文瀛湖公园',
        en: 'Required offline: district and place',
      },
      example: '平城区文瀛湖公园',
    },
  ],
  rules: { 'venue-required': venueAddressRequired },
  summaries: [
    defineSummary({
      id: 'venue-district',
      label: { zh: '活动地点所在区县', en: 'District of the venue' },
      groupBy: (entry) => {
        const address = entry.values.venueAddress;
        if (typeof address !== 'string') return undefined;
        return datongDistricts.find((district) => address.includes(district)) ?? '其他';
      },
      order: datongDistricts,
    }),
  ],
  notice: {
    after: '活动要求',
    blocks: [
      {
        heading: '活动地点',
        children: ['线下活动须在统计表“活动地点”栏写明区县和具体场所，市体育局将随机抽查。'],
      },
    ],
  },
});
