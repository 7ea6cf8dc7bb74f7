import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';

/** The exports of harfbuzzjs's hb-subset build that cutting a face needs (HarfBuzz's C API). */
interface HarfBuzzSubset {
  memory: WebAssembly.Memory;
  _initialize(): void;
  malloc(size: number): number;
  free(pointer: number): void;
  hb_blob_create(data: number, length: number, mode: number, userData: number, destroy: number): number;
  hb_blob_destroy(blob: number): void;
  hb_blob_get_data(blob: number, length: number): number;
  hb_blob_get_length(blob: number): number;
  hb_face_create(blob: number, index: number): number;
  hb_face_destroy(face: number): void;
  hb_face_reference_blob(face: number): number;
  hb_set_add(set: number, value: number): void;
  hb_set_clear(set: number): void;
  hb_subset_input_create_or_fail(): number;
  hb_subset_input_destroy(input: number): void;
  hb_subset_input_unicode_set(input: number): number;
  hb_subset_input_set(input: number, which: number): number;
  hb_subset_input_get_flags(input: number): number;
  hb_subset_input_set_flags(input: number, flags: number): void;
  hb_subset_or_fail(face: number, input: number): number;
}

const memoryModeWritable = 2;
const layoutFeatureTags = 6;
const noLayoutClosure = 0x200;
/**
 * hb-subset's HB_SUBSET_FLAGS_NO_HINTING and _DESUBROUTINIZE: the cut face's glyphs carry their
 * outlines whole, without hints (resvg draws outlines unhinted) and without CFF subroutines.
 * Keeping the subroutines made hb-subset walk every retained glyph's calls to find the ones used
 * and renumber them: 60–230 ms a Noto Sans CJK face (the first cut, still in V8's baseline code,
 * the slowest), against 5–20 ms without; the cut faces are smaller (12 KB, was 15 KB) and the
 * charts' PNGs the same bytes (chart-png.test.ts compares them with the system fonts' drawing).
 */
const noHinting = 0x1;
const desubroutinize = 0x4;

let compiled: Promise<WebAssembly.Module> | undefined;

/** hb-subset's WebAssembly file. */
export function subsetterFile(): string {
  return createRequire(import.meta.url).resolve('harfbuzzjs/dist/harfbuzz-subset.wasm');
}

/** hb-subset compiled once a process; each cut gets an instance of its own (see `cutFaces`). */
function subsetModule(): Promise<WebAssembly.Module> {
  compiled ??= readFile(subsetterFile()).then((bytes) => WebAssembly.compile(bytes));
  return compiled;
}

/**
 * One block of the instance's memory that every face is read into in turn, freed with `release`.
 * Fresh memory costs its first write: the first 16 MB face took 80–170 ms to read, and the
 * bold face (17.0 MB, larger than the regular 16.4 MB hole left behind) as much again in new
 * memory, against ~25 ms into memory written before (2 cores, load 1–8). The block is made an
 * eighth larger than the first face so the next one fits; the part never written costs nothing.
 */
function faceBlock(harfbuzz: HarfBuzzSubset): {
  allocate: (size: number) => Uint8Array;
  release: () => void;
} {
  let block: { pointer: number; size: number } | undefined;
  const release = () => {
    if (block) harfbuzz.free(block.pointer);
    block = undefined;
  };
  const allocate = (size: number) => {
    if (!block || block.size < size) {
      release();
      const reserved = Math.ceil(size * 1.125);
      const pointer = harfbuzz.malloc(reserved);
      if (pointer === 0) throw new RangeError(`no memory for a ${size}-byte face`);
      block = { pointer, size: reserved };
    }
    return new Uint8Array(harfbuzz.memory.buffer, block.pointer, size);
  };
  return { allocate, release };
}

/** The subset's bytes, copied out of the instance's memory. */
function copyOut(harfbuzz: HarfBuzzSubset, subset: number): Uint8Array {
  const blob = harfbuzz.hb_face_reference_blob(subset);
  try {
    const data = harfbuzz.hb_blob_get_data(blob, 0);
    return new Uint8Array(harfbuzz.memory.buffer).slice(data, data + harfbuzz.hb_blob_get_length(blob));
  } finally {
    harfbuzz.hb_blob_destroy(blob);
  }
}

/** The input: the characters' code points, no layout features (a chart draws none). */
function subsetInput(harfbuzz: HarfBuzzSubset, characters: string): number {
  const input = harfbuzz.hb_subset_input_create_or_fail();
  if (input === 0) throw new Error('hb_subset_input_create_or_fail failed');
  const unicodes = harfbuzz.hb_subset_input_unicode_set(input);
  for (const character of characters) harfbuzz.hb_set_add(unicodes, character.codePointAt(0) ?? 0);
  harfbuzz.hb_set_clear(harfbuzz.hb_subset_input_set(input, layoutFeatureTags));
  const flags = harfbuzz.hb_subset_input_get_flags(input) | noLayoutClosure | noHinting | desubroutinize;
  harfbuzz.hb_subset_input_set_flags(input, flags);
  return input;
}

/** One face, in the instance's memory, cut to the characters with HarfBuzz's hb-subset. */
async function cutFace(harfbuzz: HarfBuzzSubset, face: Uint8Array, characters: string): Promise<Uint8Array> {
  const blob = harfbuzz.hb_blob_create(face.byteOffset, face.length, memoryModeWritable, 0, 0);
  const source = harfbuzz.hb_face_create(blob, 0);
  harfbuzz.hb_blob_destroy(blob);
  const input = subsetInput(harfbuzz, characters);
  try {
    const subset = harfbuzz.hb_subset_or_fail(source, input);
    if (subset === 0) throw new Error('hb_subset_or_fail failed: the font cannot be cut');
    try {
      return copyOut(harfbuzz, subset);
    } finally {
      harfbuzz.hb_face_destroy(subset);
    }
  } finally {
    harfbuzz.hb_subset_input_destroy(input);
    harfbuzz.hb_face_destroy(source);
  }
}

/** Reads a face's bytes into the array `allocate` gives. */
export type ReadFace = (allocate: (size: number) => Uint8Array) => Promise<Uint8Array>;

/**
 * Each face cut to the characters, read one at a time straight into the WebAssembly memory (no
 * 16 MB copy in JavaScript). One WebAssembly instance
 * serves the call and is dropped after it: its memory grows to hold a 16 MB CJK face and never
 * shrinks, so an instance kept for the process (as the `subset-font` wrapper keeps one) held
 * ~45 MB per face cut until the process ended, on top of everything written after the charts.
 */
export async function cutFaces(faces: readonly ReadFace[], characters: string): Promise<Uint8Array[]> {
  const instance = await WebAssembly.instantiate(await subsetModule());
  const harfbuzz = instance.exports as unknown as HarfBuzzSubset;
  harfbuzz._initialize();
  const block = faceBlock(harfbuzz);
  try {
    const cut: Uint8Array[] = [];
    for (const readFace of faces)
      cut.push(await cutFace(harfbuzz, await readFace(block.allocate), characters));
    return cut;
  } finally {
    block.release();
  }
}
