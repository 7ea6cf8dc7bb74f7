import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { definePlugin, defineRule, type RowEntry, resolveCampaign } from '@jianshen/plugin-kit';
import { linfen2024Campaign } from '@jianshen/schema';
import { afterAll, describe, expect, it } from 'vitest';
import { aggregate, collectReport, streamAggregate } from './aggregate.js';
import { csvHead } from './hostile/submission.js';
import { createFileRowStore } from './node/file-row-store.js';
import type { AggregateOptions, AggregateReport, SubmissionInput } from './report.js';

// Markers in 活动名称 that the test rules act on.
const blamePrevious = '【前一行有误】';
const warnPrevious = '【前一行提醒】';
const tableCheck = '【整表检查】';

/** Reports on the row before the one it is handed (an error or a warning, by marker). */
const previousRow = defineRule({
  meta: {
    messages: {
      'previous-wrong': { zh: '下一行说本行有误', en: 'the next row says this one is wrong' },
      'previous-odd': { zh: '下一行提醒本行', en: 'the next row points at this one' },
    },
  },
  create: (context) => {
    let previous: RowEntry | undefined;
    return {
      row(entry) {
        const name = String(entry.values.name ?? '');
        if (previous && name.includes(blamePrevious)) {
          context.report({ row: previous, field: 'name', code: 'previous-wrong' });
        }
        if (previous && name.includes(warnPrevious)) {
          context.report({ row: previous, field: 'name', code: 'previous-odd', severity: 'warning' });
        }
        previous = entry;
      },
    };
  },
});

/** Rejects rows from its `table` handler, once every row has been seen. */
const wholeTable = defineRule({
  meta: { messages: { 'table-says-no': { zh: '整表检查不通过', en: 'the table check failed' } } },
  create: (context) => ({
    table(entries) {
      for (const entry of entries) {
        if (String(entry.values.name ?? '').includes(tableCheck)) {
          context.report({ row: entry, field: 'name', code: 'table-says-no' });
        }
      }
    },
  }),
});

const plugin = definePlugin({ name: 'test-elsewhere', rules: { previousRow, wholeTable } });

function csv(unit: string, rows: [organizer: string, name: string, day: string][]): Uint8Array {
  const lines = [
    ...csvHead(`${unit}`),
    ...rows.map(([organizer, name, day], index) =>
      [index + 1, organizer, name, '活动简介', '线下', day, '张三', '13912345678', ''].join(','),
    ),
  ];
  return new TextEncoder().encode(`${lines.join('\r\n')}\r\n`);
}

const received = new Date('2024-05-27T02:00:00Z');

function inputs(withOlder: boolean): SubmissionInput[] {
  const list: SubmissionInput[] = [
    {
      path: '尧都区.csv',
      modified: received,
      data: csv('尧都区体育局', [
        ['尧都区体育中心', 'A1 健步走', '2024-06-01'],
        ['尧都区体育中心', 'A2 太极拳', '2024-06-02'],
        ['尧都区体育中心', `A3 乒乓球 ${blamePrevious}`, '2024-06-03'],
      ]),
    },
    {
      path: '侯马市.csv',
      modified: received,
      data: csv('侯马市体育局', [
        // Its rule error lands on the last row of the file before.
        ['侯马市体育中心', `B1 登山 ${blamePrevious}`, '2024-06-04'],
        ['侯马市体育中心', `B2 跳绳 ${tableCheck}`, '2024-06-05'],
        // Rejected by the table rule and blaming B2, which is rejected already: counted once.
        ['侯马市体育中心', `B3 毽球 ${tableCheck}${blamePrevious}`, '2024-06-06'],
        // The same activity as A1: a duplicate the rules never see.
        ['尧都区体育中心', 'A1 健步走', '2024-06-01'],
        ['侯马市体育中心', 'B5 广场舞', '2024-06-07'],
        // A warning on B5 keeps it in.
        ['侯马市体育中心', `B6 骑行 ${warnPrevious}`, '2024-06-08'],
      ]),
    },
  ];
  if (withOlder) {
    // An older file from 尧都区: with --replace its rows are superseded and no rule sees them.
    list.unshift({
      path: '尧都区（旧）.csv',
      modified: new Date('2024-05-20T02:00:00Z'),
      data: csv('尧都区体育局', [
        ['尧都区体育中心', `旧1 ${tableCheck}`, '2024-05-01'],
        ['尧都区体育中心', `旧2 ${blamePrevious}`, '2024-05-02'],
      ]),
    });
  }
  return list;
}

