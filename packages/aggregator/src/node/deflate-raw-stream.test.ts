import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { deflateInPieces, sheetLikeText } from './deflate-raw.test-support.js';
import { createStreamRawDeflater } from './deflate-raw-stream.js';

describe('createStreamRawDeflater', () => {
  it('hands back, in order, one deflate stream as small as a single zlib call on it all', async () => {
    const input = sheetLikeText(60_000);
    expect(input.length).toBeGreaterThan(4 * 1024 * 1024);
    const deflated = await deflateInPieces(
      createStreamRawDeflater(5),
      input,
      [1, 17, 16_384, 70_000, 3, 300_000],
    );
    expect(Buffer.from(inflateRawSync(deflated)).equals(Buffer.from(input))).toBe(true);
    expect(deflated.length).toBeLessThanOrEqual(deflateRawSync(input, { level: 5 }).length * 1.01);
  });

  it('gives the same bytes every time', async () => {
    const input = sheetLikeText(30_000);
    const first = await deflateInPieces(createStreamRawDeflater(5), input, [16_384, 40_000]);
    const second = await deflateInPieces(createStreamRawDeflater(5), input, [16_384, 40_000]);
    expect(Buffer.from(first).equals(Buffer.from(second))).toBe(true);
  });

  it('compresses a small entry pushed whole, and an empty one', async () => {
    const small = new TextEncoder().encode('<?xml version="1.0"?><workbook>汇总</workbook>');
    const deflater = createStreamRawDeflater(5);
    expect(Buffer.from(inflateRawSync(await deflater.push(small, true))).equals(Buffer.from(small))).toBe(
      true,
    );
    expect(inflateRawSync(await createStreamRawDeflater(5).push(new Uint8Array(0), true)).length).toBe(0);
  });

  it('fails a push after the end rather than leaving it waiting', async () => {
    const deflater = createStreamRawDeflater(5);
    await deflater.push(new Uint8Array(10), true);
    await expect(deflater.push(new Uint8Array(2 * 1024 * 1024), false)).rejects.toThrow();
  });
});
