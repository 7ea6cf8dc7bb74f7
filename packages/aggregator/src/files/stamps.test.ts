import { readFileSync } from 'node:fs';
import { resolveCampaign } from '@jianshen/plugin-kit';
import { linfen2024Campaign } from '@jianshen/schema';
import { describe, expect, it } from 'vitest';
import { aggregate } from '../aggregate.js';
import { fixture, linfenCampaign } from '../fixtures.test-support.js';
import { resolveLimits } from '../limits.js';
import { readSubmission } from '../read/read-submission.js';
import type { SubmissionInput } from '../report.js';
import { unitStatuses } from '../units/unit-status.js';
import { writeConsolidatedWorkbook } from '../write/consolidated.js';
import { folderIgnoredReason, ignoredReasonOfName, stampFormatOf } from './file-kinds.js';
import { pdfFirstPagesText } from './pdf-text.js';
import { stampUnitFromPath, unitFromPdfText } from './stamp-unit.js';

/** The stamped-copy fixtures: made by LibreOffice and pdftoppm from the filled template (make-stamps.py). */
function stampBytes(name: string): Uint8Array {
  return new Uint8Array(readFileSync(new URL(`./__fixtures__/${name}`, import.meta.url)));
}

const received = new Date('2024-05-27T02:00:00Z');

function inFolder(path: string, data: Uint8Array): SubmissionInput {
  return { path, data, modified: received, fromFolder: true };
}

/** A county folder as a clerk sends it: data, stamped copies and the litter beside them. */
function countyFolder(): SubmissionInput[] {
  const pdf = stampBytes('吉县-盖章件.pdf');
  return [
    inFolder('临汾/.DS_Store', new Uint8Array([0, 0, 0, 1, 66, 117, 100, 49])),
    inFolder('临汾/IMG_20240527_093000.jpg', stampBytes('scan.jpg')),
    inFolder('临汾/Thumbs.db', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0])),
    inFolder('临汾/~$尧都区.xlsx', new Uint8Array([1, 2, 3])),
    inFolder('临汾/吉县.pdf', pdf),
    inFolder('临汾/大宁县盖章表.png', stampBytes('scan.png')),
    inFolder('临汾/尧都区.xlsx', fixture('openpyxl-absolute-paths.xlsx').data),
    inFolder('临汾/尧都区-盖章.tif', stampBytes('scan.tif')),
    inFolder('临汾/扫描全能王 2024-05-27.pdf', pdf),
    inFolder('临汾/曲沃县.csv', fixture('gbk.csv').data),
    inFolder('临汾/说明.txt~', new Uint8Array([0x61])),
  ];
}

describe('what a file in a folder is taken for', () => {
  it('ignores lock, system, hidden and temporary files by name, each with its reason', () => {
    expect(
      ['~$尧都区.xlsx', '.~lock.尧都区.xlsx#', 'Thumbs.db', '.DS_Store', 'desktop.ini', '._吉县.pdf'].map(
        ignoredReasonOfName,
      ),
    ).toEqual(['lock-file', 'lock-file', 'system-file', 'system-file', 'system-file', 'system-file']);
    expect(['.hidden.xlsx', '吉县.xlsx~', '吉县.tmp', '吉县.xlsx'].map(ignoredReasonOfName)).toEqual([
      'hidden-file',
      'temporary-file',
      'temporary-file',
      undefined,
    ]);
    expect(
      ['make.py', '吉县.zip', '吉县.pdf', '吉县.HEIC', '吉县.et', 'README'].map(folderIgnoredReason),
    ).toEqual(['other-type', 'other-type', undefined, undefined, undefined, undefined]);
  });

  it('detects stamped copies by content: LibreOffice PDF, pdftoppm JPEG, PNG and TIFF, libheif HEIC', () => {
    expect(stampFormatOf(stampBytes('吉县-盖章件.pdf'))).toBe('pdf');
    expect(stampFormatOf(stampBytes('scan.jpg'))).toBe('jpeg');
    expect(stampFormatOf(stampBytes('scan.png'))).toBe('png');
    expect(stampFormatOf(stampBytes('scan.tif'))).toBe('tiff');
    // An iPhone photo's container: HEVC in HEIF (ISO/IEC 23008-12), written by libheif's heif-enc
    // with the x265 encoder; its ftyp box says 'heic' with 'mif1' compatible, as an iPhone's does.
    expect(stampFormatOf(stampBytes('scan.heic'))).toBe('heic');
    expect(stampFormatOf(fixture('gbk.csv').data)).toBeUndefined();
    expect(stampFormatOf(fixture('openpyxl-absolute-paths.xlsx').data)).toBeUndefined();
  });

  it('finds the unit in the name, a folder name, or the PDF’s 单位名称 line', async () => {
    const units = linfen2024Campaign.expectedUnits;
    expect(stampUnitFromPath('报送/吉县盖章件.pdf', units)).toEqual({ unit: '吉县', source: 'file-name' });
    expect(stampUnitFromPath('报送/乡宁县/扫描件.jpg', units)).toEqual({
      unit: '乡宁县',
      source: 'folder-name',
    });
    expect(stampUnitFromPath('IMG_20240527_093000.jpg', units)).toBeUndefined();
    const text = await pdfFirstPagesText(stampBytes('吉县-盖章件.pdf'));
    expect(text).toContain('单位名称（盖章）：吉县');
    expect(unitFromPdfText(text ?? '', units)).toBe('吉县');
    expect(unitFromPdfText(text ?? '', [])).toMatch(/^吉县文化和旅游/);
    expect(await pdfFirstPagesText(new TextEncoder().encode('%PDF-1.4 broken'))).toBeUndefined();
  });
});

