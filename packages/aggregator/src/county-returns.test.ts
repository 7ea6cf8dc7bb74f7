import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { aggregate } from './aggregate.js';
import { fixture, linfenCampaign } from './fixtures.test-support.js';
import type { AggregateReport, SubmissionInput } from './report.js';

async function read(
  inputs: SubmissionInput[],
  options: { replace?: boolean } = {},
): Promise<AggregateReport> {
  return aggregate(inputs, await linfenCampaign(), options);
}

function fileIssues(report: AggregateReport) {
  return report.issues
    .filter((issue) => issue.code !== 'unit-not-submitted')
    .map((issue) => [issue.path, issue.sheet, issue.row, issue.field, issue.code, issue.severity]);
}

function rowValues(report: AggregateReport) {
  return report.rows.map((row) => [
    row.organizer,
    row.name,
    row.mode,
    row.start,
    row.end,
    row.phone,
    row.note,
  ]);
}

// The table of legacy_workbook() in make-format-fixtures.py, as every writer saves it.
const legacyRows = [
  ['乡宁县全民健身中心', '社区太极拳教学', 'offline', '2024-06-15', '2024-06-15', ['13912340001'], ''],
  ['乡宁县全民健身中心', '线上健步走打卡', 'online', '2024-07-15', '2024-07-19', ['0357-6823456'], ''],
  ['乡宁县全民健身中心', '老年人健身讲座', 'hybrid', '2024-09-30', '2024-09-30', ['13912340001'], ''],
];

