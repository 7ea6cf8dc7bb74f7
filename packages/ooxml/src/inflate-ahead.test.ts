import { deflateRawSync } from 'node:zlib';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { createInflateAhead } from './inflate-ahead.js';
import { entryData, findEntry, readZipDirectory, streamEntryText } from './zip-reader.js';

const text = (length: number) =>
  '<row r="1"><c t="inlineStr"><is><t>健步走</t></is></c></row>'.repeat(length);

/** A zip of these parts, deflated. */
function zipOf(parts: Record<string, string>): Uint8Array {
  const encoder = new TextEncoder();
  return zipSync(
    Object.fromEntries(Object.entries(parts).map(([name, body]) => [name, encoder.encode(body)])),
  );
}

/** An entry's text as a reader gets it, through `inflateRaw`. */
function readText(
  bytes: Uint8Array,
  name: string,
  inflateRaw: ReturnType<typeof createInflateAhead>,
): string {
  const zip = readZipDirectory(bytes, 64 * 1024 * 1024, 200, inflateRaw?.inflateRaw);
  const entry = findEntry(zip, name);
  if (!entry) throw new Error(`no ${name}`);
  let out = '';
  streamEntryText(zip, entry, (piece) => {
    out += piece;
  });
  return out;
}

describe('entries inflated ahead by the platform’s inflater', () => {
  const ahead = createInflateAhead();

  it('is there in Node 20 (DecompressionStream takes deflate-raw)', () => {
    expect(ahead).toBeDefined();
  });

  it('hands the reader the text of every entry, inflated before it asks', async () => {
    const bytes = zipOf({ 'xl/worksheets/sheet1.xml': text(5000), 'xl/workbook.xml': '<workbook/>' });
    await ahead?.prepare(bytes, { maxInflatedBytes: 64 * 1024 * 1024 });
    const zip = readZipDirectory(bytes, 64 * 1024 * 1024);
    const data = entryData(bytes, findEntry(zip, 'xl/worksheets/sheet1.xml')!);
    const sheet = ahead?.inflateRaw(data, 64 * 1024 * 1024);
    expect(new TextDecoder().decode(sheet)).toBe(text(5000));
    // Joined into the same buffer each time: inflated once, ahead, not by the fallback on asking.
    expect(ahead?.inflateRaw(data, 64 * 1024 * 1024)?.buffer).toBe(sheet?.buffer);
    expect(readText(bytes, 'xl/workbook.xml', ahead)).toBe('<workbook/>');
  });

  it('joins every entry into one buffer, the reader’s until it asks again', async () => {
    const bytes = zipOf({ 'a.xml': text(6000), 'b.xml': text(3000).replaceAll('健步走', '太极拳') });
    await ahead?.prepare(bytes, { maxInflatedBytes: 64 * 1024 * 1024 });
    const zip = readZipDirectory(bytes, 64 * 1024 * 1024);
    const inflate = (name: string) => ahead?.inflateRaw(entryData(bytes, findEntry(zip, name)!), 1 << 24);
    const a = inflate('a.xml');
    expect(new TextDecoder().decode(a)).toBe(text(6000));
    const b = inflate('b.xml');
    expect(new TextDecoder().decode(b)).toBe(text(3000).replaceAll('健步走', '太极拳'));
    // The second entry's bytes were written where the first one's were.
    expect(b?.buffer).toBe(a?.buffer);
    expect(readText(bytes, 'a.xml', ahead)).toBe(text(6000));
    expect(readText(bytes, 'b.xml', ahead)).toBe(text(3000).replaceAll('健步走', '太极拳'));
  });

  it('says an entry is too large for the room the reader has, as zlib’s inflater does', async () => {
    const bytes = zipOf({ 'xl/worksheets/sheet1.xml': text(5000) });
    await ahead?.prepare(bytes, { maxInflatedBytes: 64 * 1024 * 1024 });
    const zip = readZipDirectory(bytes, 1000, 200, ahead?.inflateRaw);
    const entry = findEntry(zip, 'xl/worksheets/sheet1.xml');
    expect(() => streamEntryText(zip, entry!, () => {})).toThrow(
      expect.objectContaining({ problem: { code: 'zip-too-large' } }),
    );
  });

  it('inflates bytes it was not given ahead with fflate, bounded', () => {
    const body = new TextEncoder().encode(text(2000));
    const compressed = deflateRawSync(body);
    expect(ahead?.inflateRaw(compressed, body.length)).toEqual(new Uint8Array(body));
    expect(ahead?.inflateRaw(compressed, body.length - 1)).toBeUndefined();
  });

  it('stops at the file’s budget: the entries past it are left to the bounded path', async () => {
    const bytes = zipOf({ 'a.xml': text(3000), 'b.xml': text(3000) });
    await ahead?.prepare(bytes, { maxInflatedBytes: text(3000).length * 1.5 });
    expect(readText(bytes, 'a.xml', ahead)).toBe(text(3000));
    expect(readText(bytes, 'b.xml', ahead)).toBe(text(3000));
    const zip = readZipDirectory(bytes, 64 * 1024 * 1024);
    const inflate = (name: string) => ahead?.inflateRaw(entryData(bytes, findEntry(zip, name)!), 1 << 24);
    // a.xml fits the budget: joined into the same buffer each time. b.xml would pass it:
    // inflated on asking, into a buffer of its own each time.
    expect(inflate('a.xml')?.buffer).toBe(inflate('a.xml')?.buffer);
    expect(inflate('b.xml')?.buffer).not.toBe(inflate('b.xml')?.buffer);
    expect(inflate('b.xml')).toEqual(inflate('a.xml'));
  });

  it('leaves what is not a zip alone', async () => {
    await expect(
      ahead?.prepare(new TextEncoder().encode('序号,举办单位'), { maxInflatedBytes: 1000 }),
    ).resolves.toBe(undefined);
  });
});
