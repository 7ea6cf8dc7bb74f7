import { existsSync, readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  browserSkipReason,
  builtPagePath,
  foreignRequests,
  launchBrowser,
  openBuiltPage,
  openTab,
  warnIfSkipped,
} from './browser.test-support.js';

warnIfSkipped('web shell');

describe('the built page', () => {
  // Not a browser test: without dist/index.html every browser test would fail for the wrong reason.
  it('exists as one self-contained file (npm run build writes packages/web/dist/index.html)', () => {
    expect(existsSync(builtPagePath), `${builtPagePath} is missing: run \`npm run build\` first`).toBe(true);
    const html = readFileSync(builtPagePath, 'utf8');
    // Nothing to fetch: no external script, stylesheet or module preload left by the build.
    expect(html).not.toMatch(/<script[^>]+\bsrc=/i);
    expect(html).not.toMatch(/<link[^>]+rel="(stylesheet|modulepreload)"/i);
  });

  it("forbids connections in its Content-Security-Policy (connect-src 'none')", () => {
    const html = readFileSync(builtPagePath, 'utf8');
    const policy = html.match(/http-equiv="Content-Security-Policy"\s+content="([^"]+)"/i)?.[1];
    expect(policy).toBeDefined();
    expect(policy).toContain("connect-src 'none'");
    expect(policy).toContain("default-src 'none'");
  });
});

describe.skipIf(browserSkipReason)('the page in Chromium, opened from disk', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
  });

  it('paints the three parts in Chinese, requests nothing outside the machine, logs no error', async () => {
    const session = await openBuiltPage(browser);
    try {
      const { page } = session;
      await expect(page.title()).resolves.toContain('健身');
      for (const name of ['活动', '汇总', '图表']) {
        await expect(page.getByRole('tab', { name, exact: true }).isVisible()).resolves.toBe(true);
      }
      for (const name of ['活动', '汇总', '图表']) await openTab(page, name);
      expect(foreignRequests(session)).toEqual([]);
      expect(session.problems).toEqual([]);
    } finally {
      await session.close();
    }
  });

  it('switches to English and back with the language toggle', async () => {
    const session = await openBuiltPage(browser);
    try {
      const { page } = session;
      await page
        .getByRole('button')
        .filter({ hasText: /^English$/ })
        .click();
      for (const name of ['Campaign', 'Aggregate', 'Charts']) {
        await page.getByRole('tab', { name, exact: true }).waitFor();
      }
      // biome-ignore lint/performance/useDomNodeTextContent: the visible text only, hidden parts left out
      expect(await page.locator('body').innerText()).not.toMatch(/活动配置|报送文件/);
      await page
        .getByRole('button')
        .filter({ hasText: /^中文$/ })
        .click();
      await page.getByRole('tab', { name: '活动', exact: true }).waitFor();
      expect(session.problems).toEqual([]);
    } finally {
      await session.close();
    }
  });
});
