import { describe, expect, it } from 'vitest';
import type { Lang } from '../i18n/lang.js';
import { renderIssue } from '../issues/render-issue.js';
import { linfen2024Campaign } from './linfen-2024.js';
import {
  CampaignError,
  type ParseCampaignOptions,
  parseCampaign,
  safeParseCampaign,
} from './parse-campaign.js';

/** The campaign's issues as a reader of one language sees them (the edge renders them so). */
function parsedIn(lang: Lang, input: unknown, options: ParseCampaignOptions = {}) {
  const result = safeParseCampaign(input, options);
  return result.ok
    ? result
    : { ok: false as const, issues: result.issues.map((issue) => renderIssue(issue, lang)) };
}

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
    const result = parsedIn(
      'zh',
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
    const zh = parsedIn('zh', withoutTitle, { path: 'c.yaml' });
    const en = parsedIn('en', withoutTitle, { path: 'c.yaml' });
    expect(zh.ok || zh.issues).toEqual([
      expect.objectContaining({ field: 'title', message: expect.stringContaining('必填') }),
    ]);
    expect(en.ok || en.issues).toEqual([
      expect.objectContaining({ field: 'title', message: expect.stringContaining('is missing (required)') }),
    ]);
  });

  it.each([
    ['a missing top-level date', { deadline: undefined }, 'deadline'],
    ['a missing nested name', { issuer: { mark: '临汾市体育局文件' } }, 'issuer.name'],
    ['a missing period start', { period: { end: '2024-11-30' } }, 'period.start'],
    [
      'a statistics table without its title',
      { attachments: [{ kind: 'statistics-table' }] },
      'attachments[0].title',
    ],
  ])('always says 缺少此项 for %s, and English with lang en', (_, change, field) => {
    const input = { ...linfen2024Campaign, ...change };
    const zh = parsedIn('zh', input, { path: 'c.yaml' });
    const en = parsedIn('en', input, { path: 'c.yaml' });
    expect(zh.ok || zh.issues).toEqual([
      {
        path: 'c.yaml',
        field,
        code: 'campaign-missing',
        severity: 'error',
        message: `活动配置「${field}」缺少此项（必填）`,
      },
    ]);
    expect(en.ok || en.issues.map((issue) => issue.message)).toEqual([
      `Campaign setting "${field}" is missing (required)`,
    ]);
  });

  it('gives one error for an invalid period.start, not a second invented one, in either language', () => {
    const input = { ...linfen2024Campaign, period: { start: '2024-13-01', end: '2024-11-30' } };
    const zh = parsedIn('zh', input, { path: 'c.yaml' });
    const en = parsedIn('en', input, { path: 'c.yaml' });
    expect(zh.ok || zh.issues.map((issue) => [issue.field, issue.code, issue.message])).toEqual([
      [
        'period.start',
        'campaign-date',
        '活动配置「period.start」须为 YYYY-MM-DD 格式的日期，如 2024-05-28；现为「2024-13-01」',
      ],
    ]);
    expect(en.ok || en.issues.map((issue) => issue.message)).toEqual([
      'Campaign setting "period.start" must be a YYYY-MM-DD date such as 2024-05-28, not "2024-13-01"',
    ]);
  });

  it('words every campaign message in English with lang en (dates, periods, ids, document numbers)', () => {
    const input = {
      ...linfen2024Campaign,
      id: 'Linfen 2024',
      docNumber: '临体字(2024)44号',
      period: { start: '2024-12-01', end: '2024-11-30' },
      deadline: '2024/5/28',
      signature: { name: '临汾市体育局', date: '5月1日' },
      attachments: [
        { kind: 'statistics-table', title: '表' },
        { kind: 'statistics-table', title: '表' },
      ],
    };
    const en = parsedIn('en', input);
    expect(en.ok || en.issues.map((issue) => issue.code).sort()).toEqual([
      'campaign-date',
      'campaign-date',
      'campaign-doc-number',
      'campaign-id',
      'campaign-one-table',
      'campaign-period-reversed',
    ]);
    // Only the values the user typed (and the 〔〕 format itself) may be Chinese.
    for (const issue of en.ok ? [] : en.issues) {
      const text = issue.message.replace(/「[^」]*」|"[^"]*"|X字〔YYYY〕N号|临体字〔2024〕44号|〔〕/g, '');
      expect(text, issue.message).not.toMatch(/[\u4e00-\u9fff]/);
    }
    const zh = parsedIn('zh', input);
    expect(zh.ok || zh.issues.find((issue) => issue.code === 'campaign-period-reversed')?.message).toBe(
      '活动期间的结束日期 2024-11-30 早于开始日期 2024-12-01',
    );
  });

  it('suggests the setting a misspelled key was meant to be, at any depth', () => {
    const { deadline, ...rest } = linfen2024Campaign;
    const input = { ...rest, dedline: deadline, issuer: { ...linfen2024Campaign.issuer, aeraCode: '0357' } };
    const zh = parsedIn('zh', input, { path: 'c.yaml' });
    expect(zh.ok || zh.issues.map((issue) => [issue.field, issue.code, issue.message]).sort()).toEqual([
      ['deadline', 'campaign-missing', '活动配置「deadline」缺少此项（必填）'],
      ['dedline', 'campaign-unknown-key', '活动配置中没有「dedline」这一项，是否应为「deadline」？'],
      [
        'issuer.aeraCode',
        'campaign-unknown-key',
        '活动配置中没有「issuer.aeraCode」这一项，是否应为「areaCode」？',
      ],
    ]);
    const en = parsedIn('en', { ...linfen2024Campaign, colour: 'red' });
    // Nothing is close to "colour": no suggestion rather than a wrong one.
    expect(en.ok || en.issues.map((issue) => issue.message)).toEqual(['Unknown campaign setting "colour"']);
  });

  it('names unknown settings (typos) instead of ignoring them', () => {
    const result = safeParseCampaign({ ...linfen2024Campaign, dedline: '2024-05-28' }, { path: 'c.yaml' });
    expect(result.ok || result.issues).toEqual([
      expect.objectContaining({ field: 'dedline', code: 'campaign-unknown-key' }),
    ]);
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
