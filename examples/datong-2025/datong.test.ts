import { type SpawnSyncReturns, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { aggregateFiles, writeAggregateOutputs } from '@jianshen/aggregator/node';
import { renderNotice } from '@jianshen/notice';
import { readZipText, unpackZip } from '@jianshen/ooxml';
import { resolveCampaign } from '@jianshen/plugin-kit';
import { loadCampaign } from '@jianshen/plugin-kit/node';
import { renderTemplateDocx, renderTemplateXlsx } from '@jianshen/template';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt } from '../test-support/ensure-built.js';
import { fillTemplate } from '../test-support/fill-template.js';
import input from './campaign.js';

const campaignPath = fileURLToPath(new URL('./campaign.ts', import.meta.url));
const submissions = fileURLToPath(new URL('./submissions/', import.meta.url));
const campaign = await resolveCampaign(input, { path: campaignPath });

const pluginColumns = [
  '志愿服务类别',
  '六进场所',
  '参与人数',
  '志愿者人数',
  '服务时长（小时）',
  '服务对象',
  '活动地点',
];

/** Every text in a workbook's XML parts (shared or inline strings), for "does the file say this" checks. */
function sharedStrings(bytes: Uint8Array): string {
  const parts = unpackZip(bytes);
  return Object.keys(parts)
    .filter((name) => name.startsWith('xl/') && name.endsWith('.xml'))
    .map((name) => readZipText(parts, name) ?? '')
    .join('\n');
}

describe('examples/datong-2025: a second city with three plugins and a local one', () => {
  it('resolves the plugin columns in order, with the local 活动地点 after 举办时间', () => {
    expect(campaign.fields.map((field) => field.key)).toEqual([
      'seq',
      'organizer',
      'name',
      'summary',
      'mode',
      'date',
      'venueAddress',
      'contact',
      'phone',
      'volunteerCategory',
      'outreachVenue',
      'participants',
      'volunteers',
      'serviceHours',
      'groupsServed',
      'note',
    ]);
    expect(campaign.rules.map((rule) => rule.id)).toEqual([
      '@jianshen/plugin-participation/volunteers-within-participants',
      '@jianshen/plugin-participation/plausible-hours',
      'datong-venue/venue-required',
    ]);
    expect(campaign.summaries.map((summary) => summary.id)).toEqual([
      'volunteer-category',
      'outreach-venue',
      'participation',
      'groups-served',
      'venue-district',
    ]);
  });

  it('notice: the plugin sections are numbered in the body and the columns head the attachment table', async () => {
    const document = readZipText(await renderNotice(campaign), 'word/document.xml') ?? '';
    const text = document.replace(/<[^>]+>/g, '');
    expect(text).toContain('同体字〔2025〕18号');
    // 活动要求 is section 三; the plugins' sections follow it as 四 and 五.
    expect(text).toMatch(/三、\s*活动要求/);
    expect(text).toMatch(/四、\s*活动地点/);
    expect(text).toMatch(/五、\s*统计填报/);
    for (const label of pluginColumns) expect(text).toContain(label);
  });

  it('template: the plugin columns with dropdowns, number checks and input prompts', async () => {
    const workbook = await renderTemplateXlsx(campaign);
    const strings = sharedStrings(workbook);
    const sheet = readZipText(workbook, 'xl/worksheets/sheet1.xml') ?? '';
    for (const label of pluginColumns) expect(strings).toContain(label);
    expect(sheet).toContain(
      '<formula1>&quot;社会体育指导员,体育系统工作者,优秀运动员,社区全民健身&quot;</formula1>',
    );
    expect(sheet).toContain('<formula1>&quot;机关,校园,厂矿,社区,广场,家庭&quot;</formula1>');
    expect(sheet).toMatch(/type="whole" operator="greaterThanOrEqual"[^>]*promptTitle="参与人数"/);
    expect(sheet).toMatch(/type="decimal" operator="greaterThanOrEqual"[^>]*promptTitle="服务时长（小时）"/);
    expect(sheet).toMatch(/promptTitle="服务对象" prompt="[^"]*用顿号分隔/);
    const docx = readZipText(await renderTemplateDocx(campaign), 'word/document.xml') ?? '';
    for (const label of pluginColumns) expect(docx.replace(/<[^>]+>/g, '')).toContain(label);
  });

  it('aggregation: plugin values are read, validated and checked by the plugins’ rules', async () => {
    const report = await aggregateFiles([submissions], campaign, { submittedOn: '2025-11-01' });
    const pingcheng = report.rows.filter((row) => row.unit === '平城区体育局');
    expect(
      pingcheng.map((row) => [row.volunteerCategory, row.outreachVenue, row.participants, row.groupsServed]),
    ).toEqual([
      ['社会体育指导员', '社区', 120, '老年人、社区居民'],
      ['优秀运动员', '校园', 300, '青少年'],
      ['体育系统工作者', '家庭', 1500, '职工、社区居民'],
    ]);
    // 灵丘县 wrote 教练员 / 企业 and headed the column 服务人群: aliases of the plugins.
    const lingqiu = report.rows.find((row) => row.name === '教练员进厂矿');
    expect(lingqiu).toMatchObject({
      volunteerCategory: '体育系统工作者',
      outreachVenue: '厂矿',
      groupsServed: '职工、农民',
    });
    const found = report.issues
      .filter((issue) => issue.row !== undefined)
      .map((issue) => [issue.path.split('/').pop(), issue.row, issue.field, issue.code, issue.severity]);
    expect(found).toEqual([
      ['云冈区.csv', 5, 'serviceHours', 'participation/hours-impossible', 'error'],
      ['云冈区.csv', 5, 'venueAddress', 'datong/venue-missing', 'error'],
      ['灵丘县.csv', 5, 'groupsServed', 'value-invalid', 'error'],
      ['灵丘县.csv', 6, 'volunteers', 'participation/volunteers-exceed-participants', 'warning'],
    ]);
    expect(report.summary.rowsAccepted).toBe(6);
    expect(report.summary.rowsRejected).toBe(2);
    expect(report.summary.totals).toEqual({ participants: 2485, volunteers: 82, serviceHours: 184 });
    const dimensions = Object.fromEntries(
      report.summary.dimensions.map((dimension) => [
        dimension.id,
        Object.fromEntries(
          dimension.groups.filter((group) => group.rows > 0).map((group) => [group.group, group.rows]),
        ),
      ]),
    );
    expect(dimensions).toEqual({
      'volunteer-category': { 社会体育指导员: 1, 体育系统工作者: 3, 优秀运动员: 1, 社区全民健身: 1 },
      'outreach-venue': { 校园: 1, 厂矿: 1, 社区: 2, 广场: 1, 家庭: 1 },
      'groups-served': { 老年人: 1, 残疾人: 1, 青少年: 1, 职工: 3, 农民: 1, 社区居民: 2 },
      'venue-district': { 平城区: 2, 云冈区: 1, 灵丘县: 2 },
    });
  });

  it('aggregation: the consolidated workbook has a sheet per plugin summary and the plugin totals', async () => {
    const report = await aggregateFiles([submissions], campaign, { submittedOn: '2025-11-01' });
    const out = mkdtempSync(join(tmpdir(), 'jianshen-datong-'));
    const written = await writeAggregateOutputs(report, campaign, out);
    const consolidated = written.find((path) => path.endsWith('（汇总）.xlsx'))!;
    const bytes = readFileSync(consolidated);
    const workbookXml = readZipText(bytes, 'xl/workbook.xml') ?? '';
    for (const sheet of ['按志愿服务类别', '按“六进”场所', '按服务对象', '按活动地点所在区县']) {
      expect(workbookXml).toContain(`name="${sheet}"`);
    }
    const strings = sharedStrings(bytes);
    for (const label of [...pluginColumns, '社会体育指导员', '老年人']) expect(strings).toContain(label);
  });

  it('round trip: a table filled in the generated template is read back with its plugin values', async () => {
    const filled = await fillTemplate(await renderTemplateXlsx(campaign), '浑源县体育局', [
      {
        举办单位: '浑源县体育局',
        活动名称: '恒山登山健身',
        '举办方式（线上、线下）': '线下',
        举办时间: '2025年9月20日',
        活动地点: '浑源县恒山景区',
        联系方式: '13994412345',
        志愿服务类别: '社会体育指导员',
        六进场所: '广场',
        参与人数: 200,
        志愿者人数: 12,
        '服务时长（小时）': 48,
        服务对象: '青少年、职工',
      },
    ]);
    const folder = mkdtempSync(join(tmpdir(), 'jianshen-datong-filled-'));
    writeFileSync(join(folder, '浑源县.xlsx'), filled);
    const report = await aggregateFiles([folder], campaign, { submittedOn: '2025-11-01' });
    expect(report.issues.filter((issue) => issue.row !== undefined)).toEqual([]);
    expect(report.rows).toHaveLength(1);
    expect(report.rows[0]).toMatchObject({
      unit: '浑源县体育局',
      venueAddress: '浑源县恒山景区',
      volunteerCategory: '社会体育指导员',
      outreachVenue: '广场',
      participants: 200,
      volunteers: 12,
      serviceHours: 48,
      groupsServed: '青少年、职工',
    });
  });
});

