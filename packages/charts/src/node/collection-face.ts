/** 'ttcf': the tag a font collection (.ttc) starts with. */
const collectionTag = 0x74746366;

/** Reads bytes of a font file: the whole of a 20 MB collection is never needed at once. */
export interface FontBytes {
  size: number;
  read(offset: number, length: number): Promise<Uint8Array>;
  /** Fills `target` with the bytes from `offset` on. */
  readInto(target: Uint8Array, offset: number): Promise<void>;
}

interface TableRecord {
  tag: number;
  checksum: number;
  offset: number;
  length: number;
}

/** A table's bytes start on a 4-byte boundary (OpenType, "Table Directory"). */
const padded = (length: number) => (length + 3) & ~3;

const viewOf = (bytes: Uint8Array) => new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);

/** Where face `index` starts: its offset table. */
async function faceStart(font: FontBytes, index: number): Promise<number> {
  const header = viewOf(await font.read(0, 12));
  const faces = header.getUint32(8);
  if (index < 0 || index >= faces)
    throw new RangeError(`font collection has ${faces} faces, not ${index + 1}`);
  return viewOf(await font.read(12 + 4 * index, 4)).getUint32(0);
}

async function tableRecords(
  font: FontBytes,
  start: number,
): Promise<{ head: Uint8Array; tables: TableRecord[] }> {
  const head = await font.read(start, 12);
  const count = viewOf(head).getUint16(4);
  const records = viewOf(await font.read(start + 12, 16 * count));
  const tables = Array.from({ length: count }, (_, position) => ({
    tag: records.getUint32(16 * position),
    checksum: records.getUint32(16 * position + 4),
    offset: records.getUint32(16 * position + 8),
    length: records.getUint32(16 * position + 12),
  }));
  return { head, tables };
}

/** Where a face's bytes go: a new array by default, or memory the caller owns (WebAssembly's). */
export type Allocate = (size: number) => Uint8Array;

const newArray: Allocate = (size) => new Uint8Array(size);

/**
 * One face of a font collection as a font file of its own; a single font is returned as it is.
 * Debian's Noto Sans CJK is one .ttc of ten faces (JP, KR, SC, TC, HK and the Mono ones), SC the
 * third, and a subsetter reads a collection's first face (JP: some 汉字 drawn the Japanese
 * way). The face's table records point into the collection; its tables are read and laid out with
 * new offsets (OpenType, "Font Collections": a face is an offset table whose records use offsets
 * from the start of the file). Only the face's tables are read (16 of the collection's 19 MB),
 * straight into the array `allocate` gives.
 */
export async function readFontFace(font: FontBytes, index: number, allocate = newArray): Promise<Uint8Array> {
  const signature = viewOf(await font.read(0, 4)).getUint32(0);
  if (signature !== collectionTag) {
    const face = allocate(font.size);
    face.set(await font.read(0, font.size));
    return face;
  }
  const { head, tables } = await tableRecords(font, await faceStart(font, index));
  const directory = 12 + 16 * tables.length;
  const face = allocate(tables.reduce((size, table) => size + padded(table.length), directory));
  face.fill(0);
  const out = viewOf(face);
  face.set(head, 0);
  let offset = directory;
  for (const [position, table] of tables.entries()) {
    const at = 12 + 16 * position;
    out.setUint32(at, table.tag);
    out.setUint32(at + 4, table.checksum);
    out.setUint32(at + 8, offset);
    out.setUint32(at + 12, table.length);
    await font.readInto(face.subarray(offset, offset + table.length), table.offset);
    offset += padded(table.length);
  }
  return face;
}
