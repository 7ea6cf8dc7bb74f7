import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCaptured } from '../run-captured.test-support.js';
import { terminalSafe } from './terminal-text.js';

// Control characters a hostile cell or file name could carry to a clerk's terminal.
const clearScreen = '\u001b[2J\u001b[H';
const setTitle = '\u001b]0;已完成\u0007';
const csi8bit = '\u009b31m';

describe('terminalSafe', () => {
  it('shows every control character as an escape and keeps line feeds and Chinese', () => {
    expect(terminalSafe(`尧都区${clearScreen}体育局`)).toBe('尧都区\\x1b[2J\\x1b[H体育局');
    expect(terminalSafe(`a${setTitle}b`)).toBe('a\\x1b]0;已完成\\x07b');
    expect(terminalSafe(csi8bit)).toBe('\\x9b31m');
    expect(terminalSafe('gpj\u202Eexe')).toBe('gpj\\u202eexe');
    expect(terminalSafe('第一行\n第二行\r')).toBe('第一行\n第二行\\x0d');
  });
});

describe('validate and aggregate print no control characters from submissions', () => {
  it('escapes an ESC sequence in a cell and in a file name', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'jianshen-cli-terminal-'));
    const name = `县${setTitle}.csv`;
    writeFileSync(
      join(directory, name),
      [
        '2024年全民健身志愿服务活动统计表',
        '单位名称（盖章）：翼城县体育局',
        '序号,举办单位,活动名称,活动简介,举办方式（线上、线下）,举办时间,联系人,联系方式,备注',
        `1,翼城县体育中心,乒乓球培训,简介,线下,2024-06${clearScreen},郑雪,13912345678,`,
        `2,翼城县体育中心,太极拳,简介,${csi8bit}线下,2024-06-02,郑雪,13912345678,`,
      ].join('\n'),
    );
    for (const argv of [
      ['validate', '.'],
      ['aggregate', '.', '-o', 'out'],
    ]) {
      const result = await runCaptured(argv, directory);
      expect(result.code).toBe(1);
      const printed = result.stdout + result.stderr;
      expect(printed).not.toMatch(/[\u0000-\u0009\u000B-\u001F\u007F-\u009F]/);
      if (argv[0] === 'validate') expect(printed).toContain('\\x1b[2J');
    }
  });
});
