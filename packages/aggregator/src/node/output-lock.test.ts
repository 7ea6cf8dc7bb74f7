import { existsSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { lockOutputFolder, OutputLockedError, outputLockName } from './output-lock.js';

const scratch = mkdtempSync(join(tmpdir(), 'jianshen-output-lock-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

let folders = 0;
/** A fresh output folder holding a lock file with `content`, last written `ageMs` ago. */
function folderWithLock(content: string | Uint8Array, ageMs: number): string {
  const folder = mkdtempSync(join(scratch, `out-${folders++}-`));
  const path = join(folder, outputLockName);
  writeFileSync(path, content);
  const when = new Date(Date.now() - ageMs);
  utimesSync(path, when, when);
  return folder;
}

describe('a lock file that names no holder', () => {
  // What a run killed between creating the lock (O_EXCL) and writing its pid leaves: an empty
  // file. Nothing but deleting it by hand used to help: every later run waited, then refused.
  it('an empty lock left long ago is taken over', async () => {
    const folder = folderWithLock('', 60_000);
    const lock = await lockOutputFolder(folder, { waitMs: 500 });
    const holder = JSON.parse(readFileSync(join(folder, outputLockName), 'utf8')) as { pid: number };
    expect(holder.pid).toBe(process.pid);
    lock.release();
    expect(existsSync(join(folder, outputLockName))).toBe(false);
  });

  it('a lock of garbage bytes left long ago is taken over', async () => {
    const folder = folderWithLock(new Uint8Array([0xff, 0x00, 0x7b, 0x22, 0x9b, 0x1b]), 60_000);
    const lock = await lockOutputFolder(folder, { waitMs: 500 });
    lock.release();
  });

  it('an empty lock written a moment ago is being written by its creator: waited for, not taken', async () => {
    const folder = folderWithLock('', 0);
    const attempt = lockOutputFolder(folder, { waitMs: 300 });
    await expect(attempt).rejects.toBeInstanceOf(OutputLockedError);
    expect(readFileSync(join(folder, outputLockName), 'utf8')).toBe('');
  });
});
