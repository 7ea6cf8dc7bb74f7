#!/usr/bin/env node
// `npm run screenshots -w @jianshen/web` (after `npm run build`): each part of the page at
// 1366×768, a common office screen, in headless Debian chromium, into docs/*.png for the README.
// The 汇总 and 图表 shots show the Linfen example's returns, chosen from disk as a clerk would.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { campaignYaml } from '@jianshen/plugin-kit';
import { linfen2024Campaign } from '@jianshen/schema';
import { chromiumMissingReason, launchChromium } from './chromium.mjs';

const packageDirectory = fileURLToPath(new URL('..', import.meta.url));
const page = join(packageDirectory, 'dist/index.html');
const docs = join(packageDirectory, 'docs');
const submissions = fileURLToPath(new URL('../../../examples/linfen-2024/submissions/', import.meta.url));

if (chromiumMissingReason) {
  console.error(`${chromiumMissingReason}: no screenshots taken`);
  process.exit(1);
}
if (!existsSync(page)) {
  console.error(`${page} is missing: run \`npm run build\` first`);
  process.exit(1);
}
mkdirSync(docs, { recursive: true });

const browser = await launchChromium();
try {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
  const tab = await context.newPage();
  await tab.goto(pathToFileURL(page).href);
  const shoot = async (name) => {
    // Let fonts and the last render settle: the shot is what a clerk sees, not a half-drawn frame.
    await tab.evaluate(() => document.fonts.ready);
    await tab.waitForTimeout(300);
    await tab.screenshot({ path: join(docs, name) });
    console.log(`docs/${name}`);
  };
  const openTab = (name) => tab.getByRole('tab', { name, exact: true }).click();

  await openTab('活动');
  await shoot('campaign.png');

  await openTab('汇总');
  await shoot('aggregate-empty.png');
  await tab.getByLabel('报送日期', { exact: true }).fill('2024-06-03');
  await tab.getByLabel('报送日期', { exact: true }).blur();
  const files = readdirSync(submissions)
    .filter((name) => /\.(xlsx|csv|docx)$/.test(name))
    .map((name) => join(submissions, name));
  await tab.getByLabel('报送文件', { exact: true }).first().setInputFiles(files);
  await tab.locator('[data-state="done"]').first().waitFor({ timeout: 120_000 });
  await shoot('aggregate.png');
  // One issue chosen: its row of the submission, the bad cell marked.
  const issues = tab.getByRole('table', { name: '问题清单' });
  await issues.locator('tbody tr').getByRole('button').first().click();
  const marked = tab.locator('mark').first();
  await marked.waitFor({ timeout: 60_000 });
  await tab.locator('.row-preview').first().scrollIntoViewIfNeeded();
  await shoot('aggregate-issue.png');

  await openTab('图表');
  await shoot('charts.png');

  await tab
    .getByRole('button')
    .filter({ hasText: /^English$/ })
    .click();
  await openTab('Campaign');
  await shoot('campaign-en.png');

  await shootPluginAndCut(browser);
} finally {
  await browser.close();
}

/**
 * 汇总 with what goes wrong beside the data: a campaign naming a plugin file the page cannot run,
 * and a cell too long for Excel, cut when the workbook is downloaded. Both are in 问题清单.
 */
async function shootPluginAndCut(browser) {
  const folder = mkdtempSync(join(tmpdir(), 'jianshen-shots-'));
  try {
    const campaignFile = join(folder, 'campaign.yaml');
    // One expected unit: the issue table shows what this shot is about, not 16 units not yet sent.
    writeFileSync(
      campaignFile,
      campaignYaml({ ...linfen2024Campaign, plugins: ['./local-plugin.mjs'], expectedUnits: ['翼城县'] }),
    );
    const county = join(folder, '翼城县.csv');
    const lines = [
      '2024年全民健身志愿服务活动统计表',
      '单位名称（盖章）：翼城县体育局',
      '序号,举办单位,活动名称,活动简介,举办方式（线上、线下）,举办时间,联系人,联系方式,备注',
      '1,翼城县体育中心,健步走,简介,线下,2024-06-20,郑雪,13912345671,',
      // A date filling a whole cell: its error quotes it, too long for the workbook's issues sheet.
      `2,翼城县体育中心,广场舞,简介,线下,${'6'.repeat(32_767)},郑雪,13912345672,`,
    ];
    writeFileSync(county, lines.join('\n'));
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
    const tab = await context.newPage();
    await tab.goto(pathToFileURL(page).href);
    await tab.getByRole('tab', { name: '活动', exact: true }).click();
    await tab.getByLabel('活动配置', { exact: true }).setInputFiles(campaignFile);
    await tab.getByRole('tab', { name: '汇总', exact: true }).click();
    await tab.getByLabel('报送日期', { exact: true }).fill('2024-05-20');
    await tab.getByLabel('报送日期', { exact: true }).blur();
    await tab.getByLabel('报送文件', { exact: true }).first().setInputFiles([county]);
    await tab.locator('[data-state="done"]').first().waitFor({ timeout: 120_000 });
    await tab.getByRole('button', { name: '下载汇总工作簿' }).click();
    await tab.locator('.downloads .notice-box').waitFor({ timeout: 60_000 });
    // The issue table from its top: the plugin's error and the cut cell are its first rows.
    // From the download's note down to the end of 问题清单, where the cut cell was added.
    await tab.setViewportSize({ width: 1366, height: 1500 });
    await tab.locator('.downloads').evaluate((downloads) => downloads.scrollIntoView({ block: 'start' }));
    await tab.evaluate(() => document.fonts.ready);
    await tab.waitForTimeout(300);
    await tab.screenshot({ path: join(docs, 'aggregate-plugin-cut.png') });
    console.log('docs/aggregate-plugin-cut.png');
    await context.close();
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
