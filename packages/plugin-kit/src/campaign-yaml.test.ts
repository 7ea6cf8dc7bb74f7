import { linfen2024Campaign } from '@jianshen/schema';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { campaignYaml } from './campaign-yaml.js';

describe('campaignYaml', () => {
  it('ends with the optional report: and assessment: sections as a comment, not as settings', () => {
    const text = campaignYaml();
    expect(text).toContain('# 可选：上报报告 report:');
    expect(parse(text)).toEqual(JSON.parse(JSON.stringify(linfen2024Campaign)));
  });

  it('explains report: and assessment: above them when a campaign has them', () => {
    const text = campaignYaml({
      ...linfen2024Campaign,
      report: { recipients: '山西省体育局' },
      assessment: { late: 10 },
    });
    expect(text).toContain('# 上报省体育局的报告：recipients 主送机关');
    expect(text).toContain('# 考核权重：得分 = full');
    expect(text).not.toContain('# 可选：');
  });
});
