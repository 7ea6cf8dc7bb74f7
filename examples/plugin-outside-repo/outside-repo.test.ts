import { type SpawnSyncReturns, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readZipText, unpackZip } from '@jianshen/ooxml';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt } from '../test-support/ensure-built.js';
import { fillTemplate } from '../test-support/fill-template.js';

/** The built CLI, as a user who installed @jianshen/cli runs it. */
function cliBin(): string {
  const require = createRequire(import.meta.url);
  const packageJson = require.resolve('@jianshen/cli/package.json');
  const { bin } = JSON.parse(readFileSync(packageJson, 'utf8')) as { bin: Record<string, string> };
  return resolve(dirname(packageJson), bin.jianshen!);
}

/** All text in a zip's XML parts (shared strings, inline strings, document text). */
function xmlText(bytes: Uint8Array, prefix: string): string {
  const parts = unpackZip(bytes);
  return Object.keys(parts)
    .filter((name) => name.startsWith(prefix) && name.endsWith('.xml'))
    .map((name) => readZipText(parts, name) ?? '')
    .join('\n');
}

// The bureau's folder lives outside the repository and has no node_modules: only the campaign and the plugin file.
const folder = mkdtempSync(join(tmpdir(), 'jianshen-outside-'));
let jianshen: (...args: string[]) => SpawnSyncReturns<string>;

interface Report {
  rows: Record<string, unknown>[];
  issues: { path: string; row?: number; field?: string; code: string; severity: string; message: string }[];
  summary: {
    totals: Record<string, number>;
    dimensions: { id: string; label: string; plugin: string; groups: { group: string; rows: number }[] }[];
  };
}

describe('a plugin written outside this repo, as a plain .mjs file next to a campaign YAML', () => {
  beforeAll(() => {
    ensureBuilt();
    for (const name of ['campaign.yaml', 'fitness-test.mjs']) {
      copyFileSync(fileURLToPath(new URL(`./${name}`, import.meta.url)), join(folder, name));
    }
    const bin = cliBin();
    jianshen = (...args) => spawnSync(process.execPath, [bin, ...args], { cwd: folder, encoding: 'utf8' });
  }, 600_000);

  it('runs from a folder with nothing installed', () => {
    expect(existsSync(join(folder, 'node_modules'))).toBe(false);
    expect(folder.startsWith(fileURLToPath(new URL('../..', import.meta.url)))).toBe(false);
  });

  it('adds its column to the template and to the notice’s attachment table', () => {
    const template = jianshen('template', '--campaign', 'campaign.yaml', '-o', 'template.xlsx');
    expect(template.stderr).toBe('');
    expect(template.status).toBe(0);
    const workbook = readFileSync(join(folder, 'template.xlsx'));
    const text = xmlText(workbook, 'xl/');
    expect(text).toContain('体质测试人数');
    // The zod schema (whole number ≥ 0) becomes Excel validation with the plugin's hint as the prompt.
    expect(text).toMatch(/type="whole" operator="greaterThanOrEqual"[^>]*promptTitle="体质测试人数"/);
    expect(text).toContain('活动中为群众做国民体质测定的人数');
    const notice = jianshen('notice', '--campaign', 'campaign.yaml', '-o', 'notice.docx');
    expect(notice.status).toBe(0);
    expect(xmlText(readFileSync(join(folder, 'notice.docx')), 'word/').replace(/<[^>]+>/g, '')).toContain(
      '体质测试人数',
    );
  });

  describe('aggregating a county’s table filled in that template', () => {
    let report: Report;
    let aggregate: SpawnSyncReturns<string>;
    beforeAll(async () => {
      const base = { 联系方式: '13835812345', '举办方式（线上、线下）': '线下' };
      const filled = await fillTemplate(readFileSync(join(folder, 'template.xlsx')), '孝义市体育局', [
        {
          ...base,
          举办单位: '孝义市体育中心',
          活动名称: '国民体质测定进社区',
          举办时间: '2025年6月14日',
          体质测试人数: 86,
        },
        { ...base, 举办单位: '孝义市体育中心', 活动名称: '社区体质监测服务', 举办时间: '2025年7月5日' },
        {
          ...base,
          举办单位: '孝义市老年体协',
          活动名称: '健步走',
          举办时间: '2025年8月8日',
          体质测试人数: 0,
        },
        {
          ...base,
          举办单位: '孝义市体育中心',
          活动名称: '体质测定周',
          举办时间: '2025年9月1日',
          体质测试人数: '很多',
        },
      ]);
      mkdirSync(join(folder, 'submissions'), { recursive: true });
      writeFileSync(join(folder, 'submissions', '孝义市.xlsx'), filled);
      aggregate = jianshen(
        'aggregate',
        '--campaign',
        'campaign.yaml',
        'submissions',
        '--out',
        'out',
        '--submitted-on',
        '2025-11-01',
      );
      report = JSON.parse(readFileSync(join(folder, 'out', 'report.json'), 'utf8')) as Report;
    }, 120_000);

    it('exits with 1 because one value is not a number', () => {
      expect(aggregate.stderr).toBe('');
      expect(aggregate.status).toBe(1);
    });

    it('reads and validates the plugin’s values', () => {
      expect(report.rows.map((row) => [row.name, row.fitnessTests])).toEqual([
        ['国民体质测定进社区', 86],
        ['社区体质监测服务', undefined],
        ['健步走', 0],
      ]);
      const invalid = report.issues.find((issue) => issue.code === 'value-invalid');
      expect(invalid).toMatchObject({
        field: 'fitnessTests',
        severity: 'error',
        path: 'submissions/孝义市.xlsx',
      });
      expect(invalid?.message).toContain('须为数字');
    });

    it('puts its rule’s issue in report.json with its code', () => {
      const ruleIssues = report.issues.filter((issue) => issue.code === 'fitness/tests-missing');
      expect(ruleIssues).toHaveLength(1);
      expect(ruleIssues[0]).toMatchObject({
        path: 'submissions/孝义市.xlsx',
        field: 'fitnessTests',
        severity: 'warning',
        message: '「社区体质监测服务」是体质测试活动，请填写体质测试人数',
      });
      expect(ruleIssues[0]?.row).toBeGreaterThan(0);
    });

    it('shows its summary in report.json and in the consolidated workbook', () => {
      expect(report.summary.totals).toEqual({ fitnessTests: 86 });
      expect(report.summary.dimensions).toEqual([
        {
          id: 'fitness-test',
          label: '体质测试',
          plugin: 'lvliang-fitness-test',
          groups: [
            expect.objectContaining({ group: '开展体质测试', rows: 1, totals: { fitnessTests: 86 } }),
            expect.objectContaining({ group: '未开展体质测试', rows: 2, totals: { fitnessTests: 0 } }),
          ],
        },
      ]);
      const workbook = readFileSync(
        join(folder, 'out', '2025年全民健身志愿服务进社区活动统计表（汇总）.xlsx'),
      );
      expect(readZipText(workbook, 'xl/workbook.xml')).toContain('name="按体质测试"');
      const text = xmlText(workbook, 'xl/worksheets/');
      for (const label of ['开展体质测试', '未开展体质测试', '体质测试人数', 'fitness/tests-missing']) {
        expect(text).toContain(label);
      }
    });
  });
});
