import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { aggregate } from './aggregate.js';
import { fixture, fixturesDirectory, linfenCampaign } from './fixtures.test-support.js';
import { resolveLimits } from './limits.js';
import { readSubmission } from './read/read-submission.js';
import type { AggregateReport, SubmissionInput } from './report.js';
import { type FoundTable, findTables } from './table/find-tables.js';

/** Every data row of the inputs, found independently of `aggregate` with the same readers. */
async function dataRowsOf(inputs: readonly SubmissionInput[]): Promise<string[]> {
  const campaign = await linfenCampaign();
  const locations: string[] = [];
  for (const input of inputs) {
    const outcome = await readSubmission(input.data, input.path, resolveLimits());
    if (!outcome.ok) continue;
    // Sheet by sheet, a sheet without a header continuing the one before (as aggregate reads).
    let previous: FoundTable | undefined;
    for (const sheet of outcome.workbook.sheets) {
      const options = { fallbackUnit: input.path, ...(previous ? { continues: previous } : {}) };
      const tables = findTables(sheet, campaign.fields, options);
      for (const table of tables) {
        for (const row of table.rows) locations.push(`${input.path}|${sheet.name}|${row.row}`);
      }
      if (!sheet.hidden) previous = tables[tables.length - 1];
    }
  }
  return locations;
}

function checkInvariant(report: AggregateReport, locations: readonly string[]) {
  const accepted = new Set(
    report.rows.map((row) => `${row.source.path}|${row.source.sheet}|${row.source.row}`),
  );
  const flagged = new Set(
    report.issues
      .filter((issue) => issue.severity === 'error' || issue.code === 'duplicate-row')
      .map((issue) => `${issue.path}|${issue.sheet}|${issue.row}`),
  );
  const superseded = new Set(report.files.filter((file) => file.supersededBy).map((file) => file.path));
  for (const location of locations) {
    const path = location.split('|')[0] ?? '';
    const found = accepted.has(location) || flagged.has(location) || superseded.has(path);
    expect(found, `row ${location} is neither accepted nor in an issue`).toBe(true);
  }
  // No row is both counted and refused.
  for (const location of accepted) {
    const issues = report.issues.filter(
      (issue) =>
        `${issue.path}|${issue.sheet}|${issue.row}` === location &&
        (issue.severity === 'error' || issue.code === 'duplicate-row'),
    );
    expect(issues, location).toEqual([]);
  }
  const { summary } = report;
  expect(summary.rowsRead).toBe(locations.length);
  expect(summary.rowsRead).toBe(
    summary.rowsAccepted + summary.rowsRejected + summary.rowsDuplicate + summary.rowsSuperseded,
  );
  expect(report.rows).toHaveLength(summary.rowsAccepted);
  for (const file of report.files) {
    expect(file.rowsRead, file.path).toBe(
      file.rowsAccepted + file.rowsRejected + file.rowsDuplicate + file.rowsSuperseded,
    );
    expect(report.rows.filter((row) => row.source.path === file.path)).toHaveLength(file.rowsAccepted);
  }
  expect(summary.byUnit.reduce((sum, group) => sum + group.rows, 0)).toBe(summary.rowsAccepted);
  expect(summary.byMode.reduce((sum, group) => sum + group.rows, 0)).toBe(summary.rowsAccepted);
  expect(summary.byMonth.reduce((sum, group) => sum + group.rows, 0)).toBe(summary.rowsAccepted);
  expect(summary.errors + summary.warnings).toBe(report.issues.length);
  expect(report.rows.map((row) => row.seq)).toEqual(report.rows.map((_row, index) => index + 1));
}

describe('the invariant: every data row read is in the rows or in an issue at its location', () => {
  const names = readdirSync(fixturesDirectory)
    .filter((name) => !name.endsWith('.py'))
    .sort();

  it('holds over every fixture in one batch, and the counts add up', async () => {
    const inputs = names.map((name) => fixture(name));
    const report = await aggregate(inputs, await linfenCampaign());
    const locations = await dataRowsOf(inputs);
    expect(locations.length).toBeGreaterThan(60);
    checkInvariant(report, locations);
    expect(report.summary.rowsRejected).toBeGreaterThan(0);
    expect(report.summary.rowsDuplicate).toBeGreaterThan(0);
  });

  it('holds with --replace, where whole files are superseded', async () => {
    const inputs = names.map((name, index) => fixture(name, new Date(Date.UTC(2024, 4, 1 + index))));
    const report = await aggregate(inputs, await linfenCampaign(), { replace: true });
    expect(report.summary.rowsSuperseded).toBeGreaterThan(0);
    checkInvariant(report, await dataRowsOf(inputs));
  });
});

describe('report.json shape', () => {
  it('has the documented fields and nothing unserialisable', async () => {
    const report = await aggregate(
      [fixture('header-variants.xlsx'), fixture('legacy.xls'), fixture('dates.xlsx')],
      await linfenCampaign(),
    );
    const json = JSON.parse(JSON.stringify(report)) as AggregateReport;
    expect(json).toEqual(report);
    expect(Object.keys(json)).toEqual([
      'version',
      'campaign',
      'files',
      'rows',
      'issues',
      'summary',
      'assessment',
    ]);
    for (const file of json.files) {
      expect(file).toEqual(
        expect.objectContaining({
          path: expect.any(String),
          format: expect.any(String),
          unit: expect.any(String),
          status: expect.stringMatching(/^(ok|failed|unsupported)$/),
          rowsRead: expect.any(Number),
          rowsAccepted: expect.any(Number),
          rowsRejected: expect.any(Number),
        }),
      );
    }
    expect(Object.keys(json.rows[0] ?? {}).slice(0, 12)).toEqual([
      'seq',
      'organizer',
      'name',
      'summary',
      'mode',
      'start',
      'end',
      'contact',
      'phone',
      'note',
      'unit',
      'source',
    ]);
    expect(json.rows[0]?.source).toEqual({ path: 'header-variants.xlsx', sheet: 'header-variants', row: 4 });
    for (const issue of json.issues) {
      expect(issue).toEqual(
        expect.objectContaining({
          path: expect.any(String),
          code: expect.any(String),
          severity: expect.stringMatching(/^(error|warning)$/),
          message: expect.any(String),
        }),
      );
    }
    expect(json.summary).toEqual(
      expect.objectContaining({
        rowsRead: expect.any(Number),
        rowsAccepted: expect.any(Number),
        rowsRejected: expect.any(Number),
        byUnit: expect.any(Array),
        byMode: expect.any(Array),
        byMonth: expect.any(Array),
        dimensions: expect.any(Array),
        missingUnits: expect.any(Array),
        lateUnits: expect.any(Array),
      }),
    );
    expect(json.summary.byMonth.map((group) => group.month)).toEqual([
      '2024-06',
      '2024-07',
      '2024-08',
      '2024-10',
      '2024-12',
    ]);
  });
});
