import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type AggregateReport, type UnitStatus, unitStatuses, unitStatusLabels } from '@jianshen/aggregator';
import { resolveCampaign } from '@jianshen/plugin-kit';
import { linfen2024Campaign } from '@jianshen/schema';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { controlsKeyboardCannotReach, seriousAxeViolations } from './accessibility.test-support.js';
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
import {
  cli,
  exampleSubmissionNames,
  exampleSubmissionsDirectory,
  folderWith,
  nestedZipParts,
  readOutput,
  zipParts,
} from './documents.test-support.js';

warnIfSkipped('web 汇总 and 图表');

// After the deadline (2024-05-28): units without errors are 逾期, so every status shows up.
const submittedOn = '2024-06-03';

/** A report with every file path reduced to the file's name (the browser knows only names). */
function withNames(report: AggregateReport): unknown {
  const name = (path: string) => path.split(/[\\/]/).at(-1);
  return {
    ...report,
    files: report.files.map((file) => ({ ...file, path: name(file.path) })),
    rows: report.rows.map((row) => ({ ...row, source: { ...row.source, path: name(row.source.path) } })),
    issues: report.issues.map((issue) => ({ ...issue, path: name(issue.path) })),
  };
}

describe.skipIf(browserSkipReason)(
  '汇总: the example returns chosen in the page from disk',
  { timeout: 240_000 },
  () => {
    let browser: Browser;
    let session: PageSession;
    let page: Page;
    let cliFolder: string;
    let cliReport: AggregateReport;
    let statuses: UnitStatus[];

    beforeAll(async () => {
      const names = exampleSubmissionNames();
      // The CLI on copies of the same files, named as the page names them.
      cliFolder = folderWith(exampleSubmissionsDirectory, names);
      await cli(['aggregate', ...names, '-o', 'out', '--submitted-on', submittedOn], cliFolder);
      cliReport = JSON.parse(readFileSync(join(cliFolder, 'out', 'report.json'), 'utf8'));
      statuses = unitStatuses(cliReport, await resolveCampaign(linfen2024Campaign));

      browser = await launchBrowser();
      session = await openBuiltPage(browser);
      page = session.page;
      await openTab(page, '汇总');
      await page.getByLabel('报送日期', { exact: true }).fill(submittedOn);
      await page
        .getByLabel('报送文件', { exact: true })
        .first()
        .setInputFiles(names.map((name) => join(exampleSubmissionsDirectory, name)));
      await page.locator('[data-state="done"]').first().waitFor({ timeout: 120_000 });
    }, 300_000);
    afterAll(async () => {
      await session?.close();
      await browser?.close();
    });

    it('lists every expected unit once in 各单位报送情况, with the status the report gives it', async () => {
      const rows = await tableRows(page, '各单位报送情况');
      for (const status of statuses.filter((entry) => entry.expected)) {
        const matching = rows.filter((cells) => cells.includes(status.unit));
        expect(matching, status.unit).toHaveLength(1);
        // The status may say more (逾期（2024-06-03 报送）), but starts with the bureau's word for it.
        const label = unitStatusLabels[status.status].zh;
        expect(
          matching[0]!.some((cell) => cell.startsWith(label)),
          `${status.unit}: ${label}`,
        ).toBe(true);
      }
      // The example has every kind: units that sent nothing, sent late, and sent rows with errors.
      const shown = new Set(statuses.map((status) => status.status));
      expect([...shown].sort()).toEqual(['errors', 'late', 'missing']);
      expect(rows.length).toBe(statuses.length);
    });

    it('lists every issue of the report in 问题清单, with its message', async () => {
      const rows = await tableRows(page, '问题清单');
      expect(rows).toHaveLength(cliReport.issues.length);
      for (const issue of cliReport.issues) {
        const found = rows.some(
          (cells) => cells.includes(issue.message) && cells.some((cell) => cell.includes(issue.path)),
        );
        expect(found, `${issue.path} ${issue.row ?? ''} ${issue.message}`).toBe(true);
      }
    });

    it('shows the row of a chosen issue with the bad cell marked', async () => {
      const issue = cliReport.issues.find((entry) => entry.severity === 'error' && entry.value)!;
      const table = page.getByRole('table', { name: '问题清单' });
      const row = table.locator('tbody tr').filter({ hasText: issue.message }).first();
      await row.getByRole('button').click();
      // The submission's row under its header, the cell at fault in a <mark>.
      const marked = page.locator('mark').filter({ hasText: String(issue.value) });
      await marked.first().waitFor({ timeout: 30_000 });
      expect(await page.locator('mark').count()).toBe(1);
    });

    it('gives report.json equal to the CLI’s for the same files and 报送日期, but for paths', async () => {
      const download = await downloadFrom(page, page.getByRole('button', { name: '下载 report.json' }));
      expect(download.name).toBe('report.json');
      const pageReport = JSON.parse(new TextDecoder().decode(download.bytes));
      expect(withNames(pageReport)).toEqual(withNames(cliReport));
    });

    it('gives the consolidated workbook and the issues workbook the CLI writes, part for part', async () => {
      const workbook = await downloadFrom(page, page.getByRole('button', { name: '下载汇总工作簿' }));
      expect(workbook.name).toBe('2024年全民健身志愿服务活动统计表（汇总）.xlsx');
      expect(zipParts(workbook.bytes)).toEqual(zipParts(readOutput(join(cliFolder, 'out'), workbook.name)));
      expect(Object.values(zipParts(workbook.bytes)).join('\n')).toContain('举办单位');

      const issues = await downloadFrom(page, page.getByRole('button', { name: '下载问题清单' }));
      expect(issues.name).toBe('问题清单.xlsx');
      expect(zipParts(issues.bytes)).toEqual(zipParts(readOutput(join(cliFolder, 'out'), '问题清单.xlsx')));
    });

    it('gives 退回意见: one workbook per unit with errors, listing its rows to fix', async () => {
      const returns = await downloadFrom(page, page.getByRole('button', { name: '下载退回意见' }));
      expect(returns.name).toMatch(/\.zip$/);
      const workbooks = nestedZipParts(returns.bytes);
      const withErrors = statuses.filter((status) => status.errors > 0).map((status) => status.unit);
      expect(Object.keys(workbooks)).toHaveLength(withErrors.length);
      for (const unit of withErrors) {
        const name = Object.keys(workbooks).find((entry) => entry.startsWith(unit));
        expect(name, unit).toBeDefined();
        // Strings inline or shared: all the workbook's text.
        const strings = Object.values(workbooks[name!]!).join('\n');
        for (const issue of cliReport.issues.filter(
          (entry) =>
            entry.severity === 'error' &&
            statuses.find((status) => status.unit === unit)!.files.includes(entry.path),
        )) {
          expect(strings, `${unit}: ${issue.message}`).toContain(issue.message.replace(/&/g, '&amp;'));
        }
      }
      // Where the CLI writes 退回意见 too, the page's is the same, workbook for workbook.
      const cliReturns = join(cliFolder, 'out', returns.name);
      if (existsSync(cliReturns))
        expect(workbooks).toEqual(nestedZipParts(readOutput(join(cliFolder, 'out'), returns.name)));
    });

    it('has no serious axe violation and every control reachable by keyboard with results shown', async () => {
      expect(await seriousAxeViolations(page)).toEqual([]);
      expect(await controlsKeyboardCannotReach(page)).toEqual([]);
    });

    it('draws three charts in 图表 from the finished aggregation', async () => {
      await openTab(page, '图表');
      const charts = page.locator('#panel-charts').locator('img, svg').filter({ visible: true });
      await expect.poll(() => charts.count(), { timeout: 30_000 }).toBeGreaterThanOrEqual(3);
      const shown = await page.locator('#panel-charts').locator('figure, img').count();
      expect(shown).toBeGreaterThanOrEqual(3);
      expect(await seriousAxeViolations(page)).toEqual([]);
      await openTab(page, '汇总');
    });

    it('shows the statuses in English after the language toggle', async () => {
      await page
        .getByRole('button')
        .filter({ hasText: /^English$/ })
        .click();
      try {
        await openTab(page, 'Aggregate');
        // The messages come from the schema in the chosen language: the page checks the files again.
        const text = () => page.locator('#panel-aggregate').textContent();
        await expect.poll(text, { timeout: 120_000 }).toContain(unitStatusLabels.missing.en);
        expect(await text()).toContain(unitStatusLabels.errors.en);
        await page.locator('[data-state="done"]').first().waitFor({ timeout: 120_000 });
      } finally {
        await page
          .getByRole('button')
          .filter({ hasText: /^中文$/ })
          .click();
      }
    });

    it('asked for nothing outside the machine and showed no error', () => {
      expect(foreignRequests(session)).toEqual([]);
      expect(session.problems).toEqual([]);
    });
  },
);
