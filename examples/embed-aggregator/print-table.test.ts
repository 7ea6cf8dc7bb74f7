import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt } from '../test-support/ensure-built.js';

const script = fileURLToPath(new URL('./print-table.mjs', import.meta.url));
const datong = fileURLToPath(new URL('../datong-2025/', import.meta.url));

/** Runs the script as another tool would: a plain Node process importing the built packages. */
function printTable(...args: string[]) {
  return spawnSync(process.execPath, [script, ...args], { encoding: 'utf8' });
}

describe('examples/embed-aggregator/print-table.mjs', () => {
  beforeAll(() => ensureBuilt(), 600_000);

  it('prints one aligned line per file and the totals', () => {
    const run = printTable(
      `${datong}submissions`,
      '--campaign',
      `${datong}campaign.ts`,
      '--submitted-on',
      '2025-11-01',
    );
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const lines = run.stdout.split('\n');
    expect(lines[0]).toBe('大同市体育局关于开展2025年“全民健身 志愿同行”志愿服务活动的通知');
    expect(lines.slice(2, 8)).toEqual([
      '文件        单位                    状态    读取  有效  退回  错误  警告',
      '──────────  ──────────────────────  ──────  ────  ────  ────  ────  ────',
      '云冈区.csv  云冈区文化和旅游局      已读取     2     1     1     2     0',
      '平城区.csv  平城区体育局            已读取     3     3     0     0     0',
      '灵丘县.csv  灵丘县体育运动发展中心  已读取     3     2     1     1     1',
      '合计                                           8     6     2     3     8',
    ]);
  });

  it('prints the plugin totals by unit and the units that have not submitted', () => {
    const run = printTable(`${datong}submissions`, '--campaign', `${datong}campaign.ts`, '--lang', 'en');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(
      'Unit                    Activities  Participants  Volunteers  Service hours',
    );
    expect(run.stdout).toContain(
      '平城区体育局                     3          1920          16             32',
    );
    expect(run.stdout).toContain('Not submitted: 新荣区, 云州区, 阳高县, 天镇县, 广灵县, 浑源县, 左云县');
  });

  it('reports an unreadable folder as an issue rather than crashing', () => {
    const run = printTable(fileURLToPath(new URL('./no-such-folder', import.meta.url)));
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('临汾市体育局');
  });
});
