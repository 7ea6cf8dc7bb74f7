import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cellMaxCharacters, readZipText } from '@jianshen/ooxml';
import { definePlugin, resolveCampaign } from '@jianshen/plugin-kit';
import { linfen2024Campaign } from '@jianshen/schema';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { ReportIssue } from '../report.js';
import { aggregateFiles, writeAggregateOutputs } from './index.js';

/** A plugin column whose value grows past what a cell may hold: a transform that adds text. */
const stamped = definePlugin({
  name: 'test-stamped',
  fields: [{ key: 'remark', label: '核查意见', schema: z.string().transform((text) => `${text}（已核）`) }],
});

function countyCsv(directory: string, { longDate = true } = {}): string {
  const path = join(directory, 'county.csv');
  const lines = [
    '2024年全民健身志愿服务活动统计表',
    '单位名称（盖章）：翼城县体育局',
    '序号,举办单位,活动名称,活动简介,举办方式（线上、线下）,举办时间,联系人,联系方式,核查意见,备注',
    // Row 4: a good row whose plugin value becomes 32,771 characters.
    `1,翼城县体育中心,健步走,简介,线下,2024-06-01,郑雪,13912345671,${'核'.repeat(cellMaxCharacters)},`,
    // Row 5: a date of 32,767 characters: the issue's message quotes it whole.
    `2,翼城县体育中心,广场舞,简介,线下,${longDate ? '6'.repeat(cellMaxCharacters) : '2024年7月'},郑雪,13912345672,好,`,
  ];
  writeFileSync(path, lines.join('\n'));
  return path;
}

const cut = (issues: readonly ReportIssue[]) => issues.filter((issue) => issue.code === 'cell-truncated');

describe('a cell an output cuts to Excel’s limit', () => {
  it('is said once per output and cell, with its length; report.json lists every cut', async () => {
    const root = mkdtempSync(join(tmpdir(), 'jianshen-cut-'));
    const campaign = await resolveCampaign({ ...linfen2024Campaign, plugins: [stamped] });
    const report = await aggregateFiles([countyCsv(root)], campaign, { cwd: root });
    const before = { issues: report.issues.length, warnings: report.summary.warnings };
    await writeAggregateOutputs(report, campaign, join(root, 'out'));
    const workbook = '2024年全民健身志愿服务活动统计表（汇总）.xlsx';
    const where = cut(report.issues).map((issue) => [issue.path, issue.row, issue.field]);
    // The plugin cell in the table, the long message in the workbook's issues sheet, then the same
    // message in 问题清单.xlsx and 问题清单.csv.
    expect(where).toEqual([
      [workbook, 4, expect.any(String)],
      [workbook, expect.any(Number), 'G'],
      ['问题清单.xlsx', expect.any(Number), 'G'],
      ['问题清单.csv', expect.any(Number), 'G'],
    ]);
    expect(report.issues.length).toBe(before.issues + 4);
    expect(report.summary.warnings).toBe(before.warnings + 4);
    const first = cut(report.issues)[0];
    expect(first).toMatchObject({ severity: 'warning', sheet: expect.any(String) });
    // The issue's column and the cell it names are the same column (one 0-based convention).
    expect(first?.message).toContain(`单元格 ${first?.field}4 `);
    expect(first?.message).toMatch(
      new RegExp(
        `^${workbook.replace(/[()（）.]/g, '.')} 的单元格 [A-Z]+4 有 32771 个字符，超过 Excel 单元格上限 32767 个字符，已截断`,
      ),
    );
    // report.json, written last, has them all; each issues list has the cuts made before it.
    const json = JSON.parse(readFileSync(join(root, 'out', 'report.json'), 'utf8'));
    expect(cut(json.issues)).toHaveLength(4);
    expect(json.summary.warnings).toBe(report.summary.warnings);
    const csv = readFileSync(join(root, 'out', '问题清单.csv'), 'utf8');
    expect(csv.match(/cell-truncated/g)).toHaveLength(3);
    const issuesSheet = readZipText(
      readFileSync(join(root, 'out', '问题清单.xlsx')),
      'xl/worksheets/sheet1.xml',
    );
    expect(issuesSheet?.match(/cell-truncated/g)).toHaveLength(2);
    // The table's cell itself is cut with the marker.
    const table = readZipText(readFileSync(join(root, 'out', workbook)), 'xl/worksheets/sheet1.xml') ?? '';
    expect(table).toContain('…〔超出单元格上限，已截断〕');
  });

  it('is listed in 问题清单.xlsx when only the table was cut (its issue sheet is not copied)', async () => {
    const root = mkdtempSync(join(tmpdir(), 'jianshen-cut-'));
    const campaign = await resolveCampaign({ ...linfen2024Campaign, plugins: [stamped] });
    const report = await aggregateFiles([countyCsv(root, { longDate: false })], campaign, { cwd: root });
    await writeAggregateOutputs(report, campaign, join(root, 'out'));
    expect(cut(report.issues).map((issue) => issue.row)).toEqual([4]);
    const workbook = readFileSync(join(root, 'out', '2024年全民健身志愿服务活动统计表（汇总）.xlsx'));
    const issues = readFileSync(join(root, 'out', '问题清单.xlsx'));
    const sheetNames = (readZipText(workbook, 'xl/workbook.xml') ?? '').match(/<sheet /g) ?? [];
    const workbookIssues = readZipText(workbook, `xl/worksheets/sheet${sheetNames.length}.xml`);
    const issuesSheet = readZipText(issues, 'xl/worksheets/sheet1.xml');
    expect(workbookIssues).not.toContain('cell-truncated');
    expect(issuesSheet?.match(/cell-truncated/g)).toHaveLength(1);
  });
});
