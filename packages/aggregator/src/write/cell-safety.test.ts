import { cellMaxCharacters, fitCell, readZipText } from '@jianshen/ooxml';
import { phrase, renderPhrase } from '@jianshen/schema';
import { describe, expect, it } from 'vitest';
import { aggregate } from '../aggregate.js';
import { linfenCampaign } from '../fixtures.test-support.js';
import { csvHead } from '../hostile/submission.js';
import { writeConsolidatedWorkbook, writeIssuesWorkbook } from './consolidated.js';
import { writeIssuesCsv } from './issues-csv.js';
import { outputFileNames, safeFileName } from './output-names.js';
import { writeReportJsonTo } from './report-json.js';

const encoder = new TextEncoder();

/** A county's CSV with the given activity rows (cells already separated by commas). */
function csv(...rows: string[]): Uint8Array {
  return encoder.encode([...csvHead('翼城县体育局'), ...rows].join('\n'));
}

function sheetText(bytes: Uint8Array): string {
  return readZipText(bytes, 'xl/worksheets/sheet1.xml') ?? '';
}

describe('output file names', () => {
  it('fit in 255 bytes however long the table title, deterministically and distinctly', () => {
    const long = `临汾市${'全民健身志愿服务活动'.repeat(40)}统计表`;
    const campaign = { tableTitle: long };
    const { workbook } = outputFileNames(campaign, 'zh');
    expect(encoder.encode(workbook).length).toBeLessThanOrEqual(255);
    expect(workbook).toMatch(/^临汾市全民健身.*~[0-9a-z]+（汇总）\.xlsx$/);
    expect(outputFileNames(campaign, 'zh').workbook).toBe(workbook);
    expect(outputFileNames({ tableTitle: `${long}（二）` }, 'zh').workbook).not.toBe(workbook);
    // A short title is kept as it is.
    expect(safeFileName('2024年全民健身志愿服务活动统计表')).toBe('2024年全民健身志愿服务活动统计表');
  });

  it('drop bidi controls, which could make 「xlsx.exe」 look like 「exe.xlsx」', () => {
    expect(safeFileName('统计表\u202Exslx.exe')).toBe('统计表xslx.exe');
  });
});

describe('output cells', () => {
  it('are cut to Excel’s 32,767 characters with a marker, never splitting a character', () => {
    const marker = renderPhrase(phrase('cell-truncated-marker'), 'zh');
    const cut = fitCell('健'.repeat(40_000), marker);
    expect(cut).toHaveLength(cellMaxCharacters);
    expect(cut.endsWith(marker)).toBe(true);
    const emoji = fitCell('😀'.repeat(20_000), marker);
    expect(emoji.length).toBeLessThanOrEqual(cellMaxCharacters);
    expect(emoji.slice(0, -marker.length)).not.toMatch(/[\uD800-\uDBFF]$/);
  });

  it('of a county’s 32,767-character cell stay within the limit in every workbook and the CSV', async () => {
    const campaign = await linfenCampaign();
    const date = '6'.repeat(32_767);
    const report = await aggregate(
      [{ path: 'long.csv', data: csv(`1,翼城县体育中心,乒乓球培训,简介,线下,${date},郑雪,13912345678,`) }],
      campaign,
    );
    // The row is rejected (no such date) and its issue's message quotes the whole cell.
    expect(report.issues.some((issue) => issue.message.length > cellMaxCharacters)).toBe(true);
    for (const bytes of [
      await writeIssuesWorkbook(report, campaign),
      await writeConsolidatedWorkbook(report, campaign),
    ]) {
      for (const [, text] of sheetText(bytes).matchAll(/<t(?: xml:space="preserve")?>([^<]*)<\/t>/g)) {
        expect((text ?? '').length).toBeLessThanOrEqual(cellMaxCharacters);
      }
    }
    const csvText = writeIssuesCsv(report, { campaign });
    expect(csvText).toContain(renderPhrase(phrase('cell-truncated-marker'), 'zh'));
    for (const line of csvText.split('\r\n'))
      for (const field of line.split(',')) expect(field.length).toBeLessThanOrEqual(cellMaxCharacters + 2);
  });
});

describe('hostile text in outputs', () => {
  it('neutralises full-width ＝＋－＠ at a CSV cell start like their ASCII forms', async () => {
    const campaign = await linfenCampaign();
    const report = await aggregate(
      [
        {
          path: 'formula.csv',
          data: csv(
            '1,＝HYPERLINK("http://x"),活动一,简介,线下,2024-06-01,郑雪,电话＠,',
            '2,翼城县体育中心,＋1＋2,简介,天上,2024-06-01,郑雪,13912345678,',
            '3,翼城县体育中心,活动三,简介,－1,2024-06-01,郑雪,13912345678,',
          ),
        },
      ],
      campaign,
    );
    const text = writeIssuesCsv(report, { campaign });
    for (const field of text.split(/[,\r\n]+/).map((cell) => cell.replace(/^"/, ''))) {
      expect(field).not.toMatch(/^[=+\-@＝＋－＠]/);
    }
    expect(text).toMatch(/'－1|'＋1/);
  });

  it('drops bidi controls from the workbooks and the CSV, and escapes them in report.json', async () => {
    const campaign = await linfenCampaign();
    const report = await aggregate(
      [
        {
          path: 'bidi.csv',
          data: csv(
            '1,翼城县体育中心,乒乓球\u202Egpj.exe培训,简介,线下,2024-06-01,郑雪,13912345678,',
            '2,翼城县体育中心,太极\u2067拳,简介,天上,2024-06-01,郑雪,13912345678,',
          ),
        },
      ],
      campaign,
    );
    const bidi = /[\u202A-\u202E\u2066-\u2069]/;
    expect(sheetText(await writeConsolidatedWorkbook(report, campaign))).not.toMatch(bidi);
    expect(sheetText(await writeConsolidatedWorkbook(report, campaign))).toContain('乒乓球gpj.exe培训');
    expect(sheetText(await writeIssuesWorkbook(report, campaign))).not.toMatch(bidi);
    expect(writeIssuesCsv(report, { campaign })).not.toMatch(bidi);
    const chunks: Uint8Array[] = [];
    await writeReportJsonTo(report, (chunk) => chunks.push(chunk));
    const json = Buffer.concat(chunks).toString('utf8');
    expect(json).not.toMatch(bidi);
    expect(json).toContain('\\u202e');
    // The data itself is kept: parsed back, the cell is as the county wrote it.
    expect(JSON.parse(json).rows[0].name).toBe('乒乓球\u202Egpj.exe培训');
  });
});
