import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readZipText, unpackZip } from '@jianshen/ooxml';
import { describe, expect, it } from 'vitest';
import { elementContent } from '../../../ooxml/src/xml-snapshot.test-support.js';
import { aggregate } from '../aggregate.js';
import { fixture, linfenCampaign } from '../fixtures.test-support.js';
import { pluginCampaign } from '../plugin.test-support.js';
import type { AggregateReport, ReportRow } from '../report.js';
import { writeConsolidatedWorkbook, writeIssuesWorkbook } from './consolidated.js';
import { formatDateRange } from './format-values.js';
import { protectCsvCell, writeIssuesCsv } from './issues-csv.js';
import { maskPhone } from './mask-phone.js';

const hasSoffice = (() => {
  try {
    execFileSync('soffice', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    console.warn(
      'LibreOffice (soffice) not found: the test that opens the consolidated workbook in LibreOffice is skipped',
    );
    return false;
  }
})();

const batch = [
  'openpyxl-absolute-paths.xlsx',
  'libreoffice-merged.xlsx',
  'word-table.docx',
  'gbk.csv',
  'two-units.xlsx',
  'dates.xlsx',
  'modes-phones.xlsx',
  'word-binary.doc',
];

async function batchReport(): Promise<AggregateReport> {
  return aggregate(
    batch.map((name) => fixture(name, new Date('2024-05-27T02:00:00Z'))),
    await linfenCampaign(),
  );
}

function comparable(row: ReportRow) {
  const { seq: _seq, source: _source, ...rest } = row;
  return rest;
}

describe('consolidated workbook', () => {
  it('is byte-identical for the same input and carries no formula', async () => {
    const campaign = await linfenCampaign();
    const report = await batchReport();
    const first = await writeConsolidatedWorkbook(report, campaign);
    const second = await writeConsolidatedWorkbook(await batchReport(), campaign);
    expect(Buffer.from(first).equals(Buffer.from(second))).toBe(true);
    const parts = unpackZip(first);
    const sheets = Object.keys(parts).filter((name) => name.startsWith('xl/worksheets/'));
    expect(sheets).toHaveLength(6);
    for (const name of sheets) expect(readZipText(parts, name)).not.toMatch(/<f[ >]/);
    const workbook = readZipText(parts, 'xl/workbook.xml') ?? '';
    expect([...workbook.matchAll(/<sheet name="([^"]+)"/g)].map((match) => match[1])).toEqual([
      '汇总表',
      '按单位',
      '按举办方式',
      '按月份',
      '考核',
      '问题清单',
    ]);
    await expect(
      elementContent(readZipText(parts, 'xl/worksheets/sheet1.xml') ?? '', 'worksheet'),
    ).toMatchFileSnapshot('__snapshots__/consolidated-sheet1.xml');
    await expect(
      elementContent(readZipText(parts, 'xl/worksheets/sheet2.xml') ?? '', 'worksheet'),
    ).toMatchFileSnapshot('__snapshots__/consolidated-by-unit.xml');
  });

  it('lays out the campaign table: title, unit line, labels, renumbered rows, 来源单位', async () => {
    const campaign = await linfenCampaign();
    const report = await batchReport();
    const sheet =
      readZipText(await writeConsolidatedWorkbook(report, campaign), 'xl/worksheets/sheet1.xml') ?? '';
    expect(sheet).toContain(campaign.tableTitle);
    expect(sheet).toContain('单位名称（盖章）：临汾市体育局');
    expect(sheet).toContain('<t>来源单位</t>');
    expect(sheet).toContain(`<c r="A4" s="4"><v>1</v></c>`);
    expect(sheet).toContain(`<c r="A${3 + report.rows.length}" s="4"><v>${report.rows.length}</v></c>`);
    expect(sheet).toContain('2024年7月15日至7月19日');
  });

  it('reads back to the same rows (closure: the city’s workbook at province level)', async () => {
    const campaign = await linfenCampaign();
    const report = await batchReport();
    const bytes = await writeConsolidatedWorkbook(report, campaign);
    const again = await aggregate([{ path: 'city.xlsx', data: bytes }], campaign);
    expect(again.files[0]).toMatchObject({
      status: 'ok',
      unit: '临汾市体育局',
      rowsRead: report.rows.length,
    });
    expect(again.rows.map(comparable)).toEqual(report.rows.map(comparable));
    expect(again.issues.filter((issue) => issue.path === 'city.xlsx' && issue.severity === 'error')).toEqual(
      [],
    );
  });

  it('adds a sheet per plugin dimension with its totals, and reads plugin columns back', async () => {
    const campaign = await pluginCampaign();
    const csv = [
      '单位名称（盖章）：古县体育局',
      '序号,举办单位,活动名称,活动简介,参与人数,举办方式,举办时间,联系人,联系方式,备注',
      '1,古县体育中心,健步走,,120,线下,2024年6月9日,黄蕾,13712345678,',
      '2,古县体育中心,讲座,,35,线上,2024年6月19日,黄蕾,13712345678,',
      '3,古县体育中心,马拉松,,20000,线下,2024年7月9日,黄蕾,13712345678,',
      '4,古县体育中心,登山,,约一百,线下,2024年7月19日,黄蕾,13712345678,',
    ].join('\n');
    const report = await aggregate([{ path: '古县.csv', data: new TextEncoder().encode(csv) }], campaign);
    expect(report.rows.map((row) => row.participants)).toEqual([120, 35]);
    expect(report.issues.map((issue) => [issue.row, issue.field, issue.code])).toEqual(
      expect.arrayContaining([
        [5, 'participants', 'too-many'],
        [6, 'participants', 'value-invalid'],
      ]),
    );
    expect(report.summary).toMatchObject({
      rowsRead: 4,
      rowsAccepted: 2,
      rowsRejected: 2,
      totals: { participants: 155, volunteers: 0 },
    });
    expect(report.summary.dimensions).toEqual([
      {
        id: 'size',
        label: '活动规模',
        plugin: 'test-participation',
        groups: [
          { group: '百人以下', rows: 1, totals: { participants: 35, volunteers: 0 } },
          { group: '百人以上', rows: 1, totals: { participants: 120, volunteers: 0 } },
        ],
      },
    ]);
    const bytes = await writeConsolidatedWorkbook(report, campaign);
    const parts = unpackZip(bytes);
    expect(readZipText(parts, 'xl/workbook.xml')).toContain('<sheet name="按活动规模"');
    const dimension = readZipText(parts, 'xl/worksheets/sheet5.xml') ?? '';
    expect(dimension).toContain('百人以上');
    expect(dimension).toContain('<v>155</v>');
    const again = await aggregate([{ path: 'city.xlsx', data: bytes }], campaign);
    expect(again.rows.map(comparable)).toEqual(report.rows.map(comparable));
    // Only the statistics table is read back: summary sheets with plugin totals are not tables.
    expect(again.files[0]?.tables).toBe(1);
    expect(again.issues.filter((issue) => issue.path === 'city.xlsx')).toEqual([]);
  });

  it.skipIf(!hasSoffice)('opens in LibreOffice with the rows and summaries in place', async () => {
    const campaign = await linfenCampaign();
    const report = await batchReport();
    const directory = mkdtempSync(join(tmpdir(), 'jianshen-consolidated-'));
    const path = join(directory, 'city.xlsx');
    writeFileSync(path, await writeConsolidatedWorkbook(report, campaign));
    const utf8Csv = 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true';
    execFileSync(
      'soffice',
      ['--headless', '--norestore', '--convert-to', utf8Csv, '--outdir', directory, path],
      {
        stdio: 'ignore',
        timeout: 120_000,
      },
    );
    const csv = readFileSync(join(directory, 'city.csv'), 'utf8');
    expect(csv).toContain('社会体育指导员进社区');
    expect(csv).toContain('2024年7月15日至7月19日');
    // Single days are date cells shown with the attachment's format.
    expect(csv).toContain('2024年6月15日');
    expect(csv.split('\n').filter((line) => /^\d+,/.test(line))).toHaveLength(report.rows.length);
  });
});

