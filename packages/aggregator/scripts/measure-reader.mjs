#!/usr/bin/env node
// Measures the xlsx reader against exceljs's streaming WorkbookReader on the same files: wall
// time and peak RSS, each run in a fresh process. Used for the README's reader choice; the
// speed targets themselves live in `npm run bench` (repository root).
//   node packages/aggregator/scripts/measure-reader.mjs            (after npm run build)
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const [, , mode, file] = process.argv;

async function measure(run) {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 5);
  const started = performance.now();
  const cells = await run();
  const ms = performance.now() - started;
  clearInterval(timer);
  peak = Math.max(peak, process.memoryUsage().rss);
  console.log(JSON.stringify({ ms: Math.round(ms), peakRssMb: Math.round(peak / 2 ** 20), cells }));
}

if (mode === 'own') {
  const { readSubmission, resolveLimits } = await import('../dist/index.js');
  await measure(async () => {
    const outcome = await readSubmission(new Uint8Array(readFileSync(file)), file, resolveLimits());
    if (!outcome.ok) throw new Error(outcome.code);
    return outcome.workbook.sheets.reduce(
      (sum, sheet) =>
        sum + sheet.rows.reduce((n, row) => n + row.cells.filter((c) => c !== undefined).length, 0),
      0,
    );
  });
} else if (mode === 'exceljs') {
  const { default: ExcelJS } = await import('exceljs');
  await measure(async () => {
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, {
      sharedStrings: 'cache',
      styles: 'cache',
      worksheets: 'emit',
      hyperlinks: 'ignore',
    });
    let cells = 0;
    for await (const sheet of reader) {
      for await (const row of sheet) {
        row.eachCell(() => {
          cells++;
        });
      }
    }
    return cells;
  });
} else {
  // Driver: write test workbooks with exceljs's streaming writer, then measure both readers.
  const { default: ExcelJS } = await import('exceljs');
  const directory = mkdtempSync(join(tmpdir(), 'jianshen-measure-'));
  const self = fileURLToPath(import.meta.url);
  const results = [];
  for (const rows of [2_000, 50_000]) {
    const path = join(directory, `rows-${rows}.xlsx`);
    const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: true });
    const sheet = writer.addWorksheet('统计表');
    sheet.addRow(['2024年全民健身志愿服务活动统计表']).commit();
    sheet.addRow(['单位名称（盖章）：尧都区体育局']).commit();
    sheet
      .addRow([
        '序号',
        '举办单位',
        '活动名称',
        '活动简介',
        '举办方式（线上、线下）',
        '举办时间',
        '联系人',
        '联系方式',
        '备注',
      ])
      .commit();
    for (let index = 1; index <= rows; index++) {
      sheet
        .addRow([
          index,
          `尧都区第${index % 40}体育协会`,
          `社区健身活动${index}`,
          '太极拳教学和科学健身讲座，约 80 人参加',
          index % 3 ? '线下' : '线上',
          new Date(Date.UTC(2024, 5 + (index % 5), 1 + (index % 28))),
          '王明',
          `139${String(index).padStart(8, '0')}`,
          '',
        ])
        .commit();
    }
    await writer.commit();
    for (const reader of ['own', 'exceljs']) {
      const output = execFileSync(process.execPath, [self, reader, path], { encoding: 'utf8' });
      results.push({ rows, reader, ...JSON.parse(output) });
    }
  }
  console.table(results);
}
