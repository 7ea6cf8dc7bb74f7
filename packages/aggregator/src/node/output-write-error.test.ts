import type * as fs from 'node:fs';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { aggregate } from '../aggregate.js';
import { linfenCampaign } from '../fixtures.test-support.js';
import { csvHead, validRow } from '../hostile/submission.js';
import { lockOutputFolder, outputLockName } from './output-lock.js';
import { OutputWriteError } from './output-write-error.js';
import { writeAggregateOutputs } from './write-outputs.js';

// A full disk, made on demand: every write fails as the system fails it (ENOSPC) while `full`.
const disk = vi.hoisted(() => ({ full: false }));
vi.mock('node:fs', async (original) => {
  const actual = await original<typeof fs>();
  const writeSync = ((...args: Parameters<typeof actual.writeSync>) => {
    if (disk.full) {
      throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    }
    return (actual.writeSync as (...rest: unknown[]) => number)(...args);
  }) as typeof actual.writeSync;
  return { ...actual, writeSync, default: { ...actual, writeSync } };
});

const scratch = mkdtempSync(join(tmpdir(), 'jianshen-full-disk-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
afterEach(() => {
  disk.full = false;
});

async function report() {
  const csv = [...csvHead('尧都区体育局'), validRow(1, '尧都区').join(',')].join('\n');
  return aggregate([{ path: '尧都区.csv', data: new TextEncoder().encode(csv) }], await linfenCampaign());
}

function contents(folder: string): Record<string, string> {
  const found: Record<string, string> = {};
  for (const name of readdirSync(folder).sort()) found[name] = readFileSync(join(folder, name), 'latin1');
  return found;
}

describe('a full disk while the outputs are written', () => {
  // Probe on a 260 KB tmpfs: the old set stayed whole (good) but the CLI said only
  // "错误：ENOSPC: no space left on device, write", in English, naming no folder.
  it('keeps the previous set and says so in Chinese, naming the folder', async () => {
    const out = join(scratch, 'set');
    const campaign = await linfenCampaign();
    await writeAggregateOutputs(await report(), campaign, out);
    const before = contents(out);
    const lock = await lockOutputFolder(out);
    disk.full = true;
    const attempt = writeAggregateOutputs(await report(), campaign, out, { lock, maskPhone: true });
    await expect(attempt).rejects.toBeInstanceOf(OutputWriteError);
    await expect(attempt).rejects.toThrow(`无法写入输出目录 ${out}：磁盘空间不足；原有的输出未改动`);
    disk.full = false;
    lock.release();
    expect(contents(out)).toEqual(before);
  });

  it('a lock that cannot be written is refused the same way, and leaves no empty lock behind', async () => {
    const out = join(scratch, 'lock');
    disk.full = true;
    const attempt = lockOutputFolder(out, { lang: 'en' });
    await expect(attempt).rejects.toThrow(`Cannot write to the output folder ${out}: the disk is full`);
    expect(existsSync(join(out, outputLockName))).toBe(false);
  });
});
