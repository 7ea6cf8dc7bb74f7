import { describe, expect, it } from 'vitest';
import { aggregate } from './aggregate.js';
import { fixture, linfenCampaign } from './fixtures.test-support.js';
import type { AggregateReport } from './report.js';

async function one(name: string, modified?: Date): Promise<AggregateReport> {
  return aggregate([fixture(name, modified)], await linfenCampaign());
}

function fileIssues(report: AggregateReport) {
  return report.issues
    .filter((issue) => issue.code !== 'unit-not-submitted')
    .map((issue) => [issue.row, issue.field, issue.code, issue.severity]);
}

function names(report: AggregateReport) {
  return report.rows.map((row) => row.name);
}

describe('files from different writers', () => {
  it('reads openpyxl output with absolute part names (/xl/worksheets/…) and real date cells', async () => {
    const report = await one('openpyxl-absolute-paths.xlsx');
    expect(report.files[0]).toMatchObject({
      format: 'xlsx',
      status: 'ok',
      unit: '尧都区体育局',
      rowsRead: 2,
      rowsAccepted: 2,
    });
    expect(report.rows[0]).toMatchObject({
      seq: 1,
      organizer: '尧都区体育中心',
      name: '社会体育指导员进社区',
      mode: 'offline',
      start: '2024-06-15',
      end: '2024-06-15',
      phone: ['13912345678'],
      unit: '尧都区体育局',
      source: { path: 'openpyxl-absolute-paths.xlsx', sheet: '统计表', row: 4 },
    });
    expect(report.rows[1]).toMatchObject({ start: '2024-07-15', end: '2024-07-19', phone: ['0357-2345678'] });
  });

  it('reads LibreOffice output: shared strings, a merged 举办单位 filled down, footer rows counted', async () => {
    const report = await one('libreoffice-merged.xlsx');
    expect(report.files[0]).toMatchObject({ unit: '侯马市文化和旅游局', rowsRead: 3, rowsAccepted: 3 });
    expect(report.files[0]?.rowsSkipped).toEqual({ blank: 0, footer: 2, example: 0, heading: 0 });
    expect(report.rows.map((row) => row.organizer)).toEqual([
      '侯马市全民健身中心',
      '侯马市全民健身中心',
      '侯马市全民健身中心',
    ]);
    expect(report.rows[2]).toMatchObject({
      mode: 'online',
      start: '2024-10-01',
      end: '2024-10-31',
      phone: ['13812345678'],
    });
  });

  it('reads exporter XML: x: prefixes, inline strings, cached formula results, a serial in a General cell', async () => {
    const report = await one('inline-strings-formulas.xlsx');
    expect(report.files[0]).toMatchObject({ unit: '霍州市体育运动中心', rowsAccepted: 2 });
    expect(report.rows[0]).toMatchObject({ mode: 'offline', start: '2024-08-07', note: '' });
    expect(report.rows[1]).toMatchObject({ start: '2024-08-10', end: '2024-08-11', phone: ['13987654321'] });
    expect(fileIssues(report)).toEqual([]);
  });

  it('reads a legacy .xls (LibreOffice from CSV), detected by content', async () => {
    const report = await one('legacy.xls');
    expect(report.files[0]).toMatchObject({
      format: 'xls',
      status: 'ok',
      unit: '曲沃县文化旅游局',
      rowsRead: 2,
      rowsAccepted: 2,
    });
    expect(report.rows.map((row) => [row.mode, row.start, row.phone])).toEqual([
      ['offline', '2024-06-01', ['0357-7012345']],
      ['hybrid', '2024-06-22', ['0357-7023456']],
    ]);
  });

  it('decodes a GBK/GB18030 CSV and keeps 0357 phones and 2024-06-01 as typed', async () => {
    const report = await one('gbk.csv');
    expect(report.files[0]).toMatchObject({ format: 'csv', unit: '曲沃县文化旅游局', rowsAccepted: 2 });
    expect(report.rows[0]).toMatchObject({
      organizer: '曲沃县体育中心',
      start: '2024-06-01',
      phone: ['0357-7012345'],
    });
    expect(report.rows[1]).toMatchObject({ mode: 'hybrid', phone: ['0357-7023456'], note: '周末' });
  });

  it('reads a UTF-8 CSV with a BOM', async () => {
    const report = await one('utf8-bom.csv');
    expect(report.files[0]).toMatchObject({ unit: '翼城县体育局', rowsAccepted: 2 });
    expect(report.rows[0]?.organizer).toBe('翼城县体育中心');
  });

  it('reads the table filled in Word: unit from the paragraph, vMerge filled, gridSpan footer skipped', async () => {
    const report = await one('word-table.docx');
    expect(report.files[0]).toMatchObject({
      format: 'docx',
      unit: '襄汾县体育事业发展中心',
      rowsAccepted: 2,
    });
    expect(report.files[0]?.rowsSkipped.footer).toBe(1);
    expect(report.rows[1]).toMatchObject({
      organizer: '襄汾县体育事业发展中心',
      start: '2024-10-01',
      end: '2024-10-03',
      phone: ['0357-3512345转801'],
      source: { sheet: '表格1', row: 3 },
    });
  });

  it.each([
    ['truncated.xlsx', 'failed', 'file-unreadable'],
    ['empty.xlsx', 'failed', 'file-empty'],
    ['encrypted.xlsx', 'failed', 'file-encrypted'],
    ['no-table.xlsx', 'failed', 'header-not-found'],
    ['zip-bomb.xlsx', 'failed', 'file-too-large'],
  ])('%s is one clear error for that file', async (name, status, code) => {
    const report = await one(name);
    expect(report.files[0]).toMatchObject({ path: name, status, rowsRead: 0 });
    const errors = report.issues.filter((issue) => issue.severity === 'error');
    expect(errors).toEqual([expect.objectContaining({ path: name, code })]);
  });

  it('picture.xlsx is taken for a stamped copy by its content, its unit unknown', async () => {
    const report = await one('picture.xlsx');
    expect(report.files[0]).toMatchObject({ path: 'picture.xlsx', status: 'stamp', format: 'png', unit: '' });
    expect(report.issues.map((issue) => [issue.path, issue.code, issue.severity])).toContainEqual([
      'picture.xlsx',
      'stamp-unit-unknown',
      'warning',
    ]);
  });

  it('goes on with the rest of the batch after broken files', async () => {
    const campaign = await linfenCampaign();
    const report = await aggregate(
      ['truncated.xlsx', 'gbk.csv', 'picture.xlsx', 'encrypted.xlsx', 'word-table.docx'].map((name) =>
        fixture(name),
      ),
      campaign,
    );
    // A picture is a stamped copy (盖章件) by its content, whatever its name.
    expect(report.files.map((file) => file.status)).toEqual(['failed', 'ok', 'stamp', 'failed', 'ok']);
    expect(report.summary.rowsAccepted).toBe(4);
  });
});

