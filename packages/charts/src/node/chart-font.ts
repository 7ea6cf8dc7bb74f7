import { mkdtemp, open, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Allocate, readFontFace } from './collection-face.js';
import { openCutFaceCache } from './cut-face-cache.js';
import { type FontLocation, locateFont } from './locate-font.js';
import { releaseNativeMemory } from './release-native-memory.js';
import { cutFaces } from './subset-face.js';

/** Font files made for a set of charts, removed by `dispose`. */
export interface ChartFont {
  files: string[];
  dispose: () => Promise<void>;
}

const folderPrefix = 'jianshen-chart-font-';

/** A folder older than this was left by a process that was killed while drawing (drawing takes seconds). */
const staleAfterMs = 24 * 60 * 60 * 1000;

/**
 * Removes the font folders of killed runs (a run killed while drawing never disposes its own);
 * a folder still in use is seconds old.
 */
async function removeStaleFolders(): Promise<void> {
  const names = await readdir(tmpdir()).catch(() => [] as string[]);
  const now = Date.now();
  for (const name of names.filter((entry) => entry.startsWith(folderPrefix))) {
    const path = join(tmpdir(), name);
    const modified = await stat(path).then(
      (info) => info.mtimeMs,
      () => now,
    );
    if (now - modified > staleAfterMs) await rm(path, { recursive: true, force: true });
  }
}

/** The faces the charts draw with: the title is bold (chart-style.ts), the rest regular. */
const styles = ['regular', 'bold'] as const;

/** Printable ASCII: axis numbers, percentages and punctuation, whatever the SVG says. */
const ascii = Array.from({ length: 0x7f - 0x20 }, (_, offset) => String.fromCharCode(0x20 + offset)).join('');

/**
 * Every character the SVGs may draw. The markup's own characters are ASCII, which is kept anyway;
 * ECharts escapes only & < > " ' (ASCII too), so the text's 汉字 appear as themselves.
 */
function charactersOf(svgs: readonly string[]): string {
  const characters = new Set(ascii);
  for (const svg of svgs) for (const character of svg) characters.add(character);
  return [...characters].join('');
}

/** The face's bytes, read from its file into `allocate`'s array (a collection's other faces are not read). */
async function readFace(location: FontLocation, allocate: Allocate): Promise<Uint8Array> {
  const file = await open(location.file, 'r');
  try {
    const { size } = await file.stat();
    const readInto = async (target: Uint8Array, position: number) => {
      let done = 0;
      while (done < target.length) {
        const { bytesRead } = await file.read(target, done, target.length - done, position + done);
        if (bytesRead === 0) throw new RangeError(`${location.file} ends before its tables do`);
        done += bytesRead;
      }
    };
    const read = async (position: number, length: number) => {
      const bytes = new Uint8Array(length);
      await readInto(bytes, position);
      return bytes;
    };
    return await readFontFace({ size, read, readInto }, location.index, allocate);
  } finally {
    await file.close();
  }
}

/** The family's regular and bold faces, once each (without a bold face fontconfig gives the regular). */
async function locateFaces(family: string): Promise<FontLocation[] | undefined> {
  const found = await Promise.all(styles.map((style) => locateFont(family, style)));
  const faces = found.filter((location) => location !== undefined);
  if (faces.length === 0) return undefined;
  return faces.filter(
    (face, position) =>
      faces.findIndex((other) => other.file === face.file && other.index === face.index) === position,
  );
}

/**
 * The family's faces cut down to the characters the charts draw (some 130 glyphs, ~20 KB each),
 * as files for resvg: kept for the next run that draws the same characters (`cut-face-cache.ts`),
 * or in a temporary folder of their own when no cache folder can be used. Measured on a 120-unit report (three charts): resvg given the
 * whole 19 MB Noto Sans CJK collection took 2.9–3.1 s CPU, as it reads the face again for each
 * piece of text; given the cut faces 0.6 s, the cut itself 0.3–0.5 s (reading the collections,
 * harfbuzz's subsetter compiled from WebAssembly). resvg given the same bytes in memory
 * (`fontBuffers`) took 3.2 s for the per-unit chart alone, hence files.
 * Resolves to undefined when the family is not installed or cannot be cut: the caller then lets
 * resvg search the system's fonts, as before.
 */
export async function chartFont(svgs: readonly string[], family: string): Promise<ChartFont | undefined> {
  const faces = await locateFaces(family);
  if (!faces) return undefined;
  const characters = charactersOf(svgs);
  // Folders of runs killed while drawing, from before faces were kept (and when none can be).
  await removeStaleFolders();
  const cache = await openCutFaceCache(faces, characters);
  const kept = await cache?.find();
  if (kept) {
    // The collection that otherwise follows the cut, before resvg takes its memory: without it
    // the 2,800-file job peaked at 253–255 MB instead of 228–230 MB (the reading's garbage held).
    releaseNativeMemory();
    // Kept faces stay for the next run: nothing to remove.
    return { files: kept, dispose: async () => {} };
  }
  const cut = await cutFaces(
    faces.map((face) => (allocate: Allocate) => readFace(face, allocate)),
    characters,
  ).catch(() => undefined);
  if (!cut) return undefined;
  // hb-subset's instance is garbage now: its memory goes before resvg's is taken.
  releaseNativeMemory();
  const files = await cache?.keep(cut).catch(() => undefined);
  return files ? { files, dispose: async () => {} } : writeToTemporaryFolder(cut);
}

/** Cut faces in a temporary folder of their own, removed by `dispose` (when no cache is usable). */
async function writeToTemporaryFolder(cut: readonly Uint8Array[]): Promise<ChartFont | undefined> {
  const directory = await mkdtemp(join(tmpdir(), folderPrefix));
  const dispose = () => rm(directory, { recursive: true, force: true });
  try {
    const files = cut.map((_, position) => join(directory, `face-${position}.otf`));
    await Promise.all(files.map((file, position) => writeFile(file, cut[position] as Uint8Array)));
    return { files, dispose };
  } catch {
    await dispose();
    return undefined;
  }
}
