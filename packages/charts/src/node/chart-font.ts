import { mkdtemp, open, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import subsetFont from 'subset-font';
import { readFontFace } from './collection-face.js';
import { type FontLocation, locateFont } from './locate-font.js';

/** Font files made for a set of charts, removed by `dispose`. */
export interface ChartFont {
  files: string[];
  dispose: () => Promise<void>;
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

/** The face's bytes, read from its file (a collection's other faces are not read). */
async function readFace(location: FontLocation): Promise<Uint8Array> {
  const file = await open(location.file, 'r');
  try {
    const { size } = await file.stat();
    const read = async (position: number, length: number) => {
      const bytes = new Uint8Array(length);
      const { bytesRead } = await file.read(bytes, 0, length, position);
      return bytes.subarray(0, bytesRead);
    };
    return await readFontFace({ size, read }, location.index);
  } finally {
    await file.close();
  }
}

/** One face cut down to the characters. */
async function cutFace(location: FontLocation, characters: string): Promise<Uint8Array> {
  const face = await readFace(location);
  // subset-font tells the format by `Buffer#toString` of the first bytes: a Buffer, not a view.
  const faceBuffer = Buffer.from(face.buffer, face.byteOffset, face.byteLength);
  // Layout features (vertical forms, ligatures) are not drawn in a chart: keeping them tripled
  // the cut face (18 → 65 KB) and its time.
  return subsetFont(faceBuffer, characters, {
    targetFormat: 'sfnt',
    keepFeatures: [],
    noLayoutClosure: true,
  });
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
 * in a temporary folder for resvg. Measured on a 120-unit report (three charts): resvg given the
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
  const directory = await mkdtemp(join(tmpdir(), 'jianshen-chart-font-'));
  const dispose = () => rm(directory, { recursive: true, force: true });
  try {
    const characters = charactersOf(svgs);
    const files: string[] = [];
    for (const [position, face] of faces.entries()) {
      const file = join(directory, `face-${position}.otf`);
      await writeFile(file, await cutFace(face, characters));
      files.push(file);
    }
    return { files, dispose };
  } catch {
    await dispose();
    return undefined;
  }
}
