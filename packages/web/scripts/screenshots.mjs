#!/usr/bin/env node
// `npm run screenshots -w @jianshen/web` (after `npm run build`): each part of the page at
// 1366×768, a common office screen, in headless Debian chromium, into docs/*.png for the README.
// The 汇总 and 图表 shots show the Linfen example's returns, chosen from disk as a clerk would.
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
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
} finally {
  await browser.close();
}
