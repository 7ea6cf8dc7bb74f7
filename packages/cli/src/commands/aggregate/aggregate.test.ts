import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCaptured as cli } from '../../run-captured.test-support.js';

const fixtures = fileURLToPath(new URL('../../../../aggregator/src/__fixtures__/', import.meta.url));

function folderWith(...names: string[]): string {
  const directory = mkdtempSync(join(tmpdir(), 'jianshen-cli-aggregate-'));
  for (const name of names) copyFileSync(join(fixtures, name), join(directory, name));
  return directory;
}

describe('jianshen validate', () => {
  it('exits 0 for clean submissions and prints the counts', async () => {
    const directory = folderWith('gbk.csv', 'word-table.docx');
    const result = await cli(['validate', 'gbk.csv', 'word-table.docx'], directory);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('2 个文件，读取 4 行，有效 4 行；0 个错误');
    expect(result.stdout).not.toContain('尚未报送');
  });

  it('exits 1 and lists each error at its file, row and field when data is wrong', async () => {
    const directory = folderWith('modes-phones.xlsx');
    const result = await cli(['validate', '.', '--lang', 'en'], directory);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('modes-phones.xlsx [统计表] row 24 mode: error');
    expect(result.stdout).toContain('(phone-precision-lost)');
    expect(result.stdout).toContain('1 files, 26 rows read, 22 accepted; 4 errors');
  });

  it('exits 1 for an unreadable file and goes on with the others', async () => {
    const directory = folderWith('word-binary.doc', 'gbk.csv');
    const result = await cli(['validate', 'word-binary.doc', 'gbk.csv'], directory);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('另存为”.docx');
    expect(result.stdout).toContain('有效 2 行');
  });
});

describe('jianshen aggregate', () => {
  it('counts every file of a folder: data, stamped copies (盖章件) and ignored files', async () => {
    const directory = folderWith('gbk.csv');
    copyFileSync(
      new URL('../../../../aggregator/src/files/__fixtures__/吉县-盖章件.pdf', import.meta.url),
      join(directory, '吉县.pdf'),
    );
    copyFileSync(join(fixtures, 'gbk.csv'), join(directory, '~$曲沃县.csv'));
    const result = await cli(['aggregate', '.', '-o', 'out', '--submitted-on', '2024-05-27'], directory);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^汇总完成：3 个文件（数据 1，盖章件 1，已忽略 1），有效 2 行/m);
    const report = JSON.parse(readFileSync(join(directory, 'out', 'report.json'), 'utf8'));
    expect(report.files.map((file: { path: string; status: string }) => [file.path, file.status])).toEqual([
      ['gbk.csv', 'ok'],
      ['~$曲沃县.csv', 'ignored'],
      ['吉县.pdf', 'stamp'],
    ]);
    expect(report.summary.stampOnlyUnits).toEqual(['吉县']);
  });

  it('refuses a FIFO named on the command line at once (exit 2)', async () => {
    const directory = folderWith('gbk.csv');
    execFileSync('mkfifo', [join(directory, 'pipe.csv')]);
    const result = await cli(['aggregate', 'pipe.csv', 'gbk.csv', '-o', 'out'], directory);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('「pipe.csv」不是普通文件或文件夹（命名管道），已拒绝读取');
    expect(existsSync(join(directory, 'out'))).toBe(false);
  });

  it('writes the outputs into --out and exits 0 when there are no errors', async () => {
    const directory = folderWith('gbk.csv', 'two-units.xlsx', 'libreoffice-merged.xlsx');
    const result = await cli(['aggregate', '.', '-o', 'out', '--submitted-on', '2024-05-27'], directory);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(
      /^汇总完成：3 个文件（数据 3，盖章件 0，已忽略 0），有效 8 行，退回 0 行，0 个错误，\d+ 个警告$/m,
    );
    for (const name of [
      'report.json',
      '问题清单.xlsx',
      '问题清单.csv',
      '2024年全民健身志愿服务活动统计表（汇总）.xlsx',
    ]) {
      expect(existsSync(join(directory, 'out', name)), name).toBe(true);
    }
    const report = JSON.parse(readFileSync(join(directory, 'out', 'report.json'), 'utf8'));
    expect(report.summary.lateUnits).toEqual([]);
    expect(report.rows).toHaveLength(8);
  });

  it('exits 1 with data errors, honours --replace and --mask-phone', async () => {
    const directory = folderWith('resent-old.xlsx', 'resent-new.xlsx', 'modes-phones.xlsx');
    const result = await cli(['aggregate', '.', '-o', 'out', '--replace', '--mask-phone'], directory);
    expect(result.code).toBe(1);
    const report = JSON.parse(readFileSync(join(directory, 'out', 'report.json'), 'utf8'));
    // Copied within the same moment, the files can share a time: then the later one counts
    // and the code says so (file-superseded-same-time).
    expect(report.issues.some((issue: { code: string }) => issue.code.startsWith('file-superseded'))).toBe(
      true,
    );
    expect(JSON.stringify(report.rows)).not.toContain('13012345678');
  });

  it('counts warnings in the summary line, as validate does', async () => {
    const directory = folderWith('modes-phones.xlsx');
    const result = await cli(['aggregate', '.', '-o', 'out', '--lang', 'en'], directory);
    const report = JSON.parse(readFileSync(join(directory, 'out', 'report.json'), 'utf8'));
    const warnings = report.issues.filter((issue: { severity: string }) => issue.severity === 'warning');
    expect(warnings.length).toBeGreaterThan(0);
    expect(result.stdout).toContain(`4 errors, ${warnings.length} warnings`);
  });

  it('exits 2 without --out', async () => {
    const directory = folderWith('gbk.csv');
    expect((await cli(['aggregate', 'gbk.csv'], directory)).code).toBe(2);
  });
});