function sources(list: SubmissionInput[]) {
  return list.map((input) => ({
    path: input.path,
    ...(input.modified ? { modified: input.modified } : {}),
    load: async () => input.data,
  }));
}

const scratch = mkdtempSync(join(tmpdir(), 'jianshen-rule-rejections-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

async function both(options: AggregateOptions, withOlder: boolean): Promise<AggregateReport> {
  const campaign = await resolveCampaign({ ...linfen2024Campaign, plugins: [plugin] });
  const inMemory = await aggregate(inputs(withOlder), campaign, options);
  const streamed = await collectReport(
    await streamAggregate(sources(inputs(withOlder)), campaign, {
      ...options,
      store: createFileRowStore({ directory: scratch }),
    }),
  );
  expect(streamed).toEqual(inMemory);
  expect(readdirSync(scratch)).toEqual([]);
  return inMemory;
}

function ruleIssues(report: AggregateReport) {
  return report.issues
    .filter((issue) => issue.code.startsWith('previous-') || issue.code === 'table-says-no')
    .map((issue) => [issue.path, issue.row, issue.code, issue.severity]);
}

function countsAddUp(report: AggregateReport) {
  for (const file of report.files) {
    expect(file.rowsRead, file.path).toBe(
      file.rowsAccepted + file.rowsRejected + file.rowsDuplicate + file.rowsSuperseded,
    );
  }
  const { summary } = report;
  expect(summary.rowsRead).toBe(
    summary.rowsAccepted + summary.rowsRejected + summary.rowsDuplicate + summary.rowsSuperseded,
  );
  expect(summary.rowsAccepted).toBe(report.rows.length);
}

describe('rule errors at rows other than the one being checked', () => {
  it('reject the row they are at: an earlier row, a row in the file before, rows from a table handler', async () => {
    const report = await both({}, false);
    expect(report.rows.map((row) => row.name)).toEqual([
      'A1 健步走',
      `B1 登山 ${blamePrevious}`,
      'B5 广场舞',
      `B6 骑行 ${warnPrevious}`,
    ]);
    expect(report.rows.map((row) => row.seq)).toEqual([1, 2, 3, 4]);
    expect(
      report.files.map((file) => [
        file.path,
        file.rowsRead,
        file.rowsAccepted,
        file.rowsRejected,
        file.rowsDuplicate,
      ]),
    ).toEqual([
      ['尧都区.csv', 3, 1, 2, 0],
      ['侯马市.csv', 6, 3, 2, 1],
    ]);
    countsAddUp(report);
    expect(report.summary.rowsRejected).toBe(4);
    expect(ruleIssues(report)).toEqual([
      ['尧都区.csv', 5, 'previous-wrong', 'error'],
      ['尧都区.csv', 6, 'previous-wrong', 'error'],
      ['侯马市.csv', 5, 'previous-wrong', 'error'],
      ['侯马市.csv', 5, 'table-says-no', 'error'],
      ['侯马市.csv', 6, 'table-says-no', 'error'],
      ['侯马市.csv', 8, 'previous-odd', 'warning'],
    ]);
    // The summary counts the accepted rows only.
    expect(report.summary.byUnit.reduce((sum, group) => sum + group.rows, 0)).toBe(4);
  });

  it('with --replace: superseded rows are not checked, the rest is judged the same', async () => {
    const report = await both({ replace: true }, true);
    expect(
      report.files.map((file) => [
        file.path,
        file.rowsRead,
        file.rowsAccepted,
        file.rowsRejected,
        file.rowsDuplicate,
        file.rowsSuperseded,
      ]),
    ).toEqual([
      ['尧都区（旧）.csv', 2, 0, 0, 0, 2],
      ['尧都区.csv', 3, 1, 2, 0, 0],
      ['侯马市.csv', 6, 3, 2, 1, 0],
    ]);
    countsAddUp(report);
    expect(ruleIssues(report).filter(([path]) => path === '尧都区（旧）.csv')).toEqual([]);
    expect(report.rows.map((row) => row.name)).toEqual([
      'A1 健步走',
      `B1 登山 ${blamePrevious}`,
      'B5 广场舞',
      `B6 骑行 ${warnPrevious}`,
    ]);
  });
});
