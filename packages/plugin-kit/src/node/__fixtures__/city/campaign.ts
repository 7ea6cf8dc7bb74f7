import type { CampaignInput } from '@jianshen/schema';

// Type-only import: the fixture loads without a build of @jianshen/schema.
const campaign: CampaignInput = {
  id: 'city-ts-campaign',
  issuer: { name: '大同市体育局', mark: '大同市体育局文件', areaCode: '0352' },
  docNumber: '同体字〔2025〕12号',
  title: '大同市体育局关于开展2025年全民健身志愿服务活动的通知',
  recipients: '各县（区）体育主管部门：',
  body: ['现将有关事宜通知如下。', { heading: '活动时间', children: ['2025年5月至10月。'] }],
  attachments: [{ kind: 'statistics-table', title: '2025年全民健身志愿服务活动统计表' }],
  period: { start: '2025-05-01', end: '2025-10-31' },
  deadline: '2025-04-30',
  plugins: ['./local-plugin.mjs'],
};

export default campaign;
