import type { CampaignInput } from '@jianshen/schema';

/**
 * A second, made-up campaign from another city: a different bureau, 文号 and title length, two
 * attachments (the statistics table and a text one), a signature with seal, a 版记 with 抄送, and
 * headings nested four deep. Nothing in the generator may depend on Linfen's wording.
 */
export const datong2025Campaign = {
  id: 'datong-2025-national-fitness-day',
  issuer: { name: '大同市体育局', mark: '大同市体育局文件', areaCode: '0352' },
  docNumber: '同体字〔2025〕12号',
  title: '大同市体育局关于做好2025年“全民健身日”系列活动组织和统计工作的通知',
  recipients: '各县（区）文化和旅游体育局，市直各体育协会：',
  body: [
    '为深入实施全民健身国家战略，办好2025年“全民健身日”系列活动，推动群众体育活动广泛开展，现就有关工作通知如下：',
    {
      heading: '活动安排',
      children: [
        {
          heading: '集中示范活动。',
          text: '8月8日上午在大同市体育中心举办全民健身日集中示范活动，各县（区）组织不少于200人参加。',
        },
        {
          heading: '县区特色活动',
          children: [
            '各县（区）结合本地实际，围绕以下项目至少组织两项特色活动：',
            {
              heading: '广场健身操（舞）展示。',
              text: '以社区为单位组队，每队不少于20人。',
            },
            {
              heading: '登山健步走。',
              children: [
                { heading: '线路选择。', text: '选择安全、成熟的登山线路，全程不超过10公里。' },
                { heading: '安全保障。', text: '配备医疗保障人员和应急车辆。' },
              ],
            },
          ],
        },
      ],
    },
    {
      heading: '工作要求',
      children: [
        '各单位要高度重视，明确专人负责，加强安全管理，做好活动宣传报道。',
        '请于2025年9月15日前将统计表加盖公章后报送市体育局群众体育科，电子版发送至指定邮箱。',
      ],
    },
  ],
  contacts: {
    people: [{ unit: '市体育局群众体育科', name: '王晓东', phone: '0352-2041234' }],
    email: 'dtstyjqtk@163.com',
  },
  attachments: [
    { kind: 'statistics-table', title: '2025年“全民健身日”系列活动统计表' },
    {
      kind: 'text',
      title: '2025年“全民健身日”系列活动安全工作要点',
      body: [
        {
          heading: '落实安全责任',
          children: ['主办单位是活动安全的第一责任人，要制定安全工作方案和应急预案。'],
        },
        {
          heading: '做好场地检查',
          children: ['活动前对场地、器材、设施进行全面检查，消除安全隐患。'],
        },
      ],
    },
  ],
  signature: { name: '大同市体育局', date: '2025-07-20', seal: true },
  imprint: {
    cc: ['山西省体育局', '大同市人民政府办公室'],
    office: '大同市体育局办公室',
    date: '2025-07-21',
  },
  period: { start: '2025-08-01', end: '2025-08-31' },
  deadline: '2025-09-15',
  submitTo: '市体育局群众体育科',
  expectedUnits: ['平城区', '云冈区', '新荣区', '云州区', '阳高县', '天镇县', '广灵县', '灵丘县', '浑源县', '左云县'],
  table: { unitLine: '单位名称（盖章）：', rows: 12 },
} as const satisfies CampaignInput;