describe('every kind of file counties send', () => {
  it.each([
    ['legacy-merged.xls', 'xls'],
    ['wps-sheet.et', 'xls'],
    ['libreoffice.ods', 'ods'],
    ['html-export-libreoffice.xls', 'html'],
    ['really-xlsx.xls', 'xlsx'],
  ])(
    'reads %s (%s by content): merged organiser, date cell, General serial, number phone',
    async (name, format) => {
      const report = await read([fixture(name)]);
      expect(report.files[0]).toMatchObject({
        format,
        status: 'ok',
        unit: '乡宁县体育局',
        rowsRead: 3,
        rowsAccepted: 3,
      });
      expect(rowValues(report)).toEqual(legacyRows);
      expect(report.rows.map((row) => row.source.row)).toEqual([4, 5, 6]);
      // The instructions sheet is neither read nor reported.
      expect(fileIssues(report)).toEqual([]);
    },
  );

  it('reads a UTF-16 "Unicode text" export (tabs); its lost merge leaves 举办单位 empty, said at each row', async () => {
    const report = await read([fixture('unicode-text.txt')]);
    expect(report.files[0]).toMatchObject({ format: 'csv', status: 'ok', unit: '乡宁县体育局', rowsRead: 3 });
    expect(report.rows.map((row) => [row.source.row, row.name, row.start])).toEqual([
      [4, '社区太极拳教学', '2024-06-15'],
    ]);
    expect(fileIssues(report)).toEqual([
      ['unicode-text.txt', 'unicode-text', 5, 'organizer', 'required', 'error'],
      ['unicode-text.txt', 'unicode-text', 6, 'organizer', 'required', 'error'],
    ]);
  });

  it('reads a 1904-system .xls (Mac Excel, saved as 97–2003) on the right day', async () => {
    const report = await read([fixture('dates-1904.xls')]);
    expect(report.rows.map((row) => [row.start, row.end])).toEqual([['2024-08-08', '2024-08-08']]);
  });

  it('reads rich text and a hyperlink in an .xls as the text the person sees, like the .xlsx', async () => {
    const [xls, xlsx] = await Promise.all([
      read([fixture('rich-text.xls')]),
      read([fixture('rich-text-hyperlink.xlsx')]),
    ]);
    expect(rowValues(xls)).toEqual(rowValues(xlsx));
    expect(xls.rows[0]).toMatchObject({ name: '云丘山登山节', note: '活动报道' });
  });

  it('reads the HTML table a government system exports as .xls, phones and dates as typed', async () => {
    const report = await read([fixture('html-export-system.xls')]);
    expect(report.files[0]).toMatchObject({
      format: 'html',
      status: 'ok',
      unit: '吉县体育局',
      rowsAccepted: 2,
    });
    expect(rowValues(report)).toEqual([
      ['吉县全民健身中心', '壶口健步走', 'offline', '2024-06-01', '2024-06-01', ['0357-7923456'], ''],
      ['吉县全民健身中心', '云上太极', 'online', '2024-07-05', '2024-07-05', ['13512340003'], ''],
    ]);
    expect(fileIssues(report)).toEqual([]);
  });

  it('refuses .doc and .wps with their own code and says what to send, and goes on', async () => {
    const report = await read([
      fixture('word-binary.doc'),
      fixture('wps-document.wps'),
      fixture('legacy-merged.xls'),
    ]);
    expect(report.files.map((file) => [file.format, file.status])).toEqual([
      ['doc', 'unsupported'],
      ['doc', 'unsupported'],
      ['xls', 'ok'],
    ]);
    const refusals = report.issues.filter((issue) => issue.code === 'file-word-binary');
    expect(refusals.map((issue) => [issue.path, issue.severity])).toEqual([
      ['word-binary.doc', 'error'],
      ['wps-document.wps', 'error'],
    ]);
    expect(refusals[0]?.message).toContain('另存为”.docx');
    expect(report.rows).toHaveLength(3);
  });

  it('refuses a truncated .xls with the 另存为 .xlsx message, and goes on', async () => {
    const whole = fixture('legacy-merged.xls');
    const report = await read([{ path: '乡宁县.xls', data: whole.data.slice(0, 3000) }, whole]);
    expect(report.files.map((file) => [file.format, file.status])).toEqual([
      ['xls', 'failed'],
      ['xls', 'ok'],
    ]);
    expect(report.issues[0]).toMatchObject({
      path: '乡宁县.xls',
      code: 'file-legacy-xls',
      severity: 'error',
    });
    expect(report.issues[0]?.message).toContain('另存为 .xlsx');
  });

  it('takes a PDF, a photo and a HEIC picture named .xls as stamped copies, never as data', async () => {
    const named = (path: string, bytes: number[]) => ({
      path,
      data: new Uint8Array([...bytes, ...new Array(64).fill(0)]),
    });
    const report = await read([
      named('扫描件.xls', [0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x34]),
      named('照片.xlsx', [0xff, 0xd8, 0xff, 0xe0]),
      named('手机照片.xls', [0, 0, 0, 0x18, 0x66, 0x74, 0x79, 0x70, 0x68, 0x65, 0x69, 0x63]),
    ]);
    // Detected by content (盖章件, issue 19): no data is read from them and nothing crashes; their
    // names name no unit, so each says its unit is unknown.
    expect(report.files.map((file) => file.status)).toEqual(['stamp', 'stamp', 'stamp']);
    expect(report.files.map((file) => file.format)).toEqual(['pdf', 'jpeg', 'heic']);
    const fileCodes = report.issues.filter((issue) => issue.code !== 'unit-not-submitted');
    expect(fileCodes.map((issue) => [issue.path, issue.code])).toEqual([
      ['扫描件.xls', 'stamp-unit-unknown'],
      ['照片.xlsx', 'stamp-unit-unknown'],
      ['手机照片.xls', 'stamp-unit-unknown'],
    ]);
  });
});

