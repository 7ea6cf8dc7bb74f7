import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { csvHead } from '../../../aggregator/src/hostile/submission.js';
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
        ...csvHead('翼城县体育局'),
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