describe('a county folder with data, stamped copies and stray files', () => {
  it('takes an iPhone photo (HEIC) of the stamped page as the unit’s stamped copy', async () => {
    const report = await aggregate(
      [inFolder('临汾/乡宁县 IMG_0421.HEIC', stampBytes('scan.heic'))],
      await linfenCampaign(),
    );
    expect(report.files.map((file) => [file.status, file.format, file.unit])).toEqual([
      ['stamp', 'heic', '乡宁县'],
    ]);
    expect(report.summary.missingUnits).not.toContain('乡宁县');
  });

  it('lists every file with its status and unit', async () => {
    const report = await aggregate(countyFolder(), await linfenCampaign());
    expect(
      report.files.map((file) => [file.path, file.status, file.format, file.unit, file.ignoredReason]),
    ).toEqual([
      ['临汾/.DS_Store', 'ignored', 'unknown', '', 'system-file'],
      ['临汾/IMG_20240527_093000.jpg', 'stamp', 'jpeg', '', undefined],
      ['临汾/Thumbs.db', 'ignored', 'unknown', '', 'system-file'],
      ['临汾/~$尧都区.xlsx', 'ignored', 'unknown', '', 'lock-file'],
      ['临汾/吉县.pdf', 'stamp', 'pdf', '吉县', undefined],
      ['临汾/大宁县盖章表.png', 'stamp', 'png', '大宁县', undefined],
      ['临汾/尧都区.xlsx', 'ok', 'xlsx', '尧都区体育局', undefined],
      ['临汾/尧都区-盖章.tif', 'stamp', 'tiff', '尧都区', undefined],
      ['临汾/扫描全能王 2024-05-27.pdf', 'stamp', 'pdf', '吉县', undefined],
      ['临汾/曲沃县.csv', 'ok', 'csv', '曲沃县文化旅游局', undefined],
      ['临汾/说明.txt~', 'ignored', 'unknown', '', 'temporary-file'],
    ]);
    expect(report.files.find((file) => file.path.endsWith('扫描全能王 2024-05-27.pdf'))?.unitSource).toBe(
      'pdf-text',
    );
    expect(report.files.find((file) => file.path.endsWith('~$尧都区.xlsx'))?.note).toBe(
      '已忽略：Office/WPS 打开文件时生成的锁定文件',
    );
    expect(report.summary).toMatchObject({ files: 11, filesOk: 2, filesStamp: 5, filesIgnored: 4 });
  });

  it('tells the clerk to ask for the spreadsheet, and reports no unit with a stamped copy as 未报送', async () => {
    const campaign = await linfenCampaign();
    const report = await aggregate(countyFolder(), campaign);
    const issue = (code: string) =>
      report.issues.filter((found) => found.code === code).map((found) => [found.path, found.message]);
    expect(issue('stamp-without-data')).toEqual([
      ['临汾/吉县.pdf', '吉县 已报送盖章件，但未报送数据文件：请联系该单位报送电子表格（.xlsx）'],
      ['临汾/大宁县盖章表.png', '大宁县 已报送盖章件，但未报送数据文件：请联系该单位报送电子表格（.xlsx）'],
    ]);
    expect(issue('stamp-unit-unknown').map(([path]) => path)).toEqual(['临汾/IMG_20240527_093000.jpg']);
    expect(report.summary.stampOnlyUnits).toEqual(['吉县', '大宁县']);
    expect(report.summary.missingUnits).not.toContain('吉县');
    expect(report.summary.missingUnits).not.toContain('大宁县');
    expect(report.summary.missingUnits).toContain('乡宁县');
    expect(report.summary.stamps.find((entry) => entry.unit === '吉县')?.files).toEqual([
      '临汾/吉县.pdf',
      '临汾/扫描全能王 2024-05-27.pdf',
    ]);
    expect(report.summary.stamps.find((entry) => entry.unit === '曲沃县')?.files).toEqual([]);
    const statuses = unitStatuses(report, campaign);
    const of = (unit: string) => statuses.find((status) => status.unit === unit);
    expect(of('吉县')).toMatchObject({
      status: 'stamp-only',
      files: [],
      stamps: ['临汾/吉县.pdf', '临汾/扫描全能王 2024-05-27.pdf'],
    });
    expect(of('尧都区')).toMatchObject({
      status: 'submitted',
      files: ['临汾/尧都区.xlsx'],
      stamps: ['临汾/尧都区-盖章.tif'],
    });
    expect(of('乡宁县')).toMatchObject({ status: 'missing', stamps: [] });
    // A stray file is no unit of its own.
    expect(statuses.map((status) => status.unit)).not.toContain('IMG_20240527_093000');
    expect(statuses.map((status) => status.unit)).not.toContain('Thumbs');
  });

  it('with requireStamp, warns once per unit whose data came without a stamped copy', async () => {
    const campaign = await resolveCampaign({ ...linfen2024Campaign, requireStamp: true });
    const report = await aggregate(countyFolder(), campaign);
    expect(
      report.issues
        .filter((found) => found.code === 'stamp-missing')
        .map((found) => [found.path, found.message]),
    ).toEqual([['临汾/曲沃县.csv', '曲沃县 未报送盖章件（加盖公章的统计表扫描件或照片）']]);
    const without = await aggregate(countyFolder(), await linfenCampaign());
    expect(without.issues.some((found) => found.code === 'stamp-missing')).toBe(false);
  });

  it('reads files named one by one whatever their name; a stamped copy is still found by content', async () => {
    const report = await aggregate(
      [
        { path: '~$尧都区.xlsx', data: fixture('openpyxl-absolute-paths.xlsx').data },
        { path: '吉县.jpg', data: stampBytes('scan.jpg') },
      ],
      await linfenCampaign(),
    );
    expect(report.files.map((file) => [file.status, file.unit])).toEqual([
      ['ok', '尧都区体育局'],
      ['stamp', '吉县'],
    ]);
  });

  it('gives the consolidated workbook’s 按单位 sheet a 盖章件 column (有 with the paths, or 无)', async () => {
    const campaign = await linfenCampaign();
    const report = await aggregate(countyFolder(), campaign);
    const bytes = await writeConsolidatedWorkbook(report, campaign, { lang: 'zh' });
    const outcome = await readSubmission(bytes, '汇总.xlsx', resolveLimits());
    if (!outcome.ok) throw new Error('the consolidated workbook reads back');
    const sheet = outcome.workbook.sheets.find((found) => found.name === '按单位');
    const rows = (sheet?.rows ?? []).map((row) =>
      Array.from(row.cells, (cell) => (cell === null || cell === undefined ? '' : String(cell))),
    );
    const header = rows[1] ?? [];
    const column = header.indexOf('盖章件');
    const status = header.indexOf('情况');
    expect(column).toBeGreaterThan(status);
    const byUnit = new Map(rows.slice(2).map((cells) => [cells[0], [cells[status], cells[column]]]));
    expect(byUnit.get('尧都区体育局')).toEqual(['', '有（临汾/尧都区-盖章.tif）']);
    expect(byUnit.get('曲沃县文化旅游局')).toEqual(['', '无']);
    expect(byUnit.get('吉县')).toEqual(['仅有盖章件', '有（临汾/吉县.pdf、临汾/扫描全能王 2024-05-27.pdf）']);
    expect(byUnit.get('乡宁县')).toEqual(['未报送', '无']);
  });
});
