import { copyFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { aggregateSources, collectReport, resolveLimits, streamAggregate } from '@jianshen/aggregator';
import { aggregateFiles } from '@jianshen/aggregator/node';
import { type ResolvedCampaign, resolveCampaign } from '@jianshen/plugin-kit';
import { loadCampaign } from '@jianshen/plugin-kit/node';
import { linfen2024Campaign } from '@jianshen/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { corruptZip, formulaInjectionWorkbook, goodWorkbook, zipBomb } from '../hostile/hostile-files.js';
import { submissionSheet, validRow } from '../hostile/submission.js';
import { buildXlsx } from '../hostile/workbook-bytes.js';
import { readBounded } from './aggregate-files.js';
import { createFileRowStore } from './file-row-store.js';
import { writeWorkerBootstrap } from './worker-bootstrap.test-support.js';
import { createReadPool, type DiskSource, defaultWorkerFile, prepareOnPool } from './worker-pool.js';

const root = fileURLToPath(new URL('../../../../', import.meta.url));
let scratch: string;
let bootstrap: string;
let campaign: ResolvedCampaign;
const files: string[] = [];

beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'jianshen-pool-'));
  bootstrap = await writeWorkerBootstrap(scratch, 'read-worker.ts');
  campaign = await loadCampaign(undefined);
  const inputs: [string, Uint8Array][] = [
    ['尧都区.xlsx', goodWorkbook('尧都区', 5)],
    // Second: the first file is prepared on the main thread, the next by a worker.
    ['大宁县.xlsx', bidiWorkbook('大宁县', 6)],
    ['古县.xlsx', goodWorkbook('古县', 7)],
    ['坏文件.xlsx', corruptZip()],
    ['乡宁县.xlsx', formulaInjectionWorkbook()],
    ['炸弹.xlsx', zipBomb({ gigabytes: 1, honest: true })],
    ['吉县.xlsx', goodWorkbook('吉县', 3)],
    ['蒲县.xlsx', goodWorkbook('蒲县', 4)],
    ['重复.xlsx', goodWorkbook('尧都区', 2)],
  ];
  for (const [name, data] of inputs) {
    const path = join(scratch, name);
    await writeFile(path, data);
    files.push(path);
  }
}, 120_000);
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

/** Rows whose names hold bidi controls, which the spilled lines carry as `\u` escapes. */
function bidiWorkbook(unit: string, count: number): Uint8Array {
  const rows = Array.from({ length: count }, (_, index) => {
    const row = validRow(index + 1, unit);
    row[2] = `gpj.\u202eexe 第${index + 1}场 \u2066“健步走”\u2069`;
    return row;
  });
  return buildXlsx({ sheets: [submissionSheet(unit, rows)], sharedStrings: true });
}

/** Every line of a row store's report rows, as one text. */
async function spilledJson(store: ReturnType<typeof createFileRowStore>): Promise<string> {
  const decoder = new TextDecoder();
  let text = '';
  for await (const line of store.readJson?.() ?? []) text += `${decoder.decode(line)}\n`;
  return text;
}

function diskSources(): DiskSource[] {
  const limits = resolveLimits();
  return files.map((path) => ({
    path: path.slice(scratch.length + 1),
    absolutePath: path,
    modified: new Date('2024-05-20T00:00:00Z'),
    load: () => readBounded(path, limits.maxFileBytes),
  }));
}

describe('read pool', () => {
  it('is not used from src/ without a built worker, so the tests read on the main thread', () => {
    expect(defaultWorkerFile()).toBeUndefined();
  });

  it('prepares files on worker threads and the merged report is the same as on one thread', async () => {
    const pool = createReadPool(campaign, { size: 2, workerFile: bootstrap });
    expect(pool).toBeDefined();
    if (!pool) return;
    try {
      // Workers ready first, so that they (not the main thread) take the files.
      expect(await pool.started).toBe(true);
      const pooled = prepareOnPool(diskSources(), pool, campaign, {
        window: 3,
        limits: resolveLimits(),
      });
      const parallel = await aggregateSources(pooled, campaign, { lang: 'zh' });
      const single = await aggregateSources(diskSources(), campaign, { lang: 'zh' });
      expect(JSON.stringify(parallel)).toBe(JSON.stringify(single));
      expect(single.summary.rowsAccepted).toBeGreaterThan(20);
      expect(single.files.filter((file) => file.status !== 'ok')).toHaveLength(2);
      // Both workers took files; the main thread took what no worker had started.
      expect(pool.completed().every((count) => count > 0)).toBe(true);
      expect(pool.completed().reduce((sum, count) => sum + count, 0)).toBeLessThan(files.length);
    } finally {
      await pool.close();
    }
  });

  it('does not start when the workers would load a different campaign; the main thread does the work', async () => {
    const changed = await resolveCampaign({
      ...linfen2024Campaign,
      period: { start: '2024-01-01', end: '2024-12-31' },
    });
    const pool = createReadPool(changed, { size: 1, workerFile: bootstrap });
    expect(await pool?.started).toBe(false);
    // The files are then all prepared on the main thread, with the same result.
    if (pool) {
      const pooled = prepareOnPool(diskSources(), pool, changed, {
        window: 3,
        limits: resolveLimits(),
      });
      const report = await aggregateSources(pooled, changed, { lang: 'zh' });
      expect(report.summary.rowsRead).toBeGreaterThan(20);
      expect(pool.completed()).toEqual([0]);
      await pool.close();
    }
  });

  it('aggregateFiles gives the same report with threads: 1 and the default', async () => {
    const single = await aggregateFiles([scratch], campaign, { lang: 'zh', cwd: scratch, threads: 1 });
    const parallel = await aggregateFiles([scratch], campaign, { lang: 'zh', cwd: scratch });
    expect(JSON.stringify(parallel)).toBe(JSON.stringify(single));
    // Listed, not read: a script is no kind of submission.
    expect(single.files.find((file) => file.path === 'read-worker-bootstrap.mjs')).toMatchObject({
      status: 'ignored',
      ignoredReason: 'other-type',
    });
  });
});

