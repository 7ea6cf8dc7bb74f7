import { constants, crc32, deflateRawSync, inflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { concatBytes } from './bytes.js';
import { cellMaxCharacters } from './cell-text.js';
import { type DeflatedRows, storedBlocks } from './deflated-rows.js';
import {
  type CellRow,
  createRowWriter,
  type SheetSpec,
  styles,
  type TruncatedCell,
  writeXlsxTo,
} from './xlsx-writer.js';
import { unpackZip } from './zip-entries.js';

/** Each entry's CRC-32 as the zip's central directory states it. */
function statedChecksums(zip: Uint8Array): Map<string, number> {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const checksums = new Map<string, number>();
  for (let at = 0; at + 46 <= zip.length; at++) {
    if (view.getUint32(at, true) !== 0x02014b50) continue;
    const nameLength = view.getUint16(at + 28, true);
    const name = new TextDecoder().decode(zip.subarray(at + 46, at + 46 + nameLength));
    checksums.set(name, view.getUint32(at + 16, true));
  }
  return checksums;
}

describe('stored blocks', () => {
  it('inflate to the bytes they hold, split at 65,535 bytes, the last one final', () => {
    for (const length of [0, 10, 65_535, 140_000]) {
      const bytes = new Uint8Array(length).map((_, index) => index % 253);
      expect(Buffer.from(inflateRawSync(storedBlocks(bytes, true))).equals(Buffer.from(bytes))).toBe(true);
    }
  });
});

describe('a sheet whose rows were deflated ahead', () => {
  const long = '长'.repeat(cellMaxCharacters + 5);
  const rows: CellRow[] = Array.from({ length: 3000 }, (_, row) => [
    { value: row + 1, style: styles.center },
    { value: `第${row}场健步走\n两行 & <太极拳>`, style: styles.text },
    { value: new Date(Date.UTC(2024, 5, 1 + (row % 30))), style: styles.date },
  ]);
  const layout = { name: '汇总', widths: [6, 12, 14], merges: ['A1:C1'], headerRows: 2 };
  const above: CellRow[] = [
    [{ value: long, style: styles.title }],
    [{ value: '序号', style: styles.header }],
  ];

  /** The rows as a reader-side writer deflates them: zlib in pieces, each ending in a sync flush. */
  function deflatedAhead(): DeflatedRows {
    const write = createRowWriter(layout);
    const text = new TextEncoder().encode(
      rows.map((row, index) => write(row, above.length + index)).join(''),
    );
    const pieces = [text.subarray(0, 100_000), text.subarray(100_000)].map((part) => {
      const bytes = deflateRawSync(part, { level: 5, finishFlush: constants.Z_SYNC_FLUSH });
      return new Uint8Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length));
    });
    return { rowCount: rows.length, size: text.length, crc: crc32(text), pieces: () => pieces };
  }

  async function workbook(sheet: SheetSpec, cuts: TruncatedCell[]): Promise<Uint8Array> {
    const chunks: Uint8Array[] = [];
    await writeXlsxTo([sheet], (chunk) => chunks.push(chunk), { onTruncated: (cut) => cuts.push(cut) });
    return concatBytes(chunks);
  }

  it('gives every part the text the rows written as cells give, with the zip’s checksums right', async () => {
    const fromCells: TruncatedCell[] = [];
    const expected = unpackZip(await workbook({ ...layout, rows: [...above, ...rows] }, fromCells));
    const spliced: TruncatedCell[] = [];
    const zip = await workbook({ ...layout, rows: above, deflatedRows: deflatedAhead() }, spliced);
    const written = unpackZip(zip);
    expect(Object.keys(written)).toEqual(Object.keys(expected));
    for (const [name, bytes] of Object.entries(expected))
      expect(Buffer.from(written[name] ?? []).toString(), name).toBe(Buffer.from(bytes).toString());
    for (const [name, checksum] of statedChecksums(zip))
      expect(checksum, name).toBe(crc32(written[name] ?? new Uint8Array(0)));
    // The title's cut is heard of where the rows above are written.
    expect(spliced).toEqual(fromCells);
    expect(spliced).toHaveLength(1);
  });

  it('needs the rows above in memory', async () => {
    async function* streamed(): AsyncGenerator<CellRow> {
      yield* above;
    }
    await expect(
      workbook({ ...layout, rows: streamed(), deflatedRows: deflatedAhead() }, []),
    ).rejects.toThrow(/rows deflated ahead follow rows in memory/);
  });
});
