import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AggregateReport } from '@jianshen/aggregator';
import { campaignYaml } from '@jianshen/plugin-kit';
import { linfen2024Campaign } from '@jianshen/schema';
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
  tableRows,
  warnIfSkipped,
} from './browser.test-support.js';
import { cli } from './documents.test-support.js';

warnIfSkipped('web 汇总: plugin failures and cells cut in downloads');

// Excel's most characters in one cell: a date cell this long is an error whose message quotes it
// whole, so the issues sheet of the consolidated workbook has to cut that message.
const cellMax = 32_767;

/** A county's return with one good row and one whose 举办时间 fills a whole cell. */
function countyCsv(folder: string): string {
  const path = join(folder, '翼城县.csv');
  const lines = [
    '2024年全民健身志愿服务活动统计表',
    '单位名称（盖章）：翼城县体育局',
    '序号,举办单位,活动名称,活动简介,举办方式（线上、线下）,举办时间,联系人,联系方式,备注',
    '1,翼城县体育中心,健步走,简介,线下,2024-05-20,郑雪,13912345671,',
    `2,翼城县体育中心,广场舞,简介,线下,${'6'.repeat(cellMax)},郑雪,13912345672,`,
  ];
  writeFileSync(path, lines.join('\n'));
  return path;
}

describe.skipIf(browserSkipReason)(
  '汇总 with a plugin the page cannot load and a cell too long for Excel',
  { timeout: 240_000 },
  () => {
    let browser: Browser;
    let session: PageSession;
    let page: Page;
    let cliReport: AggregateReport;

    beforeAll(async () => {
      const folder = mkdtempSync(join(tmpdir(), 'jianshen-web-cuts-'));
      const campaignFile = join(folder, 'campaign.yaml');
      writeFileSync(campaignFile, campaignYaml({ ...linfen2024Campaign, plugins: ['./local-plugin.mjs'] }));
      const county = countyCsv(folder);
      // The CLI on the same file, with the built-in campaign: its cut is the page's cut.
      await cli(['aggregate', '翼城县.csv', '-o', 'out'], folder);
      cliReport = JSON.parse(readFileSync(join(folder, 'out', 'report.json'), 'utf8'));

      browser = await launchBrowser();
      session = await openBuiltPage(browser);
      page = session.page;
      await openTab(page, '活动');
      await page.getByLabel('活动配置', { exact: true }).setInputFiles(campaignFile);
      await openTab(page, '汇总');
      await page.getByLabel('报送文件', { exact: true }).first().setInputFiles([county]);
      await page.locator('[data-state="done"]').first().waitFor({ timeout: 120_000 });
    }, 300_000);
    afterAll(async () => {
      await session?.close();
      await browser?.close();
    });

    it('shows the plugin that could not load in 问题清单, in Chinese, and still delivers the rows', async () => {
      const rows = await tableRows(page, '问题清单');
      const plugin = rows.filter((cells) =>
        cells.some((cell) => cell.includes('找不到插件「./local-plugin.mjs」')),
      );
      expect(plugin).toHaveLength(1);
      // At the campaign (the page knows no file path) and its plugins[0], as an error.
      expect(plugin[0]?.join(' ')).toContain('plugins[0]');
      expect(plugin[0]?.join(' ')).toContain('错误');
      // The date's error quotes all 32,767 characters: the table shows its start and says so.
      const date = rows.find((cells) => cells.some((cell) => cell.startsWith('无法识别的日期')));
      expect(date?.join(' ')).toMatch(/……（共 \d+ 个字符，全文见下载的问题清单和 report\.json）/);
      expect(date?.join(' ').length).toBeLessThan(1_000);
      // One good row read, the other kept out for its date: the plugin did not stop the run.
      await expect(page.locator('.summary-line').textContent()).resolves.toMatch(/读取 2 行，有效 1 行/);
    });

    it('says which cells a download cut to Excel’s limit and lists them in 问题清单, as the CLI does', async () => {
      const before = (await tableRows(page, '问题清单')).length;
      const workbook = await downloadFrom(page, page.getByRole('button', { name: '下载汇总工作簿' }));
      expect(workbook.name).toBe('2024年全民健身志愿服务活动统计表（汇总）.xlsx');
      const notice = page.locator('.downloads .notice-box');
      await notice.waitFor();
      await expect(notice.textContent()).resolves.toContain(
        '其中 1 个单元格超过 Excel 单元格上限（32,767 个字符），已截断',
      );
      const cut = cliReport.issues.find(
        (issue) => issue.code === 'cell-truncated' && issue.path === workbook.name,
      );
      expect(cut?.message).toMatch(/的单元格 G\d+ 有 \d+ 个字符，超过 Excel 单元格上限 32767 个字符，已截断/);
      const rows = await tableRows(page, '问题清单');
      expect(rows).toHaveLength(before + 1);
      expect(rows.some((cells) => cells.includes(cut?.message ?? '-'))).toBe(true);
      // The same download again cuts the same cell: not listed twice.
      await downloadFrom(page, page.getByRole('button', { name: '下载汇总工作簿' }));
      expect(await tableRows(page, '问题清单')).toHaveLength(before + 1);
      // report.json made afterwards carries the cut, as the CLI's does.
      const json = await downloadFrom(page, page.getByRole('button', { name: '下载 report.json' }));
      const pageReport = JSON.parse(new TextDecoder().decode(json.bytes)) as AggregateReport;
      expect(
        pageReport.issues.filter((issue) => issue.code === 'cell-truncated').map((issue) => issue.message),
      ).toEqual([cut?.message]);
    });

    it('asked for nothing outside the machine and showed no error', () => {
      expect(foreignRequests(session)).toEqual([]);
      expect(session.problems).toEqual([]);
    });
  },
);
