import { inflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { concatBytes } from './bytes.js';
import { createCompressionStreamDeflater } from './compression-stream-deflate.js';
import { type CellRow, type SheetSpec, styles, writeXlsxTo } from './xlsx-writer.js';
import { unpackZip } from './zip-entries.js';

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
    const rows: CellRow[] = Array.from({ length: 3000 }, (_, row) => [
      { value: row + 1, style: styles.center },
      { value: `第${row}场健步走`, style: styles.text },
    ]);
    const sheet = (): SheetSpec => ({ name: '汇总', widths: [6, 20], rows });
    const written = async (options: Parameters<typeof writeXlsxTo>[2]) => {
      const chunks: Uint8Array[] = [];
      await writeXlsxTo([sheet()], (chunk) => chunks.push(chunk), options);
      return unpackZip(concatBytes(chunks));
    };
    const native = await written({ createDeflater: create! });
    const javascript = await written({});
    expect(Object.keys(native)).toEqual(Object.keys(javascript));
    for (const [name, bytes] of Object.entries(javascript))
      expect(Buffer.from(native[name] ?? []).equals(Buffer.from(bytes)), name).toBe(true);
  });
});
