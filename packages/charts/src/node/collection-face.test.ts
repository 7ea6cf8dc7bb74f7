import { describe, expect, it } from 'vitest';
import { type FontBytes, readFontFace } from './collection-face.js';

const tag = (text: string) =>
  [...text].reduce((value, character) => value * 256 + character.charCodeAt(0), 0);

/**
 * A collection of two faces made by hand (OpenType "Font Collections"): both share the table
 * 'name'; each has its own 'cmap'. Offsets count from the start of the file.
 */
function twoFaceCollection(): Uint8Array {
  const bytes = new Uint8Array(200);
  const view = new DataView(bytes.buffer);
  view.setUint32(0, tag('ttcf'));
  view.setUint32(4, 0x00010000);
  view.setUint32(8, 2);
  view.setUint32(12, 20);
  view.setUint32(16, 64);
  const tables = { name: [150, 5], cmapA: [160, 3], cmapB: [170, 6] } as const;
  const face = (start: number, cmap: readonly [number, number]) => {
    view.setUint32(start, tag('OTTO'));
    view.setUint16(start + 4, 2);
    const records: [string, readonly [number, number]][] = [
      ['cmap', cmap],
      ['name', tables.name],
    ];
    records.forEach(([name, [offset, length]], position) => {
      const at = start + 12 + 16 * position;
      view.setUint32(at, tag(name));
      view.setUint32(at + 4, 0x1234);
      view.setUint32(at + 8, offset);
      view.setUint32(at + 12, length);
    });
  };
  face(20, tables.cmapA);
  face(64, tables.cmapB);
  bytes.set([1, 2, 3, 4, 5], 150);
  bytes.set([7, 7, 7], 160);
  bytes.set([9, 8, 7, 6, 5, 4], 170);
  return bytes;
}

/** A face's tables as tag → bytes, read through its table records. */
function tablesOf(face: Uint8Array): Record<string, number[]> {
  const view = new DataView(face.buffer, face.byteOffset, face.byteLength);
  const tables: Record<string, number[]> = {};
  for (let position = 0; position < view.getUint16(4); position++) {
    const at = 12 + 16 * position;
    const name = String.fromCharCode(...face.subarray(at, at + 4));
    const offset = view.getUint32(at + 8);
    expect(offset % 4).toBe(0);
    tables[name] = [...face.subarray(offset, offset + view.getUint32(at + 12))];
  }
  return tables;
}

/** A font in memory, read as a file is. */
const bytesOf = (bytes: Uint8Array): FontBytes => ({
  size: bytes.length,
  read: async (offset, length) => bytes.slice(offset, offset + length),
  readInto: async (target, offset) => target.set(bytes.subarray(offset, offset + target.length)),
});

describe('readFontFace', () => {
  it('copies one face out of a collection, its tables moved to offsets of their own', async () => {
    const face = await readFontFace(bytesOf(twoFaceCollection()), 1);
    expect(String.fromCharCode(...face.subarray(0, 4))).toBe('OTTO');
    expect(tablesOf(face)).toEqual({ cmap: [9, 8, 7, 6, 5, 4], name: [1, 2, 3, 4, 5] });
    expect(tablesOf(await readFontFace(bytesOf(twoFaceCollection()), 0)).cmap).toEqual([7, 7, 7]);
  });

  it('gives a single font back as it is and refuses a face the collection lacks', async () => {
    const single = new Uint8Array([0x4f, 0x54, 0x54, 0x4f, 0, 0]);
    expect(await readFontFace(bytesOf(single), 0)).toEqual(single);
    // Into memory the caller gives (WebAssembly's): the face is laid out there.
    const memory = new Uint8Array(400);
    const face = await readFontFace(bytesOf(twoFaceCollection()), 1, (size) =>
      memory.subarray(100, 100 + size),
    );
    expect(face.byteOffset).toBe(100);
    expect(tablesOf(face).cmap).toEqual([9, 8, 7, 6, 5, 4]);
    await expect(readFontFace(bytesOf(twoFaceCollection()), 2)).rejects.toThrow(RangeError);
  });
});
