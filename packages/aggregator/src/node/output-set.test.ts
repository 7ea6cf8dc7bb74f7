import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { recoverOutputSet } from './output-set.js';

const scratch = mkdtempSync(join(tmpdir(), 'jianshen-recover-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

// Process ids no process has: the largest Linux allows is 4,194,304.
const deadPid = 4_194_999;

describe('what a dead run left in the output folder', () => {
  it('removes its temporaries in both namings, and never a file of the user', () => {
    const folder = join(scratch, 'out');
    mkdirSync(folder);
    const leftovers = [
      `report.json.${deadPid}.tmp`,
      // Probe: `<name>.<pid>.<ms>.tmp` (an older version's naming) was read as the name
      // `问题清单.csv.<pid>` and the pid `<ms>`, matched no output and stayed for good.
      `问题清单.csv.${deadPid}.1700000000000.tmp`,
      `.jianshen-outputs.json.${deadPid}.tmp`,
      `.jianshen-staging-${deadPid}-abcdef`,
    ];
    const users = ['notes.tmp', 'report.json.tmp', '统计表.2024.tmp', 'report.json', '问题清单.csv'];
    for (const name of [...leftovers, ...users]) writeFileSync(join(folder, name), 'x');
    recoverOutputSet(folder, ['report.json', '问题清单.csv']);
    expect(readdirSync(folder).sort()).toEqual([...users].sort());
  });
});
