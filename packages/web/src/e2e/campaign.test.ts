import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { campaignYaml, parseCampaignText } from '@jianshen/plugin-kit';
import { linfen2024Campaign, renderIssue, safeParseCampaign } from '@jianshen/schema';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  browserSkipReason,
  downloadFrom,
  foreignRequests,
  launchBrowser,
  openBuiltPage,
  openTab,
  type PageSession,
  warnIfSkipped,
} from './browser.test-support.js';
import { cli, part, readOutput, zipParts } from './documents.test-support.js';

warnIfSkipped('web 活动');

/** Another city's campaign, as a bureau would save it: the Linfen one with this year's changes. */
const otherCampaign = {
  ...linfen2024Campaign,
  docNumber: '晋体字〔2025〕7号',
  title: '关于开展2025年全民健身志愿服务活动统计工作的通知',
};

/** The YAML without the editor's schema comment (`jianshen init` adds it; a download has no folder to point at). */
const withoutSchemaComment = (text: string) => text.replace(/^# yaml-language-server:.*\n/, '');

const downloads = [
  ['下载通知', 'notice', 'notice.docx'],
  ['下载统计表模板', 'template', 'template.xlsx'],
  ['下载统计表模板（Word）', 'template', 'template.docx'],
] as const;

/** The page's notice and templates against the CLI's for the same campaign, part for part. */
async function compareDocuments(page: Page, folder: string, campaignArguments: string[]) {
  for (const [button, command, name] of downloads) {
    const download = await downloadFrom(page, page.getByRole('button', { name: button, exact: true }));
    await cli([command, ...campaignArguments, '-o', name], folder);
    expect(zipParts(download.bytes), button).toEqual(zipParts(readOutput(folder, name)));
  }
}

describe.skipIf(browserSkipReason)('活动: the campaign form and its documents', { timeout: 240_000 }, () => {
  let browser: Browser;
  let session: PageSession;
  let page: Page;
  let folder: string;

  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), 'jianshen-web-campaign-'));
    browser = await launchBrowser();
    session = await openBuiltPage(browser);
    page = session.page;
    await openTab(page, '活动');
  }, 300_000);
  afterAll(async () => {
    await session?.close();
    await browser?.close();
  });

  it('starts from the built-in Linfen 2024 campaign', async () => {
    await expect(page.getByLabel('发文字号', { exact: true }).inputValue()).resolves.toBe(
      linfen2024Campaign.docNumber,
    );
    await expect(page.getByLabel('标题', { exact: true }).inputValue()).resolves.toBe(
      linfen2024Campaign.title,
    );
  });

  it('downloads the commented campaign YAML jianshen init writes', async () => {
    const download = await downloadFrom(
      page,
      page.getByRole('button', { name: '下载活动配置', exact: true }),
    );
    expect(download.name).toMatch(/\.ya?ml$/);
    await cli(['init', 'init'], folder);
    const expected = readFileSync(join(folder, 'init', 'campaign.yaml'), 'utf8');
    expect(withoutSchemaComment(new TextDecoder().decode(download.bytes))).toBe(
      withoutSchemaComment(expected),
    );
  });

  it('makes the notice and both templates the CLI makes for the built-in campaign', async () => {
    await compareDocuments(page, folder, []);
    const notice = await downloadFrom(page, page.getByRole('button', { name: '下载通知', exact: true }));
    expect(part(notice.bytes, 'word/document.xml')).toContain('全民健身志愿服务活动');
    const template = await downloadFrom(
      page,
      page.getByRole('button', { name: '下载统计表模板', exact: true }),
    );
    const strings = part(template.bytes, 'xl/sharedStrings.xml');
    for (const header of ['序号', '举办单位', '活动名称', '举办方式', '联系方式'])
      expect(strings).toContain(header);
  });

  it('fills the form from a campaign file chosen in 活动配置, and its documents match the CLI’s', async () => {
    const file = join(folder, 'other-city.yaml');
    writeFileSync(file, campaignYaml(otherCampaign));
    await page.getByLabel('活动配置', { exact: true }).setInputFiles(file);
    await expect
      .poll(() => page.getByLabel('发文字号', { exact: true }).inputValue())
      .toBe(otherCampaign.docNumber);
    await expect(page.getByLabel('标题', { exact: true }).inputValue()).resolves.toBe(otherCampaign.title);
    await compareDocuments(page, folder, ['--campaign', file]);
    const notice = await downloadFrom(page, page.getByRole('button', { name: '下载通知', exact: true }));
    expect(part(notice.bytes, 'word/document.xml')).toContain('晋体字〔2025〕7号');
    // The campaign downloaded back is the campaign chosen.
    const yaml = await downloadFrom(page, page.getByRole('button', { name: '下载活动配置', exact: true }));
    expect(parseCampaignText(new TextDecoder().decode(yaml.bytes))).toEqual(
      parseCampaignText(campaignYaml(otherCampaign)),
    );
  });

  it('shows the schema’s own message next to a field holding a bad value', async () => {
    const bad = '晋体字[2025]7号';
    const parsed = safeParseCampaign({ ...otherCampaign, docNumber: bad });
    const found = (parsed.ok ? [] : parsed.issues).find((entry) => entry.field === 'docNumber')!;
    expect(found).toBeDefined();
    const issue = renderIssue(found, 'zh');
    expect(issue).toBeDefined();
    const field = page.getByLabel('发文字号', { exact: true });
    await field.fill(bad);
    await expect.poll(() => field.getAttribute('aria-invalid')).toBe('true');
    // "Next to": the field's accessible description, which a screen reader reads with it.
    const description = await field.evaluate((input) =>
      (input.getAttribute('aria-describedby') ?? '')
        .split(/\s+/)
        .map((id) => document.getElementById(id)?.textContent ?? '')
        .join(' '),
    );
    expect(description).toContain(issue.message);
    await field.fill(otherCampaign.docNumber);
    await expect.poll(() => field.getAttribute('aria-invalid')).not.toBe('true');
  });

  it('asked for nothing outside the machine and showed no error', () => {
    expect(foreignRequests(session)).toEqual([]);
    expect(session.problems).toEqual([]);
  });
});
