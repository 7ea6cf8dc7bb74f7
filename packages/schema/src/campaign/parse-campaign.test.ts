import { describe, expect, it } from 'vitest';
import { linfen2024Campaign } from './linfen-2024.js';
import { CampaignError, parseCampaign, safeParseCampaign } from './parse-campaign.js';

describe('parseCampaign', () => {
  it('accepts the built-in Linfen campaign and applies defaults', () => {
    const campaign = parseCampaign(linfen2024Campaign);
    expect(campaign.docNumber).toBe('临体字〔2024〕44号');
    expect(campaign.fonts.body).toBe('仿宋_GB2312');
    expect(campaign.fonts.title).toBe('方正小标宋简体');
    expect(campaign.table.rows).toBe(20);
    expect(campaign.attachments).toEqual([
      { kind: 'statistics-table', title: '2024年全民健身志愿服务活动统计表' },
    ]);
  });

  it('names the file and the setting for a bad 发文字号', () => {
    const result = safeParseCampaign(
      { ...linfen2024Campaign, docNumber: '临体字(2024)44号' },
      { path: 'city/campaign.yaml' },
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues).toEqual([
      expect.objectContaining({
        path: 'city/campaign.yaml',
        field: 'docNumber',
        code: 'campaign-doc-number',
        severity: 'error',
      }),
    ]);
    expect(result.issues[0]?.message).toContain('临体字(2024)44号');
    expect(result.issues[0]?.message).toContain('〔〕');
  });

  it('says a missing title is required, in Chinese and in English', () => {
    const { title: _title, ...withoutTitle } = linfen2024Campaign;
    const zh = safeParseCampaign(withoutTitle, { path: 'c.yaml' });
    const en = safeParseCampaign(withoutTitle, { path: 'c.yaml', lang: 'en' });
    expect(zh.ok || zh.issues).toEqual([
      expect.objectContaining({ field: 'title', message: expect.stringContaining('必填') }),
    ]);
    expect(en.ok || en.issues).toEqual([
      expect.objectContaining({ field: 'title', message: expect.stringContaining('is required') }),
    ]);
  });

  it('names unknown settings (typos) instead of ignoring them', () => {
    const result = safeParseCampaign({ ...linfen2024Campaign, dedline: '2024-05-28' }, { path: 'c.yaml' });
    expect(result.ok || result.issues).toEqual([expect.objectContaining({ field: 'dedline' })]);
  });

  it('rejects a period that ends before it starts and a malformed date', () => {
    const result = safeParseCampaign(
      { ...linfen2024Campaign, period: { start: '2024-11-30', end: '2024-06-01' }, deadline: '2024/5/28' },
      { path: 'c.yaml' },
    );
    expect(result.ok || result.issues.map((issue) => issue.field)).toEqual(['period', 'deadline']);
  });

  it('rejects two statistics-table attachments', () => {
    const table = { kind: 'statistics-table', title: '表' } as const;
    const result = safeParseCampaign({ ...linfen2024Campaign, attachments: [table, table] });
    expect(result.ok).toBe(false);
  });

  it('throws CampaignError with every issue in its message', () => {
    expect(() => parseCampaign({ ...linfen2024Campaign, docNumber: 'x' }, { path: 'c.yaml' })).toThrow(
      CampaignError,
    );
    expect(() => parseCampaign({ ...linfen2024Campaign, docNumber: 'x' }, { path: 'c.yaml' })).toThrow(
      /c\.yaml: docNumber: 发文字号/,
    );
  });
});
