import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { packZip, readZipText, repackZip, unpackZip } from './zip-entries.js';

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
