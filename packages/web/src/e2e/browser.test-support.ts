import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { chromiumMissingReason, launchChromium } from '../../scripts/chromium.mjs';

export { chromiumPath } from '../../scripts/chromium.mjs';

/** Why the browser tests cannot run here, or undefined when they can. */
export const browserSkipReason: string | undefined =
  chromiumMissingReason === undefined ? undefined : `${chromiumMissingReason}: browser tests skipped`;

/** The page as a clerk gets it: one self-contained file, opened from disk. */
export const builtPagePath = fileURLToPath(new URL('../../dist/index.html', import.meta.url));

/** Prints why a suite is skipped, so a skip is never silent. */
export function warnIfSkipped(suite: string): void {
  if (browserSkipReason) console.warn(`[${suite}] ${browserSkipReason}`);
}

/** The built page's file: URL; a clear failure (not a skip) when the build has not run. */
export function builtPageUrl(): string {
  if (!existsSync(builtPagePath)) {
    throw new Error(
      `${builtPagePath} is missing: run \`npm run build\` first (the README's test line builds before \`npm test\`)`,
    );
  }
  return pathToFileURL(builtPagePath).href;
}

/** Debian's chromium, launched the one way the repository launches it (scripts/chromium.mjs). */
export function launchBrowser(): Promise<Browser> {
  return launchChromium();
}

/** One page in a fresh context, with everything it requested and every error it showed. */
export interface PageSession {
  page: Page;
  context: BrowserContext;
  /** Every URL the page or its workers asked for, in order. */
  requests: string[];
  /** Console errors (page and workers), uncaught exceptions and crashes. */
  problems: string[];
  close: () => Promise<void>;
}

/** Schemes that never leave the machine: the page itself, its blob: workers and downloads, data: images. */
const localSchemes = ['file:', 'blob:', 'data:'];

/** Requests to anything but file:, blob: or data: — what the privacy promise forbids. */
export function foreignRequests(session: PageSession): string[] {
  return session.requests.filter((url) => !localSchemes.some((scheme) => url.startsWith(scheme)));
}

export interface OpenPageOptions {
  /** 1366×768 unless given: a common office screen. */
  viewport?: { width: number; height: number };
}

/** Opens dist/index.html from disk in a new context and waits for the shell to paint. */
export async function openBuiltPage(browser: Browser, options: OpenPageOptions = {}): Promise<PageSession> {
  const url = builtPageUrl();
  const context = await browser.newContext({
    viewport: options.viewport ?? { width: 1366, height: 768 },
    acceptDownloads: true,
    locale: 'zh-CN',
  });
  const requests: string[] = [];
  const problems: string[] = [];
  context.on('request', (request) => requests.push(request.url()));
  const page = await context.newPage();
  page.on('websocket', (socket) => requests.push(socket.url()));
  // Chromium hands the page its workers' console messages too.
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('crash', () => problems.push('the page crashed'));
  // A blocked connection is a CSP violation: record it even if nothing is logged for it.
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  await page.goto(url, { waitUntil: 'load' });
  await page.locator('#app > *').first().waitFor({ state: 'visible' });
  return { page, context, requests, problems, close: () => context.close() };
}

/** A download the page made: its suggested name and its bytes. */
export interface DownloadedFile {
  name: string;
  bytes: Uint8Array;
}

/** Clicks a control and catches the file it downloads (an <a download> on a blob: URL). */
export async function downloadFrom(page: Page, control: Locator, timeout = 120_000): Promise<DownloadedFile> {
  const [download] = await Promise.all([page.waitForEvent('download', { timeout }), control.click()]);
  const failure = await download.failure();
  if (failure) throw new Error(`download ${download.suggestedFilename()} failed: ${failure}`);
  const path = await download.path();
  return { name: download.suggestedFilename(), bytes: new Uint8Array(readFileSync(path)) };
}

/** Chooses a tab of the page by its visible name (活动, 汇总, 图表 or their English names). */
export async function openTab(page: Page, name: string): Promise<void> {
  await page.getByRole('tab', { name, exact: true }).click();
}

/** A table's body as text, one array of cell texts per row. */
export async function tableRows(page: Page, caption: string): Promise<string[][]> {
  const table = page.getByRole('table', { name: caption });
  await table.waitFor();
  return table
    .locator('tbody tr')
    .evaluateAll((rows) =>
      rows.map((row) => [...row.querySelectorAll('th, td')].map((cell) => (cell.textContent ?? '').trim())),
    );
}
