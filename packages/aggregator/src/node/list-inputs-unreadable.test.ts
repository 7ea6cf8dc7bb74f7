import { copyFileSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { fixturesDirectory, linfenCampaign } from '../fixtures.test-support.js';
import { aggregateFiles } from './aggregate-files.js';

// Root reads every folder whatever its mode, so a folder the system refuses is made here by
// refusing `readdir` for folders named 锁住的 with the error a non-root user gets (EACCES).
vi.mock('node:fs/promises', async (original) => {
  const actual = await original<typeof import('node:fs/promises')>();
  return {
    ...actual,
    readdir: (async (path: string, options: unknown) => {
      if (String(path).endsWith('锁住的')) {
        throw Object.assign(new Error(`EACCES: permission denied, scandir '${path}'`), { code: 'EACCES' });
      }
      return (actual.readdir as (path: string, options: unknown) => Promise<unknown>)(path, options);
    }) as typeof actual.readdir,
  };
});

describe('an unreadable subfolder', () => {
  it('is an error at that folder, and the run goes on', async () => {
    const root = mkdtempSync(join(tmpdir(), 'jianshen-locked-'));
    mkdirSync(join(root, '锁住的'));
    copyFileSync(join(fixturesDirectory, 'gbk.csv'), join(root, '锁住的', '大宁县.csv'));
    copyFileSync(join(fixturesDirectory, 'gbk.csv'), join(root, '曲沃县.csv'));
    const report = await aggregateFiles([root], await linfenCampaign(), { cwd: root, threads: 1 });
    expect(report.files.map((file) => [file.path, file.status])).toEqual([
      ['曲沃县.csv', 'ok'],
      ['锁住的', 'failed'],
    ]);
    expect(report.issues.find((issue) => issue.path === '锁住的')).toMatchObject({
      code: 'folder-unreadable',
      severity: 'error',
      message: '文件夹无法读取：没有读取权限，其中的文件未汇总',
    });
    expect(report.summary.rowsAccepted).toBeGreaterThan(0);
  });
});
