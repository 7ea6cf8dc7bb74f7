import { readZipText, unpackZip } from '@jianshen/ooxml';
import { describe, expect, it } from 'vitest';
import { aggregate } from '../aggregate.js';
import { linfenCampaign } from '../fixtures.test-support.js';
import { linfenSubmissions } from '../linfen-submissions.test-support.js';
import { writeReturnOpinions } from './return-opinions.js';

async function opinions(lang: 'zh' | 'en' = 'zh') {
  const campaign = await linfenCampaign();
  const inputs = linfenSubmissions();
  const report = await aggregate(inputs, campaign, { lang });
  const load = async (path: string) => inputs.find((input) => input.path === path)?.data;
  return { report, zip: await writeReturnOpinions(report, campaign, { lang, load }), campaign };
}

/** The inline strings of one worksheet row, by column letter. */
function rowCells(sheetXml: string, row: number): Record<string, string> {
  const rowXml = new RegExp(`<row r="${row}"[^>]*>(.*?)</row>`).exec(sheetXml)?.[1] ?? '';
  const cells: Record<string, string> = {};
  for (const match of rowXml.matchAll(/<c r="([A-Z]+)\d+"[^>]*?(?:\/>|>(.*?)<\/c>)/g)) {
    const text =
      /<t[^>]*>([^<]*)<\/t>/.exec(match[2] ?? '')?.[1] ?? /<v>([^<]*)<\/v>/.exec(match[2] ?? '')?.[1];
    if (text !== undefined && match[1]) cells[match[1]] = text;
  }
  return cells;
}

describe('writeReturnOpinions', () => {
  it('zips one workbook per unit with errors, listing each error with the row as sent', async () => {
    const { report, zip } = await opinions();
    const entries = unpackZip(zip);
    // Names in UTF-8 (they read back as Chinese), one per county with errors.
    expect(Object.keys(entries).sort()).toEqual(
      ['侯马市退回意见.xlsx', '曲沃县退回意见.xlsx', '襄汾县退回意见.xlsx', '霍州市退回意见.xlsx'].sort(),
    );
    const workbook = entries['侯马市退回意见.xlsx'] ?? new Uint8Array();
    const sheet = readZipText(workbook, 'xl/worksheets/sheet1.xml') ?? '';
    expect(readZipText(workbook, 'xl/workbook.xml')).toContain('<sheet name="退回意见"');
    expect(rowCells(sheet, 1).A).toBe('侯马市：2024年全民健身志愿服务活动统计表退回意见');
    expect(rowCells(sheet, 2).A).toContain('共 1 处错误');
    const header = Object.values(rowCells(sheet, 3));
    expect(header.slice(0, 8)).toEqual(['文件', '工作表', '行', '列', '填写内容', '级别', '问题', '代码']);
    expect(header.slice(8)).toContain('举办时间');
    const error = report.issues.find((issue) => issue.path === '侯马市.xlsx' && issue.severity === 'error');
    const listed = rowCells(sheet, 4);
    expect(listed).toMatchObject({
      A: '侯马市.xlsx',
      B: 'Sheet1',
      C: '6',
      D: '举办时间',
      E: '2024年9月31日',
      G: error?.message,
      H: 'date-impossible',
    });
    // The row's own values follow, under the campaign's labels: 活动名称 and the bad date.
    expect(Object.values(listed)).toEqual(
      expect.arrayContaining(['汾河健步走', '2024年9月31日', '0357-4123456']),
    );
    expect(rowCells(sheet, 5)).toEqual({});
    expect(sheet).not.toMatch(/<f[ >]/);
  });

  it('gives the same bytes for the same input, and English names and text in English', async () => {
    const first = await opinions();
    const second = await opinions();
    expect(Buffer.from(first.zip).equals(Buffer.from(second.zip))).toBe(true);
    const english = unpackZip((await opinions('en')).zip);
    const name = Object.keys(english).find((key) => key.startsWith('曲沃县')) ?? '';
    expect(name).toBe('曲沃县 return opinion.xlsx');
    const sheet = readZipText(english[name] ?? new Uint8Array(), 'xl/worksheets/sheet1.xml') ?? '';
    expect(rowCells(sheet, 3).A).toBe('File');
    expect(rowCells(sheet, 2).A).toContain('Errors: 1.');
  });
});
