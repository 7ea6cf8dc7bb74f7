import { inflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { concatBytes } from './bytes.js';
import { createCompressionStreamDeflater } from './compression-stream-deflate.js';
import { expectPartsAsFflateGives } from './deflater.test-support.js';

describe('the platform’s CompressionStream as the xlsx writer’s deflater', () => {
  const create = createCompressionStreamDeflater();

  it('is there in Node 20 (CompressionStream makes deflate-raw)', () => {
    expect(create).toBeDefined();
  });

  it('hands out, push by push, one raw-deflate stream of everything pushed', async () => {
    const deflater = create!(5);
    const text = new TextEncoder().encode(
      '<row r="1"><c t="inlineStr"><is><t>健步走</t></is></c></row>'.repeat(4000),
    );
    const pieces = [text.subarray(0, 100_000), text.subarray(100_000, 150_000), text.subarray(150_000)];
    const out = await Promise.all(
      pieces.map((piece, index) => deflater.push(piece, index === pieces.length - 1)),
    );
    expect(Buffer.from(inflateRawSync(concatBytes(out))).equals(Buffer.from(text))).toBe(true);
  });

  it('writes a workbook whose every part is the one fflate’s deflate gives', async () => {
    await expectPartsAsFflateGives(create!);
  });
});
