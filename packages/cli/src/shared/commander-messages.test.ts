import { describe, expect, it } from 'vitest';
import { runCaptured as cli } from '../run-captured.test-support.js';

const chinese = /[\u4e00-\u9fff]/;
const twoChinese = /[\u4e00-\u9fff]{2}/;

describe("commander's own messages", () => {
  it.each([
    [['aggregate', 'x'], '缺少必需的选项 -o, --out <dir>', 'required option -o, --out <dir> not specified'],
    [['aggregate', 'x', '-o', 'y', '--frob'], '未知的选项 --frob', 'unknown option --frob'],
    [['frobnicate'], '未知的命令 frobnicate', 'unknown command frobnicate'],
    [['validate'], '缺少必需的参数 files', 'missing required argument files'],
    [
      ['template', '--rows', '0'],
      '选项 --rows <n> 的取值 0 无效（1–1000）',
      'option --rows <n> value 0 is invalid',
    ],
    [['notice', '--lang', 'fr'], '可选：zh, en', 'allowed: zh, en'],
  ])('%j: one line, Chinese first, English with --lang en', async (argv, zh, en) => {
    const chineseRun = await cli(argv);
    expect(chineseRun.code).toBe(2);
    expect(chineseRun.stderr.split('\n')).toHaveLength(1);
    expect(chineseRun.stderr).toContain(`错误：`);
    expect(chineseRun.stderr).toContain(zh);
    expect(chineseRun.stderr).not.toMatch(/error:|Usage/);
    // --lang fr is itself the mistake: the language stays the default.
    if (argv.includes('fr')) return;
    const englishRun = await cli([...argv, '--lang', 'en']);
    expect(englishRun.code).toBe(2);
    expect(englishRun.stderr).toContain(`Error: ${en}`);
    expect(englishRun.stderr).not.toMatch(chinese);
  });

  it('suggests the option that was meant', async () => {
    const result = await cli(['aggregate', 'x', '-o', 'y', '--replce']);
    expect(result.stderr).toContain('是否要输入 --replace？');
  });

  it('heads help sections in Chinese, marks --out required and states choices and defaults', async () => {
    const zh = await cli(['aggregate', '--help']);
    for (const heading of ['用法 (Usage):', '参数 (Arguments):', '选项 (Options):'])
      expect(zh.stdout).toContain(heading);
    expect(zh.stdout).toMatch(/--out <dir> +输出目录 \(output folder\)【必填】/);
    expect(zh.stdout).toContain('【可选 zh、en；缺省 zh】');
    expect(zh.stdout).not.toMatch(/choices: |default: "/);
    const en = await cli(['aggregate', '--help', '--lang', 'en']);
    expect(en.stdout).toContain('Usage: jianshen aggregate');
    expect(en.stdout).toMatch(/--out <dir> +output folder \[required\]/);
    expect(en.stdout).toContain('[choices zh, en; default zh]');
    expect(en.stdout).not.toMatch(twoChinese);
  });
});
