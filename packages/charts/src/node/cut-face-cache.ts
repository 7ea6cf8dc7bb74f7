import { createHash } from 'node:crypto';
import { lstat, mkdir, readdir, rename, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FontLocation } from './locate-font.js';
import { subsetterFile } from './subset-face.js';

/**
 * Faces cut for a set of characters, kept between runs. A bureau runs the job again each time a
 * county sends a corrected file, and its charts draw the same characters every time (the units'
 * names, the campaign's titles, the months): cutting them again cost each run 0.17 s of the main
 * thread and 14,000 page faults (reading two 16 MB faces into hb-subset's memory, compiling it),
 * a tenth of the 20-file batch's whole job (bench/README.md, eighteenth round).
 *
 * An entry is named by a hash of everything the cut depends on: each face's file, index, size and
 * time, hb-subset's file and size, the cut's version (its flags, below) and the characters. It is
 * written under a temporary name and renamed, so a reader finds it whole or not at all. The
 * folder is the user's own (made 0700, refused if another user owns it or others may write it):
 * a font planted by someone else is never drawn with.
 */
export interface CutFaceCache {
  /** The kept faces' files, in the faces' order, if every one is there. */
  find(): Promise<string[] | undefined>;
  /** Keeps cut faces; gives their files. */
  keep(cut: readonly Uint8Array[]): Promise<string[]>;
}

// Raised whenever `cutFaces` cuts differently (its flags, what it keeps).
const cutVersion = 1;
// Entries kept (~25–35 KB for two faces); older ones go once unused for a day, never sooner:
// a run in another process may be about to open them.
const keptEntries = 32;
const unusedForMs = 24 * 60 * 60 * 1000;
const folderPrefix = 'jianshen-chart-faces-';

/** The user's cache folder, or undefined when it cannot be trusted or made. */
async function cacheFolder(): Promise<string | undefined> {
  const user = process.getuid?.();
  const folder = join(tmpdir(), `${folderPrefix}${user ?? 'user'}`);
  try {
    await mkdir(folder, { mode: 0o700, recursive: true });
    const info = await lstat(folder);
    if (!info.isDirectory()) return undefined;
    // Windows has no uid and gives every user a temporary folder of their own.
    if (user !== undefined && (info.uid !== user || (info.mode & 0o022) !== 0)) return undefined;
    return folder;
  } catch {
    return undefined;
  }
}

async function entryKey(faces: readonly FontLocation[], characters: string): Promise<string> {
  const files = await Promise.all(
    [...faces.map((face) => face.file), subsetterFile()].map(async (file) => {
      const info = await stat(file);
      return { file, size: info.size, time: info.mtimeMs };
    }),
  );
  const indexes = faces.map((face) => face.index);
  const identity = JSON.stringify({ cutVersion, files, indexes, characters });
  return createHash('sha256').update(identity).digest('hex').slice(0, 32);
}

/** The entry a file in the folder belongs to (`<key>-<position>.otf`, or its temporary name). */
const entryOf = (name: string) => name.split('-')[0] ?? name;

/** Removes the least recently used entries beyond `keptEntries`, if unused for a day. */
async function evict(folder: string): Promise<void> {
  const names = await readdir(folder);
  const used = new Map<string, number>();
  for (const name of names) {
    const time = await stat(join(folder, name)).then(
      (info) => info.mtimeMs,
      () => 0,
    );
    const key = entryOf(name);
    used.set(key, Math.max(used.get(key) ?? 0, time));
  }
  const now = Date.now();
  const stale = [...used]
    .sort((first, second) => second[1] - first[1])
    .slice(keptEntries)
    .filter(([, time]) => now - time > unusedForMs)
    .map(([key]) => key);
  const removed = names.filter((name) => stale.includes(entryOf(name)));
  await Promise.all(removed.map((name) => rm(join(folder, name), { force: true })));
}

/** The cache for cutting `faces` to `characters`, or undefined when there is no usable folder. */
export async function openCutFaceCache(
  faces: readonly FontLocation[],
  characters: string,
): Promise<CutFaceCache | undefined> {
  const folder = await cacheFolder();
  if (!folder) return undefined;
  const key = await entryKey(faces, characters).catch(() => undefined);
  if (!key) return undefined;
  const files = faces.map((_, position) => join(folder, `${key}-${position}.otf`));
  return {
    async find() {
      const now = new Date();
      // Marked used, so eviction passes it by.
      const found = await Promise.all(
        files.map((file) =>
          utimes(file, now, now).then(
            () => true,
            () => false,
          ),
        ),
      );
      return found.every(Boolean) ? files : undefined;
    },
    async keep(cut) {
      await Promise.all(
        files.map(async (file, position) => {
          const temporary = `${file}.${process.pid}.tmp`;
          await writeFile(temporary, cut[position] as Uint8Array, { mode: 0o600 });
          await rename(temporary, file);
        }),
      );
      await evict(folder).catch(() => {});
      return files;
    },
  };
}
