// 大同市 2025 年全民健身志愿服务活动（虚构的示例活动，用于演示插件）。
// A fictional second city: the three first-party plugins plus a local plugin with its own rule.
import { createActivityCategoryPlugin } from '@jianshen/plugin-activity-category';
import { groupsServedPlugin } from '@jianshen/plugin-groups-served';
import { createParticipationPlugin } from '@jianshen/plugin-participation';
import { defineCampaign } from '@jianshen/schema';
import venuePlugin, { datongDistricts } from './plugins/venue-address.js';

export default defineCampaign({
  id: 'datong-2025-fitness-volunteer',
  issuer: { name: '大同市体育局', mark: '大同市体育局文件', areaCode: '0352' },
  docNumber: '同体字〔2025〕18号',
  title: '大同市体育局关于开展2025年“全民健身 志愿同行”志愿服务活动的通知',
  recipients: '各区（县）体育主管部门、各社会体育组织：',
  body: [
    '为深入实施全民健身国家战略，推动全民健身志愿服务常态化，市体育局决定在全市开展2025年全民健身志愿服务活动，现将有关事项通知如下：',
    { heading: '活动时间', children: ['2025年5月至10月。'] },
    {
      heading: '活动内容',
      children: [
        { heading: '社会体育指导员志愿服务。', text: '组织社会体育指导员深入社区、公园，开展科学健身指导。' },
        { heading: '优秀运动员志愿服务。', text: '组织优秀运动员进校园、进社区，传授运动技能。' },
        {
          heading: '体育“六进”。',
          text: '进机关、校园、厂矿、社区、广场、家庭，重点服务老年人、残疾人、青少年。',
        },
      ],
    },
    {
      heading: '活动要求',
      children: ['各区（县）要精心组织，确保安全；如实统计参与人数、志愿者人数和服务时长。'],
    },
    '请各区（县）于 2025 年 11 月 10 日前将统计表报送市体育局群众体育科。',
  ],
  contacts: { people: [{ unit: '大同市体育局群众体育科', name: '李华', phone: '0352-2041234' }] },
  attachments: [{ kind: 'statistics-table', title: '2025年全民健身志愿服务活动统计表' }],
  signature: { name: '大同市体育局', date: '2025-04-20' },
  period: { start: '2025-05-01', end: '2025-10-31' },
  deadline: '2025-11-10',
  submitTo: '市体育局群众体育科',
  expectedUnits: [...datongDistricts],
  table: { unitLine: '单位名称（盖章）：', rows: 15 },
  plugins: [
    createActivityCategoryPlugin({ required: true }),
    createParticipationPlugin({ required: true, notice: true }),
    groupsServedPlugin,
    venuePlugin,
  ],
});