describe('an input path that does not exist', () => {
  it.each(['validate', 'aggregate'])(
    'is a usage error for %s (exit 2), naming every missing path',
    async (command) => {
      const directory = folderWith('gbk.csv');
      const argv = [
        command,
        'gbk.csv',
        '报送/',
        'missing.xlsx',
        ...(command === 'aggregate' ? ['-o', 'out'] : []),
      ];
      const zh = await cli(argv, directory);
      expect(zh.code).toBe(2);
      expect(zh.stderr).toBe('错误：找不到输入文件或目录：报送/、missing.xlsx（请检查路径和当前目录）');
      expect(zh.stdout).toBe('');
      expect(existsSync(join(directory, 'out'))).toBe(false);
      const en = await cli([...argv, '--lang', 'en'], directory);
      expect(en.stderr).toBe(
        'Error: no such input file or folder: 报送/, missing.xlsx (check the path and the current folder)',
      );
    },
  );
});

describe('--submitted-on', () => {
  it('judges lateness by the given day in validate, and refuses a day that is not one (exit 2)', async () => {
    const directory = folderWith('gbk.csv');
    const late = await cli(['validate', 'gbk.csv', '--submitted-on', '2024/6/3'], directory);
    expect(late.code).toBe(0);
    expect(late.stdout).toContain('(late-submission)');
    const wrong = await cli(['aggregate', 'gbk.csv', '-o', 'out', '--submitted-on', 'tomorrow'], directory);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toBe('错误：--submitted-on 的取值「tomorrow」不是日期，请写如 2024-05-27');
    expect(existsSync(join(directory, 'out'))).toBe(false);
    const english = await cli(
      ['validate', 'gbk.csv', '--submitted-on', '2024-13-01', '--lang', 'en'],
      directory,
    );
    expect(english).toMatchObject({
      code: 2,
      stderr: 'Error: --submitted-on "2024-13-01" is not a date; write it like 2024-05-27',
    });
  });
});
