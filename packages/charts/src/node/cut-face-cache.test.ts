import { chmod, mkdtemp, readdir, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openCutFaceCache } from './cut-face-cache.js';
import type { FontLocation } from './locate-font.js';

let temporary: string;
let previousTmpdir: string | undefined;
let faces: FontLocation[];
const cut = [new Uint8Array([1, 2, 3]), new Uint8Array([4, 5])];

beforeEach(async () => {
  temporary = await mkdtemp(join(tmpdir(), 'cut-face-cache-test-'));
  previousTmpdir = process.env.TMPDIR;
  // os.tmpdir() reads TMPDIR each time: the cache's folder is made inside this test's folder.
  process.env.TMPDIR = temporary;
  const regular = join(temporary, 'Regular.ttc');
  const bold = join(temporary, 'Bold.ttc');
  await writeFile(regular, 'regular face');
  await writeFile(bold, 'bold face');
  faces = [
    { file: regular, index: 2 },
    { file: bold, index: 2 },
  ];
});

afterEach(async () => {
  if (previousTmpdir === undefined) delete process.env.TMPDIR;
  else process.env.TMPDIR = previousTmpdir;
  await rm(temporary, { recursive: true, force: true });
});

/** The cache's own folder inside the test's. */
async function cacheFolder(): Promise<string> {
  const [name] = (await readdir(temporary)).filter((entry) => entry.startsWith('jianshen-chart-faces-'));
  return join(temporary, name as string);
}

describe('faces cut for a set of characters', () => {
  it('are found by the next run for the same faces and characters, byte for byte', async () => {
    const first = await openCutFaceCache(faces, '临汾市尧都区');
    expect(await first?.find()).toBeUndefined();
    const files = (await first?.keep(cut)) ?? [];
    expect(files).toHaveLength(2);
    const again = await openCutFaceCache(faces, '临汾市尧都区');
    const found = (await again?.find()) ?? [];
    expect(found).toEqual(files);
    expect([...(await readFile(found[0] as string))]).toEqual([1, 2, 3]);
    expect([...(await readFile(found[1] as string))]).toEqual([4, 5]);
  });

  it('are not found for other characters, another face index or a face file that changed', async () => {
    await (await openCutFaceCache(faces, '临汾市'))?.keep(cut);
    expect(await (await openCutFaceCache(faces, '临汾市县'))?.find()).toBeUndefined();
    const otherIndex = faces.map((face) => ({ ...face, index: 0 }));
    expect(await (await openCutFaceCache(otherIndex, '临汾市'))?.find()).toBeUndefined();
    await writeFile((faces[0] as FontLocation).file, 'regular face, a newer version');
    expect(await (await openCutFaceCache(faces, '临汾市'))?.find()).toBeUndefined();
  });

  it('are never kept in a folder others may write to', async () => {
    await (await openCutFaceCache(faces, '临汾市'))?.keep(cut);
    const folder = await cacheFolder();
    await chmod(folder, 0o777);
    expect(await openCutFaceCache(faces, '临汾市')).toBeUndefined();
    await chmod(folder, 0o700);
    expect(await (await openCutFaceCache(faces, '临汾市'))?.find()).toHaveLength(2);
  });

  it('forget the least recently used sets beyond 32 once unused for a day, never sooner', async () => {
    for (let set = 0; set < 40; set++) await (await openCutFaceCache(faces, `第${set}县`))?.keep(cut);
    const folder = await cacheFolder();
    expect(await readdir(folder)).toHaveLength(80);
    // The first ten sets were last used two days ago, the first the longest ago.
    const twoDaysAgo = Date.now() - 2 * 24 * 60 * 60 * 1000;
    for (let set = 0; set < 10; set++) {
      const files = (await (await openCutFaceCache(faces, `第${set}县`))?.find()) ?? [];
      const used = new Date(twoDaysAgo + set * 1000);
      for (const file of files) await utimes(file, used, used);
    }
    await (await openCutFaceCache(faces, '第40县'))?.keep(cut);
    // 41 sets: the nine oldest beyond 32 go; the tenth old one is among the 32 kept.
    expect(await readdir(folder)).toHaveLength(64);
    expect(await (await openCutFaceCache(faces, '第8县'))?.find()).toBeUndefined();
    expect(await (await openCutFaceCache(faces, '第9县'))?.find()).toHaveLength(2);
    expect(await (await openCutFaceCache(faces, '第39县'))?.find()).toHaveLength(2);
  });
});
