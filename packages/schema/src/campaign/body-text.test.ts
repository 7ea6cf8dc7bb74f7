import { describe, expect, it } from 'vitest';
import { bodyFromText, bodyToText } from './body-text.js';
import { campaignSchema } from './campaign.js';
import { linfen2024Campaign } from './linfen-2024.js';

describe('body text', () => {
  it('gives the Linfen 2024 body back unchanged', () => {
    const text = bodyToText(linfen2024Campaign.body);
    expect(bodyFromText(text)).toEqual(linfen2024Campaign.body);
  });

  it('writes headings by level, run-in text after ｜, and closes sections before top-level text', () => {
    const text = bodyToText(linfen2024Campaign.body);
    const lines = text.split('\n');
    expect(lines[1]).toBe('# 指导思想');
    expect(lines).toContain(
      '## 开展社会体育指导员志愿服务活动。｜全市各级社会体育指导员是当然的全民健身志愿者，也是开展全民健身志愿服务活动的主力军。体育行政部门、体育社会组织要组织社会体育指导员立足城乡社区，指导基层健身活动，传授基本健身技能，普及基础健身知识，引导人们文明健身、科学健身。',
    );
    // The closing request follows the last section but belongs to no heading.
    expect(lines.at(-2)).toBe('#');
    expect(lines.at(-1)).toMatch(/^请各县/);
  });

  it('reads a clerk-typed body: blank lines, indents, both separators, skipped levels', () => {
    const typed = [
      '　　为做好统计工作，现将有关事项通知如下：',
      '',
      '# 活动时间 ',
      '2025年5月至10月。',
      '# 活动内容',
      '## 社会体育指导员志愿服务。 | 深入社区指导健身。',
      '#### 跳过一级的标题',
      '#',
      '请于11月10日前报送。',
    ].join('\r\n');
    expect(bodyFromText(typed)).toEqual([
      '为做好统计工作，现将有关事项通知如下：',
      { heading: '活动时间', children: ['2025年5月至10月。'] },
      {
        heading: '活动内容',
        children: [
          {
            heading: '社会体育指导员志愿服务。',
            text: '深入社区指导健身。',
            children: [{ heading: '跳过一级的标题' }],
          },
        ],
      },
      '请于11月10日前报送。',
    ]);
  });

  it('closes only deeper headings with ## alone', () => {
    const body = [{ heading: '一', children: [{ heading: '一之一', children: ['甲'] }, '回到一级下的段落'] }];
    const text = bodyToText(body);
    expect(text).toBe('# 一\n## 一之一\n甲\n##\n回到一级下的段落');
    expect(bodyFromText(text)).toEqual(body);
  });

  it('escapes paragraphs that start with # or \\', () => {
    const body = ['#1 号场地开放', '\\ 不是标题', { heading: '标题', children: ['# 也不是标题'] }];
    expect(bodyFromText(bodyToText(body))).toEqual(body);
  });

  it('leaves empty headings and bodies to the schema, which names the setting', () => {
    const blocks = bodyFromText('#  \n');
    expect(blocks).toEqual([]);
    const parsed = campaignSchema.safeParse({ ...linfen2024Campaign, body: bodyFromText('## |正文') });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.path).toEqual(['body', 0, 'heading']);
  });
});
