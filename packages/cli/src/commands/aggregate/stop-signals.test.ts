import { spawn, spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { linfen2024Campaign } from '@jianshen/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { ensureBuilt, repoRoot } from '../../../../../examples/test-support/ensure-built.js';
import { exited, outputsIn } from './cli-process.test-support.js';

// `jianshen aggregate` as users run it (the built bin, its own process) while plugin code is stuck
// in an endless loop under a budget far too large to wait for: Ctrl+C and SIGTERM must still stop
// it within seconds, remove the row spill, release the output lock and leave the previous outputs.
const bin = join(repoRoot, 'packages', 'cli', 'bin', 'jianshen.js');
const scratch = mkdtempSync(join(tmpdir(), 'jianshen-stop-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const posix = process.platform !== 'win32';
if (!posix) console.warn('Windows has no SIGINT/SIGTERM for child processes: the signal tests are skipped');

/** A plugin whose `place` loops forever; it first writes `entered` so the test knows it is inside. */
function loopingPlugin(place: 'rule' | 'schema' | 'summary'): string {
  const loop = `writeFileSync(${JSON.stringify(join(scratch, 'entered'))}, String(process.pid)); for (;;) {}`;
  const parts = {
    rule: `rules: { loops: defineRule({ meta: { messages: {} }, create: () => ({ row() { ${loop} } }) }) },`,
    schema: `fields: [{ key: 'venue', label: '场地', schema: z.string().optional().refine(() => { ${loop} }) }],`,
    summary: `summaries: [{ id: 'stuck', label: { zh: '卡住', en: 'Stuck' }, groupBy: () => { ${loop} } }],`,
  };
  return `import { writeFileSync } from 'node:fs';
export default ({ definePlugin, defineRule, z }) => definePlugin({ name: 'stuck-${place}', ${parts[place]} });
`;
}

// Two activities with the plugin column 场地 filled (a schema runs only on a filled cell).
const county = [
  '2024年全民健身志愿服务活动统计表',
  '单位名称（盖章）：曲沃县文化旅游局',
  '序号,举办单位,活动名称,活动简介,举办方式（线上、线下）,举办时间,联系人,联系方式,场地,备注',
  '1,曲沃县体育中心,乒乓球公益培训,青少年培训,线下,2024-06-01,郑雪,0357-7012345,体育馆,',
  '2,曲沃县太极拳协会,太极拳推广,公园教学,线上+线下,2024/6/22,冯涛,0357 7023456,公园,周末',
].join('\n');

/** A folder with county.csv, a plain campaign and one whose plugin loops in `place`. */
function campaignFolder(place: 'rule' | 'schema' | 'summary'): string {
  const directory = mkdtempSync(join(scratch, `${place}-`));
  writeFileSync(join(directory, 'county.csv'), county);
  writeFileSync(join(directory, 'plain.yaml'), stringify(linfen2024Campaign));
  writeFileSync(
    join(directory, 'stuck.yaml'),
    stringify({ ...linfen2024Campaign, plugins: ['./stuck.mjs'] }),
  );
  writeFileSync(join(directory, 'stuck.mjs'), loopingPlugin(place));
  mkdirSync(join(directory, 'tmp'));
  return directory;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until(check: () => boolean, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (check()) return true;
    await sleep(25);
  }
  return check();
}

beforeAll(() => {
  ensureBuilt();
}, 300_000);

describe('jianshen aggregate stopped while plugin code loops forever', () => {
  for (const [place, signal] of [
    ['rule', 'SIGINT'],
    ['rule', 'SIGTERM'],
    ['schema', 'SIGINT'],
    ['summary', 'SIGTERM'],
  ] as const) {
    it.skipIf(!posix)(
      `${signal} in a ${place}: ends within seconds, spill removed, lock released, previous outputs kept`,
      async () => {
        const directory = campaignFolder(place);
        const env = { ...process.env, TMPDIR: join(directory, 'tmp') };
        const first = spawnSync(
          process.execPath,
          [bin, 'aggregate', 'county.csv', '-c', 'plain.yaml', '-o', 'out'],
          {
            cwd: directory,
            env,
            encoding: 'utf8',
          },
        );
        expect(first.status, first.stderr).toBe(0);
        const previous = outputsIn(join(directory, 'out'));
        rmSync(join(scratch, 'entered'), { force: true });
        const args = ['aggregate', 'county.csv', '-c', 'stuck.yaml', '-o', 'out', '--rule-budget', '600000'];
        const child = spawn(process.execPath, [bin, ...args], { cwd: directory, env, stdio: 'ignore' });
        const ended = exited(child);
        expect(await until(() => existsSync(join(scratch, 'entered')), 60_000)).toBe(true);
        await sleep(200);
        const lock = join(directory, 'out', '.jianshen-aggregate.lock');
        expect(existsSync(lock)).toBe(true);
        const sent = Date.now();
        child.kill(signal);
        const outcome = await Promise.race([ended, sleep(10_000).then(() => 'still running' as const)]);
        if (outcome === 'still running') child.kill('SIGKILL');
        expect(outcome).not.toBe('still running');
        expect(Date.now() - sent).toBeLessThan(10_000);
        // Ctrl+C: our handler cleaned up and exited 130; SIGTERM ended it at once, the reaper cleans up.
        if (signal === 'SIGINT') expect(outcome).toEqual({ code: 130, signal: null });
        const spills = () =>
          readdirSync(join(directory, 'tmp')).filter((name) => name.startsWith('jianshen-rows-'));
        expect(await until(() => !existsSync(lock) && spills().length === 0, 5_000)).toBe(true);
        expect(outputsIn(join(directory, 'out'))).toEqual(previous);
      },
      120_000,
    );
  }
});

describe('jianshen aggregate with a plugin column or summary looping forever', () => {
  it('stops it after --rule-budget, reports it, delivers every row and writes the outputs', () => {
    for (const place of ['schema', 'summary'] as const) {
      const directory = campaignFolder(place);
      const args = ['aggregate', 'county.csv', '-c', 'stuck.yaml', '-o', 'out', '--rule-budget', '300'];
      const result = spawnSync(process.execPath, [bin, ...args], {
        cwd: directory,
        encoding: 'utf8',
        timeout: 60_000,
      });
      expect(result.signal, `${place}: the CLI hung`).toBeNull();
      expect(result.status, result.stderr).toBe(1);
      const report = JSON.parse(readFileSync(join(directory, 'out', 'report.json'), 'utf8')) as {
        rows: unknown[];
        issues: { code: string; message: string }[];
      };
      expect(report.rows).toHaveLength(2);
      const stopped = report.issues.filter((issue) => issue.code === 'plugin-timeout');
      expect(stopped).toHaveLength(1);
      expect(stopped[0]?.message).toMatch(new RegExp(`^插件「stuck-${place}」的.+运行超过 300 毫秒，已停止`));
    }
  }, 120_000);
});