describe('issues outputs', () => {
  it('protects CSV cells against formula injection and opens in Excel as UTF-8', async () => {
    expect(['=1+2', '+86', '-801', '@SUM(A1)', '\tx', 'ok'].map(protectCsvCell)).toEqual([
      "'=1+2",
      "'+86",
      "'-801",
      "'@SUM(A1)",
      "'\tx",
      'ok',
    ]);
    const csv = [
      '单位名称（盖章）：古县体育局',
      '序号,举办单位,活动名称,举办方式,举办时间,联系人,联系方式',
      '1,古县体育中心,"=HYPERLINK(""http://evil"")",线下,2024年6月9日,黄蕾,=1+2',
    ].join('\n');
    const report = await aggregate(
      [{ path: 'evil.csv', data: new TextEncoder().encode(csv) }],
      await linfenCampaign(),
    );
    const text = writeIssuesCsv(report, { campaign: await linfenCampaign() });
    expect(text.startsWith('\uFEFF文件,工作表,行,列,填写内容,级别,问题,代码\r\n')).toBe(true);
    expect(text).toContain("evil.csv,evil,3,联系方式,'=1+2,错误,");
    expect(text).not.toMatch(/,=/);
  });

  it('writes the issues workbook a clerk can work through, in English on request', async () => {
    const campaign = await linfenCampaign();
    const report = await aggregate([fixture('modes-phones.xlsx')], campaign, { lang: 'en' });
    const sheet =
      readZipText(await writeIssuesWorkbook(report, campaign, { lang: 'en' }), 'xl/worksheets/sheet1.xml') ??
      '';
    expect(sheet).toContain('Value as typed');
    expect(sheet).toContain('举办方式（线上、线下）');
    expect(sheet).toContain('电视');
  });

  it('masks phones on request', () => {
    expect(['13912345678', '0357-1234567', '0357-1234567转801'].map(maskPhone)).toEqual([
      '139****5678',
      '0357-***4567',
      '0357-***4567转801',
    ]);
  });

  it('writes date ranges the way the attachment does', () => {
    expect(formatDateRange('2024-06-15', '2024-06-15')).toBe('2024年6月15日');
    expect(formatDateRange('2024-07-15', '2024-07-19')).toBe('2024年7月15日至7月19日');
    expect(formatDateRange('2024-10-01', '2024-10-31')).toBe('2024年10月');
    expect(formatDateRange('2024-12-30', '2025-01-02')).toBe('2024年12月30日至2025年1月2日');
  });
});
