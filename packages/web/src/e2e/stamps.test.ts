import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousAxeViolations } from './accessibility.test-support.js';
import {
  browserSkipReason,
  foreignRequests,
  launchBrowser,
  openBuiltPage,
  openTab,
  type PageSession,
  warnIfSkipped,
} from './browser.test-support.js';
import { exampleSubmissionsDirectory } from './documents.test-support.js';

warnIfSkipped('web 盖章件 thumbnails');

const stampFixtures = fileURLToPath(new URL('../../../aggregator/src/files/__fixtures__/', import.meta.url));

/** A county folder: two data files, a PDF and two scans, a phone photo, and litter. */
function countyFolder(): string {
  const folder = join(mkdtempSync(join(tmpdir(), 'jianshen-web-stamps-')), '临汾报送');
  mkdirSync(folder);
  for (const name of ['尧都区.xlsx', '侯马市.xlsx']) {
    copyFileSync(join(exampleSubmissionsDirectory, name), join(folder, name));
  }
  copyFileSync(join(stampFixtures, '吉县-盖章件.pdf'), join(folder, '吉县.pdf'));
  copyFileSync(join(stampFixtures, 'scan.jpg'), join(folder, '尧都区盖章件.jpg'));
  copyFileSync(join(stampFixtures, 'scan.png'), join(folder, '大宁县.png'));
  copyFileSync(join(stampFixtures, 'scan.tif'), join(folder, '侯马市.tif'));
  copyFileSync(join(stampFixtures, 'scan.jpg'), join(folder, 'IMG_20240527_093000.jpg'));
  copyFileSync(join(exampleSubmissionsDirectory, '尧都区.xlsx'), join(folder, '~$尧都区.xlsx'));
  writeFileSync(join(folder, 'Thumbs.db'), new Uint8Array([0xd0, 0xcf, 0x11, 0xe0]));
  return folder;
}

async function unitRow(page: Page, unit: string) {
  const table = page.getByRole('table', { name: '各单位报送情况' });
  return table.locator('tbody tr').filter({ has: page.getByRole('rowheader', { name: unit, exact: true }) });
}

describe.skipIf(browserSkipReason)('盖章件: stamped copies in the unit table', { timeout: 240_000 }, () => {
  let browser: Browser;
  let session: PageSession;
  let page: Page;

  beforeAll(async () => {
    browser = await launchBrowser();
    session = await openBuiltPage(browser, { viewport: { width: 1366, height: 900 } });
    page = session.page;
    await openTab(page, '汇总');
    await page.locator('#aggregate-folder').setInputFiles(countyFolder());
    await page.locator('[data-state="done"]').first().waitFor({ timeout: 120_000 });
  }, 300_000);
  afterAll(async () => {
    await session?.close();
    await browser?.close();
  });

  it('counts every file of the folder in the summary line', async () => {
    await expect
      .poll(() => page.locator('.summary-line').textContent())
      .toMatch(/^9 个文件（盖章件 5，已忽略 2），/);
  });

  it('draws a PDF’s first page and the scans as thumbnails, locally', async () => {
    const images = page.locator('.unit-table .stamp img');
    await expect.poll(() => images.count(), { timeout: 60_000 }).toBe(3);
    // Every thumbnail decoded: a real picture, not a broken image.
    await expect
      .poll(
        () => images.evaluateAll((all) => all.map((image) => (image as HTMLImageElement).naturalWidth > 0)),
        {
          timeout: 60_000,
        },
      )
      .toEqual([true, true, true]);
    const sources = await images.evaluateAll((all) => all.map((image) => (image as HTMLImageElement).src));
    for (const source of sources) expect(source).toMatch(/^blob:/);
    // The PDF was drawn by pdf.js in the worker, at twice the 96 pixels shown.
    const pdf = (await unitRow(page, '吉县')).locator('.stamp img');
    expect(await pdf.getAttribute('alt')).toBe('盖章件 吉县.pdf 的缩略图');
    expect(await pdf.evaluate((image) => (image as HTMLImageElement).naturalWidth)).toBe(192);
    // TIFF is no picture Chromium decodes: a labelled badge instead.
    expect(await (await unitRow(page, '侯马市')).locator('.stamp-badge').textContent()).toBe('TIFF');
    expect(foreignRequests(session)).toEqual([]);
    expect(session.problems).toEqual([]);
    await page.locator('.unit-table').screenshot({ path: join(tmpdir(), 'jianshen-stamps-unit-table.png') });
  });

  it('says 仅有盖章件, not 未报送, for a unit that sent only a stamped copy', async () => {
    expect(await (await unitRow(page, '吉县')).locator('.status').textContent()).toBe('仅有盖章件');
    expect(await (await unitRow(page, '大宁县')).locator('.status').textContent()).toBe('仅有盖章件');
    expect(await (await unitRow(page, '乡宁县')).locator('.status').textContent()).toBe('未报送');
    expect(await (await unitRow(page, '尧都区')).textContent()).toContain('尧都区盖章件.jpg');
  });

  it('has no serious axe violation with the thumbnails shown', async () => {
    expect(await seriousAxeViolations(page)).toEqual([]);
  });
});