describe('layouts', () => {
  it('finds the table on the second sheet behind an instructions sheet', async () => {
    const report = await one('instructions-first.xlsx');
    expect(report.rows).toEqual([
      expect.objectContaining({
        name: '牡丹文化节健步走',
        source: expect.objectContaining({ sheet: '统计表' }),
      }),
    ]);
  });

  it('reads several units’ tables in one file, each with its unit', async () => {
    const report = await one('two-units.xlsx');
    expect(report.files[0]?.unit).toBe('安泽县体育局、浮山县体育局');
    expect(report.rows.map((row) => [row.unit, row.name])).toEqual([
      ['安泽县体育局', '登山健身活动'],
      ['浮山县体育局', '篮球联赛'],
      ['浮山县体育局', '线上健身课'],
    ]);
    expect(report.summary.missingUnits).not.toContain('安泽县');
    expect(report.summary.missingUnits).not.toContain('浮山县');
  });

  it('reads a two-row header (group header, 联系人 split into 姓名 and 联系电话) and a unit in the next cell', async () => {
    const report = await one('two-row-header.xlsx');
    expect(report.files[0]?.unit).toBe('大宁县体育运动发展中心');
    expect(report.rows[0]).toMatchObject({
      name: '黄河健身走',
      summary: '沿黄健步',
      contact: '孟飞',
      phone: ['13612345678'],
      source: { row: 5 },
    });
    expect(report.rows[1]).toMatchObject({ start: '2024-07-01', end: '2024-08-31' });
  });

  it('matches varied header wording in any order and keeps an unknown column with a warning', async () => {
    const report = await one('header-variants.xlsx');
    expect(report.files[0]?.unit).toBe('隰县体育中心');
    expect(report.rows[0]).toMatchObject({
      name: '全民健身月启动仪式',
      organizer: '隰县体育中心',
      mode: 'offline',
      start: '2024-08-08',
      phone: ['0357-7312345'],
      summary: '启动仪式',
      extra: { 参与人数: '300' },
    });
    expect(report.rows[1]?.mode).toBe('offline');
    expect(fileIssues(report)).toEqual([[3, undefined, 'unknown-column', 'warning']]);
  });

  it('reads a Word table split by page breaks as one table, a part without header included', async () => {
    const report = await one('word-split-table.docx');
    expect(report.rows.map((row) => [row.unit, row.name, row.source.sheet, row.source.row])).toEqual([
      ['浮山县文化和旅游局', '天坛山登山', '表格1', 2],
      ['浮山县文化和旅游局', '篮球联赛', '表格1', 4],
      ['浮山县文化和旅游局', '门球赛', '表格1', 5],
    ]);
    expect(fileIssues(report)).toEqual([]);
  });

  it('reads headers beyond the aliases: 开始/结束日期 columns, 手机号, a signed footer', async () => {
    const csv = [
      '填报单位：蒲县体育局',
      '序号,主办单位,活动名称,举办形式,开始日期,结束日期,负责人,手机号',
      '1,蒲县体育中心,柏山登高,线下,2024-09-01,2024-09-03,石磊,13112345678',
      '2,蒲县体育中心,健身讲座,线上,2024-09-10,,石磊,13112345678',
      '单位负责人（签字）：张三,,,,,,,',
    ].join('\r\n');
    const report = await aggregate(
      [{ path: '蒲县.csv', data: new TextEncoder().encode(csv) }],
      await linfenCampaign(),
    );
    expect(
      report.rows.map((row) => [row.organizer, row.mode, row.start, row.end, row.contact, row.phone]),
    ).toEqual([
      ['蒲县体育中心', 'offline', '2024-09-01', '2024-09-03', '石磊', ['13112345678']],
      ['蒲县体育中心', 'online', '2024-09-10', '2024-09-10', '石磊', ['13112345678']],
    ]);
    expect(report.files[0]?.rowsSkipped.footer).toBe(1);
    expect(fileIssues(report)).toEqual([]);
  });

  it('reads a first row of 无 and / (note 本季度无活动) as a "无" return, not a broken activity', async () => {
    const csv = [
      '单位名称（盖章）：蒲县体育局',
      '序号,举办单位,活动名称,举办方式,举办时间,联系人,联系方式,备注',
      '1,无,无,/,/,—,无,本季度无活动',
      '2,无,无,/,/,—,无,',
    ].join('\n');
    const report = await aggregate(
      [{ path: '蒲县.csv', data: new TextEncoder().encode(csv) }],
      await linfenCampaign(),
    );
    // Every cell says there was nothing (无, /, —, 本季度无活动): the unit reported none.
    expect(report.files[0]).toMatchObject({ status: 'ok', unit: '蒲县体育局', rowsRead: 0, rowsRejected: 0 });
    // The statement row is counted; the blank row after it is the template's unused row.
    expect(report.files[0]?.rowsSkipped.blank).toBe(1);
    expect(fileIssues(report)).toEqual([]);
  });

  it('unwraps ="…" cells that exporters write to keep Excel from converting text', async () => {
    const csv = [
      '单位名称（盖章）：蒲县体育局',
      '序号,举办单位,活动名称,举办方式,举办时间,联系人,联系方式',
      '1,蒲县体育中心,柏山登高,线下,="2024-09-01",石磊,="03576823456"',
    ].join('\n');
    const report = await aggregate(
      [{ path: '蒲县.csv', data: new TextEncoder().encode(csv) }],
      await linfenCampaign(),
    );
    expect(report.rows[0]).toMatchObject({ start: '2024-09-01', phone: ['0357-6823456'] });
  });

  it('skips and counts example, blank and footer rows', async () => {
    const report = await one('blank-footer-example.xlsx');
    expect(names(report)).toEqual(['乾坤湾徒步', '门球友谊赛']);
    expect(report.files[0]?.rowsSkipped).toEqual({ blank: 2, footer: 2, example: 1, heading: 0 });
    expect(report.summary.rowsSkipped).toEqual({ blank: 2, footer: 2, example: 1, heading: 0 });
  });
});