describe('rows packed by the workers (the file row store)', () => {
  const merged = async (subject: ResolvedCampaign, pooled: boolean) => {
    const pool = pooled ? createReadPool(subject, { size: 1, workerFile: bootstrap }) : undefined;
    if (pooled) expect(await pool?.started).toBe(true);
    const sources = pool
      ? prepareOnPool(diskSources(), pool, subject, {
          window: 4,
          limits: resolveLimits(),
          pack: { withRules: subject.rules.length > 0 },
        })
      : diskSources();
    const store = createFileRowStore({ directory: scratch });
    try {
      const streamed = await streamAggregate(sources, subject, { lang: 'zh', store });
      const spilled = await spilledJson(store);
      // The last file asked for, the pool is closed: its workers are gone before the outputs.
      if (pool) expect(pool.completed()[0]).toBeGreaterThan(0);
      return { spilled, report: JSON.stringify(await collectReport(streamed)) };
    } finally {
      await store.dispose();
      await pool?.close();
    }
  };

  it('stores the same lines and makes the same report as one thread, bidi controls escaped', async () => {
    const single = await merged(campaign, false);
    const parallel = await merged(campaign, true);
    expect(parallel.spilled).toBe(single.spilled);
    expect(parallel.report).toBe(single.report);
    expect(single.spilled).toContain('\\u202e');
    expect(single.report).toContain('\u202e');
  });

  it('with plugin rules and summaries: the rules read what the workers packed', async () => {
    const folder = join(scratch, 'rules');
    await mkdir(folder, { recursive: true });
    await copyFile(
      join(root, 'examples/plugin-outside-repo/fitness-test.mjs'),
      join(folder, 'fitness-test.mjs'),
    );
    const campaignPath = join(folder, 'campaign.json');
    await writeFile(campaignPath, JSON.stringify({ ...linfen2024Campaign, plugins: ['./fitness-test.mjs'] }));
    const withRules = await loadCampaign(campaignPath);
    expect(withRules.rules.length).toBeGreaterThan(0);
    const single = await merged(withRules, false);
    const parallel = await merged(withRules, true);
    expect(parallel.spilled).toBe(single.spilled);
    expect(parallel.report).toBe(single.report);
    expect(JSON.parse(single.report).summary.rowsAccepted).toBeGreaterThan(20);
  });
});

describe('a read pool over a campaign whose plugin factory never settles', () => {
  it('starts its workers at once: they take the main thread’s verdict, not another 30 s each', async () => {
    const folder = join(scratch, 'never');
    await mkdir(folder, { recursive: true });
    await writeFile(join(folder, 'never.mjs'), 'export default () => new Promise(() => {});\n');
    const campaignPath = join(folder, 'campaign.json');
    await writeFile(campaignPath, JSON.stringify({ ...linfen2024Campaign, plugins: ['./never.mjs'] }));
    const loaded = await loadCampaign(campaignPath, { pluginFailures: 'report', pluginLoadTimeoutMs: 300 });
    expect(loaded.issues?.map((issue) => [issue.code, issue.field])).toEqual([
      ['plugin-failed', 'plugins[0]'],
    ]);
    const started = performance.now();
    const pool = createReadPool(loaded, { size: 2, workerFile: bootstrap });
    try {
      // Before: each worker loaded the plugin again and waited the whole default timeout (30 s).
      expect(await pool?.started).toBe(true);
      expect(performance.now() - started).toBeLessThan(25_000);
      const [first] = files;
      const ticket = pool?.prepare({ path: first ?? '', shown: '尧都区.xlsx', limits: resolveLimits() });
      const prepared = await ticket?.result;
      expect(prepared?.rows).toHaveLength(5);
    } finally {
      await pool?.close();
    }
  }, 60_000);
});
