import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixturesDirectory, linfenCampaign } from '../fixtures.test-support.js';
import { aggregateFiles, collectSubmissionFiles, writeAggregateOutputs } from './index.js';

function scratch(): string {
  return mkdtempSync(join(tmpdir(), 'jianshen-aggregator-'));
}

function copy(name: string, directory: string, as = name): string {
  const target = join(directory, as);
  copyFileSync(join(fixturesDirectory, name), target);
  return target;
}

describe('aggregateFiles', () => {
  it('searches folders recursively and lists every file, lock files, hidden files and scripts too', async () => {
    const root = scratch();
    mkdirSync(join(root, 'sub'));
    copy('gbk.csv', root, '曲沃县.csv');
    copy('word-table.docx', join(root, 'sub'), '襄汾县.docx');
    copy('openpyxl-absolute-paths.xlsx', root, '~$尧都区.xlsx');
    copy('openpyxl-absolute-paths.xlsx', root, '.尧都区.xlsx');
    writeFileSync(join(root, 'make-submissions.py'), 'print(1)');
    writeFileSync(join(root, '说明.pdf'), '%PDF-1.4');
    const found = await collectSubmissionFiles([root]);
    expect(found.map((path) => path.slice(root.length + 1))).toEqual([
      '.尧都区.xlsx',
      'make-submissions.py',
      'sub/襄汾县.docx',
      '~$尧都区.xlsx',
      '曲沃县.csv',
      '说明.pdf',
    ]);
    const report = await aggregateFiles([root], await linfenCampaign(), { cwd: root });
    expect(report.files.map((file) => [file.path, file.status, file.ignoredReason])).toEqual([
      ['.尧都区.xlsx', 'ignored', 'hidden-file'],
      ['make-submissions.py', 'ignored', 'other-type'],
      ['sub/襄汾县.docx', 'ok', undefined],
      ['~$尧都区.xlsx', 'ignored', 'lock-file'],
      ['曲沃县.csv', 'ok', undefined],
      ['说明.pdf', 'stamp', undefined],
    ]);
  });

  it('shows paths relative to cwd, uses file times for lateness, and turns a missing file into one error', async () => {
    const root = scratch();
    const onTime = copy('gbk.csv', root, '曲沃县.csv');
    const late = copy('utf8-bom.csv', root, '翼城县.csv');
    utimesSync(onTime, new Date('2024-05-27T08:00:00Z'), new Date('2024-05-27T08:00:00Z'));
    utimesSync(late, new Date('2024-05-28T17:00:00Z'), new Date('2024-05-28T17:00:00Z'));
    const report = await aggregateFiles(['曲沃县.csv', '翼城县.csv', '不存在.xlsx'], await linfenCampaign(), {
      cwd: root,
    });
    expect(report.files.map((file) => [file.path, file.status, file.submittedOn])).toEqual([
      ['曲沃县.csv', 'ok', '2024-05-27'],
      ['翼城县.csv', 'ok', '2024-05-29'],
      ['不存在.xlsx', 'failed', undefined],
    ]);
    expect(report.summary.lateUnits).toEqual([
      { unit: '翼城县体育局', path: '翼城县.csv', submittedOn: '2024-05-29' },
    ]);
    expect(report.issues.find((issue) => issue.path === '不存在.xlsx')).toMatchObject({
      code: 'file-unreadable',
      message: '文件无法读取：文件不存在',
    });
  });
});

describe('writeAggregateOutputs', () => {
  it('writes report.json, the consolidated workbook and the issues list, atomically', async () => {
    const root = scratch();
    copy('modes-phones.xlsx', root);
    const campaign = await linfenCampaign();
    const report = await aggregateFiles([root], campaign, { cwd: root, submittedOn: '2024-05-20' });
    const written = await writeAggregateOutputs(report, campaign, join(root, 'out'));
    expect(written.map((path) => path.slice(root.length + 1))).toEqual([
      // report.json last: it lists every cell the others had to cut.
      'out/2024年全民健身志愿服务活动统计表（汇总）.xlsx',
      'out/问题清单.xlsx',
      'out/问题清单.csv',
      'out/report.json',
    ]);
    expect(readdirSync(join(root, 'out')).filter((name) => name.endsWith('.tmp'))).toEqual([]);
    expect(JSON.parse(readFileSync(join(root, 'out', 'report.json'), 'utf8'))).toEqual(
      JSON.parse(JSON.stringify(report)),
    );
    expect(readFileSync(join(root, 'out', '问题清单.csv')).subarray(0, 3)).toEqual(
      Buffer.from([0xef, 0xbb, 0xbf]),
    );
  });

  it('masks phones in every output on request', async () => {
    const root = scratch();
    copy('modes-phones.xlsx', root);
    const campaign = await linfenCampaign();
    const report = await aggregateFiles([root], campaign, { cwd: root });
    await writeAggregateOutputs(report, campaign, join(root, 'out'), { maskPhone: true });
    const json = readFileSync(join(root, 'out', 'report.json'), 'utf8');
    expect(json).not.toContain('13012345678');
    expect(json).toContain('130****5678');
    expect(readFileSync(join(root, 'out', '问题清单.csv'), 'utf8')).not.toContain('3571234567');
  });

  it('never writes over an input', async () => {
    const root = scratch();
    const input = copy('gbk.csv', root, 'report.json');
    const campaign = await linfenCampaign();
    const report = await aggregateFiles([input], campaign, { cwd: root });
    await expect(writeAggregateOutputs(report, campaign, root)).rejects.toThrow(/拒绝覆盖输入文件/);
    expect(readFileSync(input)).toEqual(readFileSync(join(fixturesDirectory, 'gbk.csv')));
    expect(existsSync(join(root, '问题清单.csv'))).toBe(false);
  });
});
