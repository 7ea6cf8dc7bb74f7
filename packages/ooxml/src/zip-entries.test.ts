import { constants, deflateRawSync } from 'node:zlib';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { RawDeflater } from './native-zip-deflate.js';
import { packZip, packZipNatively, readZipText, repackZip, unpackZip } from './zip-entries.js';

function sampleZip(date: Date): Uint8Array {
  return zipSync({
    'word/document.xml': [strToU8('<w:document/>'), { mtime: date }],
    '[Content_Types].xml': [strToU8('<Types/>'), { mtime: date }],
  });
}

describe('repackZip', () => {
  it('makes zips written at different times byte-identical', () => {
    const early = repackZip(sampleZip(new Date('2024-05-20T08:00:00Z')));
    const late = repackZip(sampleZip(new Date('2025-01-02T17:30:00Z')));
    expect(Buffer.from(early).equals(Buffer.from(late))).toBe(true);
  });

  it('keeps every part and puts [Content_Types].xml first', () => {
    const repacked = repackZip(sampleZip(new Date()));
    expect(Object.keys(unpackZip(repacked))).toEqual(['[Content_Types].xml', 'word/document.xml']);
    expect(readZipText(repacked, 'word/document.xml')).toBe('<w:document/>');
    expect(readZipText(repacked, 'missing.xml')).toBeUndefined();
  });
});

describe('packZip', () => {
  it('packs edited entries exactly as repackZip would', () => {
    const original = sampleZip(new Date('2024-05-20T08:00:00Z'));
    const entries = unpackZip(original);
    entries['word/document.xml'] = strToU8('<w:document edited="1"/>');
    const packed = packZip(entries);
    expect(readZipText(packed, 'word/document.xml')).toBe('<w:document edited="1"/>');
    expect(Buffer.from(packZip(unpackZip(original))).equals(Buffer.from(repackZip(original)))).toBe(true);
  });
});

/** zlib's raw deflate of each entry, pushed whole (as packZipNatively pushes). */
function zlibDeflater(level: number): RawDeflater {
  return {
    push(chunk, final) {
      expect(final).toBe(true);
      const bytes = deflateRawSync(chunk, { level, finishFlush: constants.Z_FINISH });
      return new Uint8Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length));
    },
  };
}

/** Each local header's name and compression method, in the order the entries are stored. */
function storedEntries(zip: Uint8Array): { name: string; method: number }[] {
  const view = Buffer.from(zip.buffer, zip.byteOffset, zip.length);
  const found = [];
  for (
    let at = view.indexOf('PK\x03\x04', 0, 'latin1');
    at >= 0;
    at = view.indexOf('PK\x03\x04', at + 4, 'latin1')
  ) {
    const nameLength = view.readUInt16LE(at + 26);
    found.push({
      name: view.toString('utf8', at + 30, at + 30 + nameLength),
      method: view.readUInt16LE(at + 8),
    });
  }
  return found;
}

describe('packZipNatively', () => {
  it('packs what packZip packs, in its order, each entry deflated by the deflater given', async () => {
    const entries = {
      'word/media/': new Uint8Array(0),
      'word/document.xml': strToU8('<w:document>报告</w:document>'.repeat(200)),
      '[Content_Types].xml': strToU8('<Types/>'),
    };
    const packed = await packZipNatively(entries, { createDeflater: zlibDeflater });
    expect(storedEntries(packed)).toEqual([
      { name: '[Content_Types].xml', method: 8 },
      { name: 'word/document.xml', method: 8 },
    ]);
    expect(unpackZip(packed)).toEqual(unpackZip(packZip(entries)));
    expect(packed.length).toBeLessThan(entries['word/document.xml'].length / 10);
    const again = await packZipNatively(entries, { createDeflater: zlibDeflater });
    expect(Buffer.from(again).equals(Buffer.from(packed))).toBe(true);
  });
});
