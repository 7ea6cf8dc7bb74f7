#!/usr/bin/env node
// 嵌入汇总器的最小示例：另一个工具读取一个文件夹的报送，打印各文件和各单位的情况。
// Embedding the aggregator in another tool: read a folder of submissions and print a table.
//
//   node print-table.mjs [folder] [--campaign campaign.yaml|campaign.ts] [--submitted-on YYYY-MM-DD] [--lang en]
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { aggregateFiles } from '@jianshen/aggregator/node';
import { loadCampaign } from '@jianshen/plugin-kit/node';
import { textTable } from './text-table.mjs';

const args = process.argv.slice(2);
const option = (name) => {
  const index = args.indexOf(name);
  return index >= 0 ? args.splice(index, 2)[1] : undefined;
};
const campaignFile = option('--campaign');
const lang = option('--lang') === 'en' ? 'en' : 'zh';
const submittedOn = option('--submitted-on');
const here = dirname(fileURLToPath(import.meta.url));
const folder = args[0] ?? join(here, '..', 'linfen-2024', 'submissions');
const zh = lang === 'zh';

// 1. The campaign: a file (plugins load relative to it) or the built-in Linfen 2024 one.
const campaign = await loadCampaign(campaignFile, { lang });
// 2. Read, validate and merge; nothing is written. A broken file is an issue, not an exception.
const report = await aggregateFiles([folder], campaign, { lang, ...(submittedOn ? { submittedOn } : {}) });

// 3. Print what another tool would show: one line per file, then per unit with the plugin totals.
const counts = new Map();
for (const issue of report.issues) {
  const count = counts.get(issue.path) ?? { errors: 0, warnings: 0 };
  count[issue.severity === 'error' ? 'errors' : 'warnings']++;
  counts.set(issue.path, count);
}
const status = {
  ok: zh ? '已读取' : 'read',
  failed: zh ? '无法读取' : 'failed',
  unsupported: zh ? '不支持' : 'unsupported',
};
console.log(`${campaign.title}\n`);
console.log(
  textTable(
    zh
      ? ['文件', '单位', '状态', '读取', '有效', '退回', '错误', '警告']
      : ['File', 'Unit', 'Status', 'Read', 'Accepted', 'Rejected', 'Errors', 'Warnings'],
    [
      ...report.files.map((file) => [
        basename(file.path),
        file.unit,
        status[file.status] ?? file.status,
        file.rowsRead,
        file.rowsAccepted,
        file.rowsRejected,
        counts.get(file.path)?.errors ?? 0,
        counts.get(file.path)?.warnings ?? 0,
      ]),
      [
        zh ? '合计' : 'Total',
        '',
        '',
        report.summary.rowsRead,
        report.summary.rowsAccepted,
        report.summary.rowsRejected,
        report.summary.errors,
        report.summary.warnings,
      ],
    ],
  ),
);

const totalKeys = Object.keys(report.summary.totals);
console.log('');
console.log(
  textTable(
    [
      zh ? '单位' : 'Unit',
      zh ? '活动数' : 'Activities',
      ...totalKeys.map((key) => report.summary.totalLabels[key] ?? key),
    ],
    report.summary.byUnit.map((unit) => [
      unit.unit,
      unit.rows,
      ...totalKeys.map((key) => unit.totals[key] ?? 0),
    ]),
  ),
);
if (report.summary.missingUnits.length > 0) {
  console.log(
    `\n${zh ? '未报送：' : 'Not submitted: '}${report.summary.missingUnits.join(zh ? '、' : ', ')}`,
  );
}