describe('the shapes still lost', () => {
  it('joins tick columns 线上 | 线下 under a two-row header into one 举办方式', async () => {
    const report = await read([fixture('tick-columns.xlsx')]);
    expect(report.files[0]).toMatchObject({ rowsRead: 7, rowsAccepted: 6, rowsRejected: 1 });
    expect(report.rows.map((row) => [row.source.row, row.mode])).toEqual([
      [5, 'online'],
      [6, 'offline'],
      [7, 'hybrid'],
      [8, 'online'],
      [9, 'offline'],
      [11, 'online'],
    ]);
    // None ticked is the usual required error; the 线下 column is no unknown column.
    expect(fileIssues(report)).toEqual([['tick-columns.xlsx', '统计表', 10, 'mode', 'required', 'error']]);
  });

  it('reads a bracketed note after 举办方式 into 备注, and phones exported with a decimal', async () => {
    const report = await read([fixture('bracket-notes-phones.xlsx')]);
    expect(report.rows.map((row) => [row.mode, row.note, row.phone])).toEqual([
      ['offline', '室外', ['13903573101']],
      ['online', '每周一次；直播', ['13903573101']],
      ['offline', '社区活动室', ['0357-3573101']],
    ]);
    expect(fileIssues(report)).toEqual([]);
  });

  it.each([
    ['洪洞县2024年全民健身志愿服务活动统计表.xlsx', 'Sheet1', 2],
    ['洪洞县2024年全民健身志愿服务活动统计表.csv', '洪洞县2024年全民健身志愿服务活动统计表', 1],
  ])(
    'takes the expected unit inside the file name %s, and says where it was found',
    async (name, sheet, row) => {
      const report = await read([fixture(name)]);
      expect(report.files[0]).toMatchObject({ unit: '洪洞县', rowsAccepted: 1 });
      expect(report.rows[0]?.unit).toBe('洪洞县');
      expect(fileIssues(report)).toEqual([[name, sheet, row, undefined, 'unit-from-file-name', 'warning']]);
      expect(report.issues[0]?.message).toContain(`文件名「${name}」`);
      expect(report.issues.some((issue) => issue.message.includes('「洪洞县」尚未报送'))).toBe(false);
      expect(report.summary.missingUnits).not.toContain('洪洞县');
    },
  );

  it('warns when one unit sent two files without --replace, naming both; --replace as before', async () => {
    const inputs = [fixture('蒲县-第一次.xlsx'), fixture('蒲县-更正.xlsx')];
    const counted = await read(inputs);
    expect(fileIssues(counted)).toEqual([
      ['蒲县-更正.xlsx', undefined, undefined, undefined, 'unit-sent-twice', 'warning'],
      ['蒲县-更正.xlsx', '统计表', 4, 'name', 'duplicate-row', 'warning'],
    ]);
    const warning = counted.issues.find((issue) => issue.code === 'unit-sent-twice');
    expect(warning?.message).toContain('蒲县-第一次.xlsx、蒲县-更正.xlsx');
    expect(counted.rows).toHaveLength(2);
    const replaced = await read(inputs, { replace: true });
    expect(replaced.issues.map((issue) => issue.code)).not.toContain('unit-sent-twice');
    // The fixtures share one modification time: the later input counts, said without 较新.
    expect(replaced.issues.map((issue) => issue.code)).toContain('file-superseded-same-time');
  });

  it('counts 洪洞县体育局 and 洪洞县 (from a file name) as one unit sending two files', async () => {
    const report = await read([
      fixture('duplicates.xlsx'),
      fixture('洪洞县2024年全民健身志愿服务活动统计表.xlsx'),
    ]);
    const warnings = report.issues.filter((issue) => issue.code === 'unit-sent-twice');
    expect(warnings.map((issue) => issue.path)).toEqual(['洪洞县2024年全民健身志愿服务活动统计表.xlsx']);
    expect(warnings[0]?.message).toContain('「洪洞县」报送了 2 个文件');
  });

  it.each([
    ['nil-return-merged.xlsx', '古县体育局', '古县'],
    ['nil-return-first-cell.xlsx', '安泽县体育局', '安泽县'],
  ])(
    'reads the "无" return %s as an ok file with no rows and no issue; the unit reported',
    async (name, unit, expected) => {
      const report = await read([fixture(name)]);
      expect(report.files[0]).toMatchObject({ status: 'ok', unit, rowsRead: 0, rowsRejected: 0 });
      expect(fileIssues(report)).toEqual([]);
      expect(report.summary.missingUnits).not.toContain(expected);
    },
  );

  it('follows a table continued on a second sheet without its header, as a Word table over pages', async () => {
    const report = await read([fixture('continued-sheet.xlsx')]);
    expect(report.files[0]).toMatchObject({ unit: '浮山县体育局', tables: 2, rowsRead: 5, rowsAccepted: 5 });
    expect(report.rows.map((row) => [row.source.sheet, row.source.row, row.name])).toEqual([
      ['统计表', 4, '健身活动1'],
      ['统计表', 5, '健身活动2'],
      ['统计表', 6, '健身活动3'],
      ['统计表(续)', 1, '健身活动4'],
      ['统计表(续)', 2, '健身活动5'],
    ]);
    expect(report.files[0]?.rowsSkipped.footer).toBe(1);
    expect(fileIssues(report)).toEqual([]);
  });
});

