import { execFileSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderMessage } from '@jianshen/schema';
import { describe, expect, it } from 'vitest';
import { fixturesDirectory, linfenCampaign } from '../fixtures.test-support.js';
import type { AggregateReport } from '../report.js';
import { aggregateFiles } from './aggregate-files.js';
import { InputRefusedError, listInputs, refusedInputIssue, type SpecialKind } from './list-inputs.js';

const stamps = new URL('../files/__fixtures__/', import.meta.url);

function scratch(): string {
  return mkdtempSync(join(tmpdir(), 'jianshen-walk-'));
}

/** A county folder on disk: data, stamped copies, litter, links and a folder of its own. */
function countyFolder(): string {
  const root = scratch();
  mkdirSync(join(root, '乡宁县'));
  mkdirSync(join(root, '.git'));
  writeFileSync(join(root, '.git', 'HEAD'), 'ref: refs/heads/main\n');
  copyFileSync(join(fixturesDirectory, 'openpyxl-absolute-paths.xlsx'), join(root, '尧都区.xlsx'));
  copyFileSync(join(fixturesDirectory, 'openpyxl-absolute-paths.xlsx'), join(root, '~$尧都区.xlsx'));
  copyFileSync(new URL('吉县-盖章件.pdf', stamps), join(root, '吉县.pdf'));
  copyFileSync(new URL('scan.jpg', stamps), join(root, '乡宁县', 'IMG_20240527_093000.jpg'));
  copyFileSync(new URL('scan.png', stamps), join(root, 'IMG_20240527_093001.png'));
  writeFileSync(join(root, 'Thumbs.db'), new Uint8Array([0xd0, 0xcf, 0x11, 0xe0]));
  return root;
}

