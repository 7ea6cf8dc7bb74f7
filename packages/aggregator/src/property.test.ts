import { type AggregateReport, aggregate } from '@jianshen/aggregator';
import { type ResolvedCampaign, resolveCampaign } from '@jianshen/plugin-kit';
import { linfen2024Campaign } from '@jianshen/schema';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { firstDataRow, submissionSheet } from './hostile/submission.js';
import { buildXlsx, type CellSpec } from './hostile/workbook-bytes.js';

// Random messy workbooks: valid rows written every way clerks write them, rows with one bad
// cell, blank rows in the middle, 举办单位 merged down, footers at the end. Whatever comes out,
// every data row is in `rows` or in an error issue at its file and row (never both, never
// neither), and the report's counts add up.

const validDates: CellSpec[] = [
  '2024-06-15',
  '2024年6月15日',
  '2024.6.15',
  '2024/6/15',
  '20240615',
  '6月15日',
  '2024.7.15-7.19',
  '7月1日至5日',
  { serial: 45458 },
  45458,
];
const validModes = [
  '线上',
  '线下',
  '线上线下',
  '线 下',
  '线上、线下',
  '线上+线下',
  'online',
  'offline',
  '现场',
];
const validPhones: CellSpec[] = [
  '13912345678',
  '0357-1234567',
  '(0357)1234567',
  '0357 1234567',
  '0357-1234567转801',
  '13912345678、0357-7654321',
  13912345678,
  '１３９１２３４５６７８',
];
const invalidCells = [
  { column: 2, value: '' }, // 活动名称 missing
  { column: 1, value: '' }, // 举办单位 missing (not merged from above: first row of its run)
  { column: 5, value: '2024年13月45日' },
  { column: 5, value: '下个月' },
  { column: 4, value: '电话会议' },
  { column: 7, value: '12345' },
  { column: 7, value: '' },
] as const;

type RowPlan =
  | { kind: 'blank' }
  | {
      kind: 'data';
      valid: boolean;
      date: number;
      mode: number;
      phone: number;
      invalid: number;
      /** This row starts a new 举办单位 (otherwise the cell is merged from the row above). */
      newOrganizer: boolean;
      summary: string;
    };

const dataRow = fc.record({
  kind: fc.constant('data' as const),
  valid: fc.boolean(),
  date: fc.nat(validDates.length - 1),
  mode: fc.nat(validModes.length - 1),
  phone: fc.nat(validPhones.length - 1),
  invalid: fc.nat(invalidCells.length - 1),
  newOrganizer: fc.boolean(),
  summary: fc.string({ maxLength: 30 }),
});
const rowPlan: fc.Arbitrary<RowPlan> = fc.oneof(
  { weight: 8, arbitrary: dataRow },
  { weight: 1, arbitrary: fc.constant({ kind: 'blank' as const }) },
);
const filePlan: fc.Arbitrary<FilePlan> = fc.record({
  rows: fc.array(rowPlan, { minLength: 1, maxLength: 25 }),
  footer: fc.boolean(),
  sharedStrings: fc.boolean(),
});

interface Expected {
  path: string;
  /** Spreadsheet row → whether it must be accepted. */
  data: Map<number, boolean>;
}

interface FilePlan {
  rows: RowPlan[];
  footer: boolean;
  sharedStrings: boolean;
}

function buildFile(index: number, plan: FilePlan) {
  const unit = ['古县', '吉县', '蒲县'][index] ?? `第${index}县`;
  const path = `${unit}.xlsx`;
  const rows: CellSpec[][] = [];
  const merges: string[] = [];
  const data = new Map<number, boolean>();
  let runStart: number | undefined;
  const closeRun = (last: number) => {
    if (runStart !== undefined && last > runStart) merges.push(`B${runStart}:B${last}`);
    runStart = undefined;
  };
  plan.rows.forEach((row, offset) => {
    const spreadsheetRow = firstDataRow + offset;
    if (row.kind === 'blank') {
      closeRun(spreadsheetRow - 1);
      rows.push([]);
      return;
    }
    const startsRun = row.newOrganizer || runStart === undefined;
    if (startsRun) {
      closeRun(spreadsheetRow - 1);
      runStart = spreadsheetRow;
    }
    const cells: CellSpec[] = [
      offset + 1,
      startsRun ? `${unit}体育中心${offset}` : null,
      `${unit}活动第${offset + 1}项`,
      row.summary,
      validModes[row.mode]!,
      validDates[row.date]!,
      '王明',
      validPhones[row.phone]!,
      '',
    ];
    let valid = true;
    if (!row.valid) {
      const spoil = invalidCells[row.invalid]!;
      // A missing 举办单位 only counts when the cell is not merged from the row above.
      if (spoil.column !== 1 || startsRun) {
        cells[spoil.column] = spoil.value;
        valid = false;
        if (spoil.column === 1) {
          // An empty first cell of a run: the merge would carry nothing, so start no run here.
          runStart = undefined;
        }
      }
    }
    rows.push(cells);
    data.set(spreadsheetRow, valid);
  });
  closeRun(firstDataRow + plan.rows.length - 1);
  const bytes = buildXlsx({
    sheets: [submissionSheet(unit, rows, { footer: plan.footer, merges })],
    sharedStrings: plan.sharedStrings,
  });
  return { input: { path, data: bytes }, expected: { path, data } satisfies Expected };
}

