import { copyFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { linfen2024Campaign } from '@jianshen/schema';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { runCaptured as cli } from '../../run-captured.test-support.js';

const fixtures = fileURLToPath(new URL('../../../../aggregator/src/__fixtures__/', import.meta.url));

// A plugin file in a folder with no node_modules: it receives the kit from the loader.
const hangingPlugin = `
export default ({ definePlugin, defineRule }) =>
  definePlugin({
    name: 'hang',
    rules: {
      loops: defineRule({
        meta: { messages: {} },
        create: () => ({
          row() {
            for (;;) {}
          },
        }),
      }),
    },
  });
`;

/** A folder with gbk.csv (2 rows) and a campaign file naming `plugins`, written beside it. */
function campaignFolder(plugins: string[], files: Record<string, string> = {}): string {
  const directory = mkdtempSync(join(tmpdir(), 'jianshen-cli-plugins-'));
  copyFileSync(join(fixtures, 'gbk.csv'), join(directory, 'gbk.csv'));
  writeFileSync(join(directory, 'campaign.yaml'), stringify({ ...linfen2024Campaign, plugins }));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(directory, name), text);
  return directory;
}

interface ReportJson {
  rows: unknown[];
  issues: { path: string; field?: string; code: string; severity: string; message: string }[];
}

function reportOf(directory: string): ReportJson {
  return JSON.parse(readFileSync(join(directory, 'out', 'report.json'), 'utf8')) as ReportJson;
}

describe('a campaign plugin that fails to load', () => {
  it('aggregate leaves it out, says so, and still writes every row and output (exit 1)', async () => {
    const directory = campaignFolder(['./broken.mjs', '@jianshen/plugin-not-installed'], {
      'broken.mjs': 'export default {{{ not javascript',
    });
    const result = await cli(['aggregate', 'gbk.csv', '-c', 'campaign.yaml', '-o', 'out'], directory);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/campaign\.yaml plugins\[0\]: 错误 插件「\.\/broken\.mjs」在加载时出错：/);
    expect(result.stderr).toContain('找不到插件「@jianshen/plugin-not-installed」');
    expect(result.stderr).toContain('（该插件已略去，其余照常汇总）');
    const report = reportOf(directory);
    expect(report.rows).toHaveLength(2);
    const campaignPath = join(directory, 'campaign.yaml');
    expect(
      report.issues
        .filter((issue) => issue.path === campaignPath && issue.code.startsWith('plugin-'))
        .map((issue) => [issue.field, issue.code, issue.severity]),
    ).toEqual([
      ['plugins[0]', 'plugin-failed', 'error'],
      ['plugins[1]', 'plugin-not-found', 'error'],
    ]);
    const issuesCsv = readFileSync(join(directory, 'out', '问题清单.csv'), 'utf8');
    expect(issuesCsv).toContain('plugin-failed');
  });

  it('validate lists it with the rows’ issues', async () => {
    const directory = campaignFolder(['./broken.mjs'], {
      'broken.mjs': 'throw new Error("factory exploded")',
    });
    const result = await cli(['validate', 'gbk.csv', '-c', 'campaign.yaml', '--lang', 'en'], directory);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('Plugin "./broken.mjs" failed in loading: factory exploded');
    expect(result.stdout).toContain('2 rows read, 2 accepted');
  });

  it('notice still refuses it: a notice without the plugin’s sections would be wrong (exit 2)', async () => {
    const directory = campaignFolder(['./broken.mjs'], { 'broken.mjs': 'export default {{{' });
    const result = await cli(['notice', '-c', 'campaign.yaml', '-o', 'notice.docx'], directory);
    expect(result.code).toBe(2);
    expect(existsSync(join(directory, 'notice.docx'))).toBe(false);
  });
});

describe('jianshen aggregate --rule-budget', () => {
  it('stops a rule looping forever after the budget and reports it; the rows are delivered', async () => {
    const directory = campaignFolder(['./hang.mjs'], { 'hang.mjs': hangingPlugin });
    const started = Date.now();
    const result = await cli(
      ['aggregate', 'gbk.csv', '-c', 'campaign.yaml', '-o', 'out', '--rule-budget', '300'],
      directory,
    );
    expect(Date.now() - started).toBeLessThan(30_000);
    expect(result.code).toBe(1);
    const report = reportOf(directory);
    expect(report.rows).toHaveLength(2);
    const timeouts = report.issues.filter((issue) => issue.code === 'rule-timeout');
    expect(timeouts).toEqual([expect.objectContaining({ path: 'gbk.csv', severity: 'error' })]);
    expect(timeouts[0]?.message).toBe(
      '规则「hang/loops」在本文件上运行超过 300 毫秒，已停止；其余规则照常执行',
    );
  });

  it('validate takes it too, and a budget that is not a whole number of ms is refused (exit 2)', async () => {
    const directory = campaignFolder(['./hang.mjs'], { 'hang.mjs': hangingPlugin });
    const ok = await cli(['validate', 'gbk.csv', '-c', 'campaign.yaml', '--rule-budget', '200'], directory);
    expect(ok.code).toBe(1);
    expect(ok.stdout).toContain('(rule-timeout)');
    for (const value of ['abc', '0', '1.5', '-3', '99999999999']) {
      const refused = await cli(['aggregate', 'gbk.csv', '-o', 'out', '--rule-budget', value], directory);
      expect(refused.code).toBe(2);
      expect(refused.stderr).toContain(`--rule-budget 的取值「${value}」不是正整数毫秒数`);
    }
    expect(existsSync(join(directory, 'out'))).toBe(false);
  });
});