/** A county's workbook in a shape nobody here has seen: every case above in one file. */
async function unseenWorkbook(): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('2024年报表');
  sheet.addRow(['汾西县2024年全民健身志愿服务活动开展情况']);
  sheet.mergeCells('A1:K1');
  sheet.addRow([
    '序 号',
    '活动名称',
    '主办单位',
    '内容',
    '形式',
    null,
    '时间',
    '负责人',
    '手机',
    '参与人数',
    '备注',
  ]);
  sheet.addRow([null, null, null, null, '线上', '线下', null, null, null, null, null]);
  for (const column of ['A', 'B', 'C', 'D', 'G', 'H', 'I', 'J', 'K'])
    sheet.mergeCells(`${column}2:${column}3`);
  sheet.mergeCells('E2:F2');
  sheet.addRow([
    1,
    '姑射山登山（秋季）',
    '汾西县体育中心',
    '',
    '',
    '✔',
    '2024.9.9',
    '贾涛',
    '13903573101.0',
    200,
    '',
  ]);
  sheet.addRow([2, '云健身', '汾西县体育中心', '', '是', '', '2024年9月31日', '贾涛', 13903573101, 50, '']);
  sheet.addRow([3, '社区门球赛', '汾西县门球协会', '', '☑', '√', '9月20日', '贾涛', '0357-7654321', 30, '']);
  sheet.addRow([4, '', '汾西县门球协会', '', 'x', '', '9月21日', '贾涛', '12345', 30, '']);
  const more = workbook.addWorksheet('续表');
  more.addRow([
    5,
    '全民健身日展演',
    '汾西县体育中心',
    '',
    '',
    '●',
    '2024-08-08',
    '贾涛',
    '13903573101',
    80,
    '',
  ]);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

describe('returns nobody here has seen', () => {
  it('reads every row of a mixed return, every error at its row and field, nothing spurious', async () => {
    const data = await unseenWorkbook();
    const report = await read([{ path: '汾西县报表.xlsx', data }]);
    expect(report.files[0]).toMatchObject({ unit: '汾西县', rowsRead: 5, rowsAccepted: 3, rowsRejected: 2 });
    expect(
      report.rows.map((row) => [row.source.sheet, row.source.row, row.mode, row.start, row.phone]),
    ).toEqual([
      ['2024年报表', 4, 'offline', '2024-09-09', ['13903573101']],
      ['2024年报表', 6, 'hybrid', '2024-09-20', ['0357-7654321']],
      ['续表', 1, 'offline', '2024-08-08', ['13903573101']],
    ]);
    expect(report.rows[0]?.extra).toEqual({ 参与人数: '200' });
    expect(fileIssues(report)).toEqual([
      ['汾西县报表.xlsx', '2024年报表', 2, undefined, 'unit-inferred', 'warning'],
      ['汾西县报表.xlsx', '2024年报表', 2, undefined, 'unknown-column', 'warning'],
      ['汾西县报表.xlsx', '2024年报表', 5, 'date', 'date-impossible', 'error'],
      ['汾西县报表.xlsx', '2024年报表', 7, 'mode', 'mode-unknown', 'error'],
      ['汾西县报表.xlsx', '2024年报表', 7, 'name', 'required', 'error'],
      ['汾西县报表.xlsx', '2024年报表', 7, 'phone', 'phone-invalid', 'error'],
    ]);
  });
});
