import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { linfen2024Campaign } from '@jianshen/schema';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import packageJson from '../package.json' with { type: 'json' };
import { runCaptured as cli } from './run-captured.test-support.js';

const temporaryDirectory = () => mkdtemp(join(tmpdir(), 'jianshen-cli-'));

describe('jianshen CLI', () => {
  it('prints its version', async () => {
    expect(await cli(['--version'])).toMatchObject({ code: 0, stdout: packageJson.version });
  });

  it('lists every command in Chinese help, with English alongside', async () => {
    const { code, stdout } = await cli(['--help']);
    expect(code).toBe(0);
    for (const command of ['notice', 'template', 'validate', 'aggregate', 'init'])
      expect(stdout).toContain(command);
    expect(stdout).toContain('生成通知');
    expect(stdout).toContain('Jianshen Kit: generate the notice');
  });

  it.each(['notice', 'template', 'validate', 'aggregate', 'init'])(
    'has help for %s in both languages',
    async (command) => {
      const zh = await cli([command, '--help']);
      const en = await cli([command, '--help', '--lang', 'en']);
      expect(zh.code).toBe(0);
      expect(en.code).toBe(0);
      expect(zh.stdout).toMatch(/[\u4e00-\u9fff]/);
      expect(en.stdout).not.toMatch(/[\u4e00-\u9fff]{2}/);
      if (command !== 'init') expect(zh.stdout).toContain('--campaign');
    },
  );

  it('exits 2 with one clear line on a usage error', async () => {
    const result = await cli(['frobnicate']);
    expect(result.code).toBe(2);
    expect(result.stderr.split('\n')).toHaveLength(1);
  });

  it('exits 2 naming the file and the field for a bad campaign, without a stack trace', async () => {
    const directory = await temporaryDirectory();
    const path = join(directory, 'campaign.yaml');
    await writeFile(path, stringify({ ...linfen2024Campaign, docNumber: '临体字2024第44号' }));
    const result = await cli(['notice', '--campaign', path, '-o', join(directory, 'n.docx')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(path);
    expect(result.stderr).toContain('docNumber');
    expect(result.stderr).not.toContain('    at ');
    const debug = await cli(['notice', '--campaign', path, '--debug', '-o', join(directory, 'n.docx')]);
    expect(debug.stderr).toContain('    at ');
  });

  it('prints a YAML syntax error as one line with its line and column', async () => {
    const directory = await temporaryDirectory();
    const path = join(directory, 'campaign.yaml');
    await writeFile(path, 'id: x\ntitle: [unclosed\n');
    const zh = await cli(['notice', '--campaign', path, '-o', join(directory, 'n.docx')]);
    expect(zh.code).toBe(2);
    expect(zh.stderr).toBe(`错误：${path}: 活动配置文件第 3 行第 1 列有语法错误：缩进不对，或缺少闭合的括号`);
    const en = await cli(['notice', '--campaign', path, '--lang', 'en', '-o', join(directory, 'n.docx')]);
    expect(en.stderr).toBe(
      `Error: ${path}: Syntax error in the campaign file at line 3, column 1: wrong indentation, or a closing bracket is missing`,
    );
  });

  it('says 缺少此项 for a missing key and suggests the misspelled one, English with --lang en', async () => {
    const directory = await temporaryDirectory();
    const path = join(directory, 'campaign.yaml');
    const { deadline, ...rest } = linfen2024Campaign;
    await writeFile(path, stringify({ ...rest, dedline: deadline }));
    const zh = await cli(['template', '--campaign', path, '-o', join(directory, 't.xlsx')]);
    expect(zh.code).toBe(2);
    expect(zh.stderr.split('\n').sort()).toEqual([
      `错误：${path} [deadline]: 活动配置「deadline」缺少此项（必填）`,
      `错误：${path} [dedline]: 活动配置中没有「dedline」这一项，是否应为「deadline」？`,
    ]);
    const en = await cli(['template', '--campaign', path, '--lang', 'en', '-o', join(directory, 't.xlsx')]);
    expect(en.stderr).not.toMatch(/[\u4e00-\u9fff]/);
    expect(en.stderr).toContain('did you mean "deadline"?');
  });

  it('init writes a starter campaign that loads, and refuses to overwrite it', async () => {
    const directory = await temporaryDirectory();
    const first = await cli(['init', 'new-city'], directory);
    expect(first.code).toBe(0);
    const text = await readFile(join(directory, 'new-city', 'campaign.yaml'), 'utf8');
    expect(text).toContain('# 发文字号');
    expect(parse(text)).toMatchObject({ docNumber: '临体字〔2024〕44号' });
    const second = await cli(['init', 'new-city'], directory);
    expect(second.code).toBe(2);
    expect(second.stderr).toContain('--force');
    expect((await cli(['init', 'new-city', '--force'], directory)).code).toBe(0);
  });

  it.each([
    ['a folder outside any project', async () => temporaryDirectory()],
    [
      'a folder inside this repository',
      async () => mkdtemp(join(fileURLToPath(new URL('../../../examples/', import.meta.url)), '.init-')),
    ],
  ])('init points $schema at a file that exists from the campaign folder (%s)', async (_, makeFolder) => {
    const directory = await makeFolder();
    try {
      expect((await cli(['init', 'city'], directory)).code).toBe(0);
      const text = await readFile(join(directory, 'city', 'campaign.yaml'), 'utf8');
      const schemaPath = /^# yaml-language-server: \$schema=(\S+)$/m.exec(text)?.[1] ?? '';
      expect(schemaPath).toMatch(/^\.{1,2}\/.*campaign\.schema\.json$/);
      const schema = JSON.parse(await readFile(resolve(directory, 'city', schemaPath), 'utf8'));
      expect(schema.properties).toHaveProperty('docNumber');
    } finally {
      await rm(directory, { recursive: true, force: true });
    }
  });
});