describe('the folder walk', () => {
  it('lists every file of a county folder with its status and unit', async () => {
    const root = countyFolder();
    const report = await aggregateFiles([root], await linfenCampaign(), { cwd: root, threads: 1 });
    expect(report.files.map((file) => [file.path, file.status, file.unit, file.ignoredReason])).toEqual([
      ['.git', 'ignored', '', 'hidden-file'],
      ['IMG_20240527_093001.png', 'stamp', '', undefined],
      ['Thumbs.db', 'ignored', '', 'system-file'],
      ['~$尧都区.xlsx', 'ignored', '', 'lock-file'],
      // In a folder named after the unit: the photo is 乡宁县's.
      ['乡宁县/IMG_20240527_093000.jpg', 'stamp', '乡宁县', undefined],
      ['吉县.pdf', 'stamp', '吉县', undefined],
      ['尧都区.xlsx', 'ok', '尧都区体育局', undefined],
    ]);
    expect(report.summary.stampOnlyUnits).toEqual(['吉县', '乡宁县']);
    expect(report.summary.missingUnits).not.toContain('乡宁县');
  });

  it('follows links to files and folders; a loop or a second link to one file is listed once', async () => {
    const root = scratch();
    const data = join(root, 'data');
    mkdirSync(data);
    copyFileSync(join(fixturesDirectory, 'gbk.csv'), join(data, '曲沃县.csv'));
    const outside = scratch();
    copyFileSync(join(fixturesDirectory, 'openpyxl-absolute-paths.xlsx'), join(outside, '尧都区.xlsx'));
    symlinkSync(outside, join(root, '尧都区-链接'));
    symlinkSync(join(data, '曲沃县.csv'), join(root, '曲沃县-快捷方式.csv'));
    symlinkSync(root, join(data, '回到上级'));
    symlinkSync(join(root, '不存在.xlsx'), join(root, '断开的链接.xlsx'));
    const report = await aggregateFiles([root], await linfenCampaign(), { cwd: root, threads: 1 });
    expect(report.files.map((file) => [file.path, file.status, file.ignoredReason, file.note])).toEqual([
      ['data/回到上级', 'ignored', 'folder-loop', `已忽略：链接指向已读过的文件夹（.），不再重复读取`],
      ['data/曲沃县.csv', 'ok', undefined, undefined],
      ['尧都区-链接/尧都区.xlsx', 'ok', undefined, undefined],
      ['断开的链接.xlsx', 'failed', undefined, undefined],
      ['曲沃县-快捷方式.csv', 'ignored', 'same-file', '已忽略：与「data/曲沃县.csv」是同一个文件（链接）'],
    ]);
    expect(report.summary.rowsAccepted).toBeGreaterThan(2);
    expect(report.issues.find((issue) => issue.path === '断开的链接.xlsx')?.message).toBe(
      '文件无法读取：文件不存在',
    );
  });

  it('two links pointing at each other are one error each, in the clerk’s words', async () => {
    // Probe: ELOOP came out as Node's English text with the absolute path.
    const root = scratch();
    copyFileSync(join(fixturesDirectory, 'gbk.csv'), join(root, '曲沃县.csv'));
    symlinkSync('乙.xlsx', join(root, '甲.xlsx'));
    symlinkSync('甲.xlsx', join(root, '乙.xlsx'));
    const report = await aggregateFiles([root], await linfenCampaign(), { cwd: root, threads: 1 });
    expect(report.files.map((file) => [file.path, file.status])).toEqual([
      ['乙.xlsx', 'failed'],
      ['曲沃县.csv', 'ok'],
      ['甲.xlsx', 'failed'],
    ]);
    for (const path of ['甲.xlsx', '乙.xlsx']) {
      expect(report.issues.find((issue) => issue.path === path)?.message).toBe(
        '文件无法读取：链接互相指向、形成循环，找不到实际文件',
      );
    }
  });

  it('lists a FIFO in a folder as ignored without opening it, and refuses one named on the command line', async () => {
    const root = scratch();
    execFileSync('mkfifo', [join(root, '管道.xlsx')]);
    copyFileSync(join(fixturesDirectory, 'gbk.csv'), join(root, '曲沃县.csv'));
    const report = await aggregateFiles([root], await linfenCampaign(), { cwd: root, threads: 1 });
    expect(report.files.map((file) => [file.path, file.status, file.ignoredReason])).toEqual([
      ['曲沃县.csv', 'ok', undefined],
      ['管道.xlsx', 'ignored', 'special-file'],
    ]);
    const refused = await listInputs([join(root, '管道.xlsx')]).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(InputRefusedError);
    expect(refused).toMatchObject({ code: 'input-not-regular', data: { kind: 'FIFO' } });
    await expect(listInputs(['/dev/null'])).rejects.toMatchObject({ data: { kind: 'character device' } });
  });

  it('carries the stats it took (a named file, a link followed), so reading does not ask again', async () => {
    const root = scratch();
    writeFileSync(join(root, 'named.csv'), 'a,b\n');
    mkdirSync(join(root, 'folder'));
    writeFileSync(join(root, 'folder', 'plain.csv'), 'abc\n');
    writeFileSync(join(root, 'target.csv'), 'abcdef\n');
    symlinkSync(join(root, 'target.csv'), join(root, 'folder', 'link.csv'));
    const entries = await listInputs([join(root, 'named.csv'), join(root, 'folder')]);
    expect(entries.map((entry) => [entry.path.slice(root.length + 1), entry.stats?.size])).toEqual([
      ['named.csv', 4],
      ['folder/link.csv', 7],
      // A plain file in a folder was never stat'ed while listing: reading asks for its size.
      ['folder/plain.csv', undefined],
    ]);
    expect(entries[0]?.stats?.mtime).toBeInstanceOf(Date);
  });

  it("names a refused input's kind in the reader's language, not in English inside Chinese", () => {
    const say = (kind: SpecialKind, lang: 'zh' | 'en') =>
      renderMessage(refusedInputIssue({ path: 'pipe.csv', kind }), lang);
    expect(say('FIFO', 'zh')).toBe('「pipe.csv」不是普通文件或文件夹（命名管道），已拒绝读取');
    expect(say('character device', 'zh')).toBe('「pipe.csv」不是普通文件或文件夹（字符设备），已拒绝读取');
    expect(say('block device', 'zh')).toContain('（块设备）');
    expect(say('socket', 'zh')).toContain('（套接字）');
    expect(say('FIFO', 'en')).toBe('"pipe.csv" is not a regular file or folder (named pipe); refused');
    expect(refusedInputIssue({ path: 'pipe.csv', kind: 'FIFO' })).toMatchObject({
      code: 'input-not-regular',
      severity: 'error',
      path: 'pipe.csv',
    });
  });

  it('makes an unreadable subfolder an error at that folder and goes on', async () => {
    const root = scratch();
    const locked = join(root, '大宁县');
    mkdirSync(locked);
    copyFileSync(join(fixturesDirectory, 'gbk.csv'), join(locked, '大宁县.csv'));
    copyFileSync(join(fixturesDirectory, 'gbk.csv'), join(root, '曲沃县.csv'));
    chmodSync(locked, 0o000);
    try {
      // Root (CAP_DAC_OVERRIDE) reads any folder, and CI runs as root: the run then happens in a
      // child process as the unprivileged user `nobody`, for whom the mode does stop readdir.
      const report = process.getuid?.() === 0 ? aggregateAsNobody(root) : await aggregateHere(root);
      expect(report.files.map((file) => [file.path, file.status])).toEqual([
        ['大宁县', 'failed'],
        ['曲沃县.csv', 'ok'],
      ]);
      expect(report.issues.find((issue) => issue.path === '大宁县')).toMatchObject({
        code: 'folder-unreadable',
        severity: 'error',
        message: '文件夹无法读取：没有读取权限，其中的文件未汇总',
      });
    } finally {
      chmodSync(locked, 0o755);
    }
  });
});

type WalkReport = Pick<AggregateReport, 'files' | 'issues'>;

async function aggregateHere(root: string): Promise<WalkReport> {
  return aggregateFiles([root], await linfenCampaign(), { cwd: root, threads: 1 });
}

/** The built package (CI builds before it tests), run by uid 65534 with the scratch folder opened to it. */
function aggregateAsNobody(root: string): WalkReport {
  chmodSync(root, 0o755);
  const script = `
    import { aggregateFiles } from '@jianshen/aggregator/node';
    import { resolveCampaign } from '@jianshen/plugin-kit';
    import { linfen2024Campaign } from '@jianshen/schema';
    const root = process.argv[1];
    const report = await aggregateFiles([root], await resolveCampaign(linfen2024Campaign), { cwd: root, threads: 1 });
    process.stdout.write(JSON.stringify({ files: report.files, issues: report.issues }));`;
  const output = execFileSync(process.execPath, ['--input-type=module', '-e', script, root], {
    cwd: fileURLToPath(new URL('../..', import.meta.url)),
    uid: 65534,
    gid: 65534,
    encoding: 'utf8',
  });
  return JSON.parse(output) as WalkReport;
}
