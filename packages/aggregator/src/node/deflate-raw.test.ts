import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { type CreateRawDeflater, concatBytes, type SheetSpec, writeXlsx, writeXlsxTo } from '@jianshen/ooxml';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { createNodeRawDeflater, createOffThreadRawDeflater } from './deflate-raw.js';
import { deflateInPieces, sheetLikeText } from './deflate-raw.test-support.js';

describe('createNodeRawDeflater', () => {
  it.each([false, true])('joins its batches into one deflate stream (off thread: %s)', async (offThread) => {
    const input = sheetLikeText(40_000);
    expect(input.length).toBeGreaterThan(4 * 256 * 1024);
    const deflated = await deflateInPieces(
      createNodeRawDeflater(5, { offThread }),
      input,
      [1, 17, 16_384, 70_000, 3],
    );
    expect(Buffer.from(inflateRawSync(deflated)).equals(Buffer.from(input))).toBe(true);
    // The dictionary carries matches across batches: about the size of one zlib call on it all.
    const whole = deflateRawSync(input, { level: 5 }).length;
    expect(deflated.length).toBeLessThan(whole * 1.05);
  });

  it('an empty entry is a valid empty stream', async () => {
    const deflated = await deflateInPieces(createNodeRawDeflater(5), new Uint8Array(0), [1]);
    expect(inflateRawSync(deflated).length).toBe(0);
  });

  it('writes workbooks with the same parts as fflate does, and the same bytes every time', async () => {
    const sheet: SheetSpec = {
      name: '汇总',
      widths: [8, 30],
      rows: Array.from({ length: 20_000 }, (_, index) => [
        { value: index + 1 },
        { value: `在尧都区汾河公园开展健步走第${index}场，约${index % 300}人参加` },
      ]),
    };
    const native = async (createDeflater: CreateRawDeflater) => {
      const chunks: Uint8Array[] = [];
      await writeXlsxTo([sheet], (chunk) => chunks.push(chunk), { createDeflater });
      return concatBytes(chunks);
    };
    const fromFflate = unzipSync(await writeXlsx([sheet]));
    // In the calling thread and off it (one zlib stream an entry, other bytes): each the same
    // bytes every time, each with fflate's parts.
    for (const create of [createNodeRawDeflater, createOffThreadRawDeflater]) {
      const first = await native(create);
      expect(Buffer.from(await native(create)).equals(Buffer.from(first))).toBe(true);
      // zlib counts each entry's CRC; without its crc32 ooxml counts it in JavaScript: same zip.
      const countedInJavaScript: CreateRawDeflater = (level) => {
        const deflater = create(level);
        return { push: (chunk, final) => deflater.push(chunk, final) };
      };
      expect(create(5).crc32).toBeTypeOf('function');
      expect(Buffer.from(await native(countedInJavaScript)).equals(Buffer.from(first))).toBe(true);
      const fromNative = unzipSync(first);
      expect(Object.keys(fromNative).sort()).toEqual(Object.keys(fromFflate).sort());
      for (const [name, bytes] of Object.entries(fromFflate)) {
        expect(Buffer.from(fromNative[name] ?? []).equals(Buffer.from(bytes)), name).toBe(true);
      }
    }
  });
});
