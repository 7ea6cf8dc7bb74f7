import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AggregateReport } from '@jianshen/aggregator';
import { type RenderedChart, renderReportCharts } from '@jianshen/charts';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  browserSkipReason,
  downloadFrom,
  launchBrowser,
  openBuiltPage,
  openTab,
  type PageSession,
  warnIfSkipped,
} from '../e2e/browser.test-support.js';
import {
  cli,
  exampleSubmissionNames,
  exampleSubmissionsDirectory,
  folderWith,
} from '../e2e/documents.test-support.js';

warnIfSkipped('web 图表');

/** A PNG's size from its IHDR chunk. */
function pngSize(bytes: Uint8Array): { width: number; height: number } {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  expect([...bytes.subarray(1, 4)].map((code) => String.fromCharCode(code)).join('')).toBe('PNG');
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

async function chartSection(page: Page, chart: RenderedChart) {
  const section = page.locator(`#panel-charts [data-chart="${chart.id}"]`);
  await section.waitFor();
  return section;
}

describe.skipIf(browserSkipReason)('图表: the charts of the example returns, in the page', () => {
  let browser: Browser;
  let session: PageSession;
  let page: Page;
  /** What Node draws from the CLI's report.json for the same files. */
  let expected: RenderedChart[];

  beforeAll(async () => {
    const names = exampleSubmissionNames();
    const cliFolder = folderWith(exampleSubmissionsDirectory, names);
    await cli(['aggregate', ...names, '-o', 'out'], cliFolder);
    const report: AggregateReport = JSON.parse(readFileSync(join(cliFolder, 'out', 'report.json'), 'utf8'));
    expected = renderReportCharts(report.summary, { lang: 'zh' });

    browser = await launchBrowser();
    session = await openBuiltPage(browser);
    page = session.page;
  });
  afterAll(async () => {
    await session?.close();
    await browser?.close();
  });

  it('says charts come after aggregating, before any files are chosen', async () => {
    await openTab(page, '图表');
    await expect.poll(() => page.locator('#panel-charts').textContent()).toContain('汇总后显示图表');
  });

  it('draws, after aggregating, the very SVG Node draws from the CLI report, with its numbers beside it', async () => {
    await openTab(page, '汇总');
    await page
      .getByLabel('报送文件', { exact: true })
      .first()
      .setInputFiles(exampleSubmissionNames().map((name) => join(exampleSubmissionsDirectory, name)));
    await page.locator('[data-state="done"]').first().waitFor({ timeout: 120_000 });
    await openTab(page, '图表');
    for (const chart of expected) {
      const section = await chartSection(page, chart);
      await expect.poll(() => section.getByRole('heading', { level: 3 }).textContent()).toBe(chart.title);
      const svg = await downloadFrom(page, section.getByRole('link', { name: '下载 SVG' }));
      expect(svg.name).toBe(chart.fileName);
      expect(new TextDecoder().decode(svg.bytes)).toBe(chart.svg);
      const table = section.getByRole('table', { name: `${chart.title}（数据）` });
      const rows = await table
        .locator('tbody tr')
        .evaluateAll((found) => found.map((row) => [...row.children].map((cell) => cell.textContent ?? '')));
      expect(rows).toEqual(chart.table.rows.map((row) => [row.label, String(row.value)]));
      expect(await section.getByRole('img').getAttribute('alt')).toContain(chart.title);
    }
  });

  it('makes a PNG twice the chart size for Word and WPS, with something drawn on it', async () => {
    const [chart] = expected;
    if (!chart) throw new Error('no chart');
    const section = await chartSection(page, chart);
    const png = await downloadFrom(page, section.getByRole('button', { name: /下载 PNG/ }));
    expect(png.name).toBe(chart.fileName.replace(/\.svg$/, '.png'));
    expect(pngSize(png.bytes)).toEqual({ width: chart.width * 2, height: chart.height * 2 });
    // A white 1600×1160 PNG compresses to a few KB; bars, axes and Chinese labels take far more.
    expect(png.bytes.length).toBeGreaterThan(30_000);
  });
});