function checkInvariants(report: AggregateReport, expected: readonly Expected[]): void {
  for (const file of expected) {
    const entry = report.files.find((candidate) => candidate.path === file.path);
    expect(entry, file.path).toBeDefined();
    if (!entry) return;
    const accepted = new Set(
      report.rows.filter((row) => row.source.path === file.path).map((row) => row.source.row),
    );
    const rejected = new Set(
      report.issues
        .filter((issue) => issue.path === file.path && issue.severity === 'error' && issue.row !== undefined)
        .map((issue) => issue.row),
    );
    // Every data row: in rows or in an error issue, exactly one of the two.
    for (const [row, valid] of file.data) {
      expect(accepted.has(row) !== rejected.has(row), `${file.path} row ${row} accounted once`).toBe(true);
      expect(accepted.has(row), `${file.path} row ${row} ${valid ? 'accepted' : 'rejected'}`).toBe(valid);
    }
    // Nothing else was invented.
    for (const row of accepted) expect(file.data.has(row)).toBe(true);
    expect(entry.rowsRead).toBe(file.data.size);
    expect(entry.rowsAccepted).toBe(accepted.size);
    expect(entry.rowsRejected).toBe([...file.data.values()].filter((valid) => !valid).length);
    expect(entry.rowsRead).toBe(
      entry.rowsAccepted + entry.rowsRejected + entry.rowsDuplicate + entry.rowsSuperseded,
    );
  }
  const { summary } = report;
  const sum = (key: 'rowsRead' | 'rowsAccepted' | 'rowsRejected' | 'rowsDuplicate' | 'rowsSuperseded') =>
    report.files.reduce((total, file) => total + file[key], 0);
  expect(summary.files).toBe(report.files.length);
  expect(summary.filesOk + summary.filesFailed + summary.filesUnsupported).toBe(summary.files);
  expect(summary.rowsRead).toBe(sum('rowsRead'));
  expect(summary.rowsAccepted).toBe(sum('rowsAccepted'));
  expect(summary.rowsRejected).toBe(sum('rowsRejected'));
  expect(summary.rowsDuplicate).toBe(sum('rowsDuplicate'));
  expect(summary.rowsSuperseded).toBe(sum('rowsSuperseded'));
  expect(summary.rowsRead).toBe(
    summary.rowsAccepted + summary.rowsRejected + summary.rowsDuplicate + summary.rowsSuperseded,
  );
  expect(report.rows).toHaveLength(summary.rowsAccepted);
  expect(report.rows.map((row) => row.seq)).toEqual(report.rows.map((_, index) => index + 1));
  expect(summary.errors).toBe(report.issues.filter((issue) => issue.severity === 'error').length);
  expect(summary.warnings).toBe(report.issues.filter((issue) => issue.severity === 'warning').length);
  expect(summary.byUnit.reduce((total, group) => total + group.rows, 0)).toBe(summary.rowsAccepted);
  expect(summary.byMode.reduce((total, group) => total + group.rows, 0)).toBe(summary.rowsAccepted);
  expect(summary.byMonth.reduce((total, group) => total + group.rows, 0)).toBe(summary.rowsAccepted);
}

describe('aggregate over random messy workbooks', () => {
  let campaign: ResolvedCampaign;
  beforeAll(async () => {
    campaign = await resolveCampaign(linfen2024Campaign);
  });

  it('accounts for every data row exactly once, and the counts add up', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(filePlan, { minLength: 1, maxLength: 3 }), async (plans) => {
        const built = plans.map((plan, index) => buildFile(index, plan));
        const report = await aggregate(
          built.map((file) => file.input),
          campaign,
          { lang: 'zh' },
        );
        checkInvariants(
          report,
          built.map((file) => file.expected),
        );
      }),
      { numRuns: 60, seed: 20240528 },
    );
  });
});
