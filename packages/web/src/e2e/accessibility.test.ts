import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { controlsKeyboardCannotReach, seriousAxeViolations } from './accessibility.test-support.js';
import {
  browserSkipReason,
  launchBrowser,
  openBuiltPage,
  openTab,
  type PageSession,
  warnIfSkipped,
} from './browser.test-support.js';

warnIfSkipped('web accessibility');

// Each part as it first appears; the 汇总 and 图表 parts with results are checked again in
// aggregate.test.ts once an aggregation has finished.
describe.skipIf(browserSkipReason)(
  'accessibility of each part (axe-core, keyboard)',
  { timeout: 240_000 },
  () => {
    let browser: Browser;
    let session: PageSession;
    beforeAll(async () => {
      browser = await launchBrowser();
      session = await openBuiltPage(browser);
    }, 300_000);
    afterAll(async () => {
      await session?.close();
      await browser?.close();
    });

    for (const [tab, english] of [
      ['活动', 'Campaign'],
      ['汇总', 'Aggregate'],
      ['图表', 'Charts'],
    ] as const) {
      it(`${tab}: no serious or critical axe violation, every control reachable by Tab`, async () => {
        const { page } = session;
        await openTab(page, tab);
        expect(await seriousAxeViolations(page)).toEqual([]);
        expect(await controlsKeyboardCannotReach(page)).toEqual([]);
      });

      it(`${english} (English): no serious or critical axe violation`, async () => {
        const { page } = session;
        await page
          .getByRole('button')
          .filter({ hasText: /^English$/ })
          .click();
        try {
          await openTab(page, english);
          expect(await seriousAxeViolations(page)).toEqual([]);
        } finally {
          await page
            .getByRole('button')
            .filter({ hasText: /^中文$/ })
            .click();
        }
      });
    }

    it('showed no error while being checked', () => {
      expect(session.problems).toEqual([]);
    });
  },
);