describe('cells', () => {
  it('reads dates typed every way, keeps errors out and warnings in', async () => {
    const report = await one('dates.xlsx');
    expect(report.files[0]).toMatchObject({ rowsRead: 16, rowsAccepted: 15, rowsRejected: 1 });
    const expected: [string, string][] = [
      ['2024-06-15', '2024-06-15'],
      ['2024-06-15', '2024-06-15'],
      ['2024-06-15', '2024-06-15'],
      ['2024-06-15', '2024-06-15'],
      ['2024-06-15', '2024-06-15'],
      ['2024-06-15', '2024-06-15'],
      ['2024-06-15', '2024-06-15'],
      ['2024-06-15', '2024-06-15'],
      ['2024-07-15', '2024-07-19'],
      ['2024-07-01', '2024-07-05'],
      ['2024-08-01', '2024-08-03'],
      ['2024-08-01', '2024-08-03'],
      ['2024-10-01', '2024-10-31'],
      ['2024-06-15', '2024-06-15'],
      ['2024-12-05', '2024-12-05'],
    ];
    expect(report.rows.map((row) => [row.start, row.end])).toEqual(expected);
    expect(fileIssues(report)).toEqual([
      [18, 'date', 'date-impossible', 'error'],
      [19, 'date', 'date-outside-period', 'warning'],
    ]);
    expect(report.issues.find((issue) => issue.code === 'date-impossible')?.value).toBe('2024年2月30日');
  });

  it('reads 1904-system workbooks (Mac Excel): date cells and General serials', async () => {
    const report = await one('dates-1904.xlsx');
    expect(report.rows.map((row) => row.start)).toEqual(['2024-06-15', '2024-06-19']);
  });

  it('reads 举办方式 and 联系方式 as typed, full-width included, and names every bad cell', async () => {
    const report = await one('modes-phones.xlsx');
    const byName = new Map(report.rows.map((row) => [row.name, row]));
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((index) => byName.get(`方式${index}`)?.mode)).toEqual([
      'online',
      'offline',
      'offline',
      'hybrid',
      'hybrid',
      'hybrid',
      'online',
      'offline',
      'offline',
      'offline',
    ]);
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((index) => byName.get(`电话${index}`)?.phone)).toEqual([
      ['13912345678'],
      ['0357-1234567'],
      ['0357-1234567'],
      ['0357-1234567'],
      ['0357-1234567转801'],
      ['0357-1234567转801'],
      ['13912345678', '0357-1234567'],
      ['13912345678'],
      ['13912345678'],
      ['0357-2345678'],
    ]);
    expect(byName.get('警告：丢了0')?.phone).toEqual(['0357-1234567']);
    expect(byName.get('全角字母 活动')?.organizer).toBe('ABC健身俱乐部');
    expect(fileIssues(report)).toEqual([
      [24, 'mode', 'mode-unknown', 'error'],
      [25, 'phone', 'phone-precision-lost', 'error'],
      [26, 'phone', 'phone-leading-zero-restored', 'warning'],
      [27, 'phone', 'phone-invalid', 'error'],
      [28, 'name', 'required', 'error'],
    ]);
    expect(report.files[0]).toMatchObject({ rowsRead: 26, rowsAccepted: 22, rowsRejected: 4 });
  });

  it('flattens rich text and hyperlinks to the text the person sees', async () => {
    const report = await one('rich-text-hyperlink.xlsx');
    expect(report.rows[0]).toMatchObject({ name: '云丘山登山节', summary: '详见链接', note: '活动报道' });
  });
});

