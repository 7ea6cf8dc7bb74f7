// Child process: the clerks' page (packages/web/dist/index.html) aggregating a batch in headless
// Debian chromium, against the Node CLI (`jianshen aggregate`) on the same files. The page is
// opened from disk, the files are chosen in its `报送文件` input, and the time runs from the
// input's change event to the aggregate part's data-state="done" (measured inside the page, and
// from here as a check). Prints one JSON line; { skipped } when chromium or the built page is
// missing, so the bench says why instead of pretending.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromiumMissingReason, launchChromium } from '../packages/web/scripts/chromium.mjs';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const pagePath = join(root, 'packages/web/dist/index.html');
const cliBin = join(root, 'packages/cli/dist/bin.js');
const manifest = JSON.parse(await readFile(process.argv[2], 'utf8'));
const rounds = Math.max(1, Number(process.argv[3] ?? 3));
const emit = (result) => process.stdout.write(`${JSON.stringify(result)}\n`);

if (chromiumMissingReason) {
  emit({ skipped: chromiumMissingReason });
  process.exit(0);
}
if (!existsSync(pagePath)) {
  emit({ skipped: 'packages/web/dist/index.html is missing (npm run build)' });
  process.exit(0);
}

/** `jianshen aggregate` on the files, as a clerk with Node runs it: start-up, reading, all outputs. */
async function cliRun() {
  const out = await mkdtemp(join(tmpdir(), 'jianshen-bench-cli-'));
  try {
    const started = performance.now();
    const result = spawnSync(process.execPath, [cliBin, 'aggregate', ...manifest.files, '-o', out], {
      cwd: root,
      encoding: 'utf8',
      maxBuffer: 64 * 2 ** 20,
    });
    const wallMs = performance.now() - started;
    // 0: clean; 1: data errors found (the batch has bad rows on purpose); 2: the run failed.
    if (result.status !== 0 && result.status !== 1) {
      return { error: `jianshen aggregate exited ${result.status}: ${result.stderr.trim().split('\n')[0]}` };
    }
    const report = JSON.parse(await readFile(join(out, 'report.json'), 'utf8'));
    return { wallMs, rowsAccepted: report.summary?.rowsAccepted, rowsRejected: report.summary?.rowsRejected };
  } finally {
    await rm(out, { recursive: true, force: true });
  }
}

/** Records, inside the page, when files are chosen and when the aggregate part says done. */
function installTimers() {
  window.__bench = {};
  document.addEventListener(
    'change',
    (event) => {
      if (event.target instanceof HTMLInputElement && event.target.type === 'file') {
        window.__bench.chosenAt ??= performance.now();
      }
    },
    true,
  );
  new MutationObserver((records) => {
    for (const record of records) {
      if (record.target instanceof Element && record.target.getAttribute('data-state') === 'done') {
        window.__bench.doneAt ??= performance.now();
      }
    }
  }).observe(document, { attributes: true, attributeFilter: ['data-state'], subtree: true });
}

/**
 * The outputs the CLI writes, made by the page one after the other (下载汇总工作簿, 下载问题清单,
 * 下载 report.json): how long they take, and the rows the page's report accounts for.
 */
async function pageOutputs(page) {
  try {
    const started = performance.now();
    let reportPath;
    for (const button of ['下载汇总工作簿', '下载问题清单', '下载 report.json']) {
      const [download] = await Promise.all([
        page.waitForEvent('download', { timeout: 10 * 60_000 }),
        page.getByRole('button', { name: button, exact: true }).click(),
      ]);
      const path = await download.path();
      if (button === '下载 report.json') reportPath = path;
    }
    const outputsMs = performance.now() - started;
    // Read after the clock stops: parsing 45 MB of JSON here is the bench's work, not the page's.
    const report = JSON.parse(await readFile(reportPath, 'utf8'));
    return {
      outputsMs,
      rowsAccepted: report.summary?.rowsAccepted,
      rowsRejected: report.summary?.rowsRejected,
    };
  } catch (error) {
    return { error: String(error?.message ?? error).split('\n')[0] };
  }
}

/** One aggregation of the whole batch in a fresh page. */
async function browserRun(browser) {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  try {
    const page = await context.newPage();
    const problems = [];
    page.on('pageerror', (error) => problems.push(error.message));
    page.on('crash', () => problems.push('the page crashed'));
    await page.addInitScript(installTimers);
    await page.goto(pathToFileURL(pagePath).href);
    await page.getByRole('tab', { name: '汇总', exact: true }).click();
    const input = page.getByLabel('报送文件', { exact: true }).first();
    const started = performance.now();
    await input.setInputFiles(manifest.files);
    await page
      .locator('[data-state="done"]')
      .first()
      .waitFor({ state: 'attached', timeout: 20 * 60_000 });
    const wallMs = performance.now() - started;
    const timers = await page.evaluate(() => window.__bench);
    const jsHeapMb = await page.evaluate(() => (performance.memory?.usedJSHeapSize ?? 0) / 2 ** 20);
    return {
      pageMs: timers.doneAt - timers.chosenAt,
      outputs: await pageOutputs(page),
      wallMs,
      mainThreadHeapMb: jsHeapMb,
      ...(problems.length > 0 ? { problems } : {}),
    };
  } finally {
    await context.close();
  }
}

const browser = await launchChromium();
const browserRuns = [];
const cliRuns = [];
let failure;
try {
  // Warm-up: the CLI's first run fills the file cache and compiles its code.
  await cliRun();
  for (let round = 0; round < rounds; round++) {
    browserRuns.push(await browserRun(browser));
    cliRuns.push(await cliRun());
  }
} catch (error) {
  failure = `the page: ${String(error?.message ?? error).split('\n')[0]}`;
} finally {
  await browser.close();
}
if (failure) {
  // The page did not finish (a missing control, a crash, a timeout): say what, as a result.
  emit({ error: failure });
  process.exit(0);
}
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const cliError = cliRuns.find((run) => run.error)?.error;
const browserMs = median(browserRuns.map((run) => run.pageMs));
const cliMs = cliError ? undefined : median(cliRuns.map((run) => run.wallMs));
emit({
  files: manifest.files.length,
  dataRows: manifest.dataRows,
  rounds,
  browserMs,
  browserRuns: browserRuns.map((run) => run.pageMs),
  browserWallMs: browserRuns.map((run) => run.wallMs),
  mainThreadHeapMb: Math.max(...browserRuns.map((run) => run.mainThreadHeapMb)),
  problems: browserRuns.flatMap((run) => run.problems ?? []),
  // The same rows as the CLI, or the times compare different work.
  pageReport: browserRuns[0].outputs,
  // Like for like: the CLI's time includes writing its outputs; the page makes them on request.
  browserWithOutputsMs: median(browserRuns.map((run) => run.pageMs + (run.outputs.outputsMs ?? Number.NaN))),
  ...(cliError
    ? { cliError }
    : {
        cliMs,
        cliRuns: cliRuns.map((run) => run.wallMs),
        cliRowsAccepted: cliRuns[0].rowsAccepted,
        ratio: browserMs / cliMs,
        ratioWithOutputs:
          median(browserRuns.map((run) => run.pageMs + (run.outputs.outputsMs ?? Number.NaN))) / cliMs,
      }),
});