describe('examples/datong-2025/run-example.mjs: the same through the built CLI and campaign.ts', () => {
  const out = mkdtempSync(join(tmpdir(), 'jianshen-datong-example-'));
  let run: SpawnSyncReturns<string>;
  beforeAll(() => {
    ensureBuilt();
    const script = fileURLToPath(new URL('./run-example.mjs', import.meta.url));
    run = spawnSync(process.execPath, [script, '--out', out], { encoding: 'utf8' });
  }, 600_000);

  it('loads campaign.ts (plugins from their packages, the local one from its file) like the test does', async () => {
    const loaded = await loadCampaign(campaignPath);
    expect(loaded.fingerprint).toBe(campaign.fingerprint);
    expect(loaded.fields.map((field) => [field.key, field.column.kind])).toEqual(
      campaign.fields.map((field) => [field.key, field.column.kind]),
    );
  });

  it('writes the notice, the templates and the aggregation', () => {
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const report = JSON.parse(readFileSync(join(out, 'aggregate', 'report.json'), 'utf8')) as {
      issues: { code: string }[];
    };
    const codes = new Set(report.issues.map((issue) => issue.code));
    expect(codes).toContain('datong/venue-missing');
    expect(codes).toContain('participation/hours-impossible');
    const template = readFileSync(join(out, 'template.xlsx'));
    expect(sharedStrings(template)).toContain('活动地点');
    const notice = readZipText(readFileSync(join(out, 'notice.docx')), 'word/document.xml') ?? '';
    expect(notice).toContain('统计填报');
  });
});