describe('judging the batch', () => {
  it('flags duplicates within a file and across files, counting each activity once', async () => {
    const campaign = await linfenCampaign();
    const report = await aggregate(
      [fixture('openpyxl-absolute-paths.xlsx'), fixture('duplicates.xlsx')],
      campaign,
    );
    const duplicates = report.issues.filter((issue) => issue.code === 'duplicate-row');
    expect(duplicates.map((issue) => [issue.path, issue.row, issue.severity])).toEqual([
      ['duplicates.xlsx', 5, 'warning'],
      ['duplicates.xlsx', 6, 'warning'],
    ]);
    expect(duplicates[1]?.message).toContain('openpyxl-absolute-paths.xlsx 第 4 行');
    expect(report.summary).toMatchObject({ rowsRead: 5, rowsAccepted: 3, rowsDuplicate: 2 });
    expect(report.rows.map((row) => row.seq)).toEqual([1, 2, 3]);
  });

  it('with replace, a newer file from the same unit supersedes the older one', async () => {
    const campaign = await linfenCampaign();
    const inputs = [
      fixture('resent-new.xlsx', new Date('2024-05-27T10:00:00Z')),
      fixture('resent-old.xlsx', new Date('2024-05-20T10:00:00Z')),
    ];
    const replaced = await aggregate(inputs, campaign, { replace: true });
    expect(replaced.files[1]).toMatchObject({
      rowsSuperseded: 1,
      rowsAccepted: 0,
      supersededBy: 'resent-new.xlsx',
    });
    expect(replaced.issues).toContainEqual(
      expect.objectContaining({ path: 'resent-old.xlsx', code: 'file-superseded' }),
    );
    expect(replaced.rows.map((row) => row.source.path)).toEqual(['resent-new.xlsx', 'resent-new.xlsx']);
    const kept = await aggregate(inputs, campaign);
    expect(kept.summary).toMatchObject({ rowsAccepted: 2, rowsDuplicate: 1, rowsSuperseded: 0 });
  });

  it('reports units that have not submitted and files after the deadline', async () => {
    const campaign = await linfenCampaign();
    const report = await aggregate(
      [
        fixture('openpyxl-absolute-paths.xlsx', new Date('2024-05-28T15:30:00Z')),
        fixture('gbk.csv', new Date('2024-05-27T01:00:00Z')),
      ],
      campaign,
    );
    // 15:30 UTC on the 28th is 23:30 in China: still on time. 16:30 would be the 29th.
    expect(report.summary.lateUnits).toEqual([]);
    expect(report.summary.missingUnits).toHaveLength(campaign.expectedUnits.length - 2);
    expect(report.summary.missingUnits).not.toContain('尧都区');
    expect(report.summary.missingUnits).not.toContain('曲沃县');
    const late = await aggregate([fixture('gbk.csv')], campaign, { submittedOn: '2024-06-03' });
    expect(late.summary.lateUnits).toEqual([
      { unit: '曲沃县文化旅游局', path: 'gbk.csv', submittedOn: '2024-06-03' },
    ]);
    expect(late.issues).toContainEqual(
      expect.objectContaining({ path: 'gbk.csv', code: 'late-submission', severity: 'warning' }),
    );
    expect(late.issues.filter((issue) => issue.code === 'unit-not-submitted')).toHaveLength(
      campaign.expectedUnits.length - 1,
    );
  });

  it('warns when a file was filled in on the template of another campaign', async () => {
    const report = await one('template-other-campaign.xlsx');
    expect(report.rows).toHaveLength(1);
    expect(fileIssues(report)).toEqual([[undefined, undefined, 'template-mismatch', 'warning']]);
    expect(report.issues[0]?.message).toContain('yuncheng-2023');
  });

  it('gives messages in English on request', async () => {
    const report = await aggregate([fixture('word-binary.doc')], await linfenCampaign(), { lang: 'en' });
    expect(report.issues[0]?.message).toContain('save it as .docx');
  });

  it('reports progress file by file', async () => {
    const states: { done: number; total: number }[] = [];
    await aggregate([fixture('gbk.csv'), fixture('utf8-bom.csv')], await linfenCampaign(), {
      onProgress: (state) => states.push({ done: state.done, total: state.total }),
    });
    expect(states).toEqual([
      { done: 0, total: 2 },
      { done: 1, total: 2 },
      { done: 2, total: 2 },
    ]);
  });

  it('applies limits given as options', async () => {
    const report = await aggregate([fixture('dates.xlsx')], await linfenCampaign(), {
      limits: { maxRows: 10 },
    });
    expect(report.files[0]?.status).toBe('failed');
    expect(report.issues[0]).toMatchObject({ code: 'file-too-large' });
    expect(report.issues[0]?.message).toContain('10');
  });
});
