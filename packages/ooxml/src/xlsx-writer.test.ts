import { constants, crc32, deflateRawSync, inflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { concatBytes } from './bytes.js';
import { cellMaxCharacters } from './cell-text.js';
import type { RawDeflater } from './native-zip-deflate.js';
import { SheetRecording } from './sheet-recording.js';
import {
  type CellRow,
  createRowWriter,
  type SheetSpec,
  styles,
  type TruncatedCell,
  type WriteXlsxOptions,
  writeXlsx,
  writeXlsxTo,
} from './xlsx-writer.js';
import { readZipText } from './zip-entries.js';

/** The one cell of a one-cell sheet, as written. */
async function cellXmlOf(value: string, onTruncated?: (cut: TruncatedCell) => void): Promise<string> {
  const sheet: SheetSpec = { name: '表', widths: [10], rows: [[{ value, style: styles.text }]] };
  const chunks: Uint8Array[] = [];
  await writeXlsxTo([sheet], (chunk) => chunks.push(chunk), onTruncated ? { onTruncated } : {});
  const xml = readZipText(concatBytes(chunks), 'xl/worksheets/sheet1.xml') ?? '';
  return /<c r="A1"[\s\S]*?<\/c>/.exec(xml)?.[0] ?? '';
}

const inline = (text: string) => `<c r="A1" s="3" t="inlineStr"><is><t>${text}</t></is></c>`;
/** A text whose whitespace a reader could otherwise drop says so. */
const preserved = (text: string) =>
  `<c r="A1" s="3" t="inlineStr"><is><t xml:space="preserve">${text}</t></is></c>`;

describe('text cells', () => {
  it('are written as they are when nothing in them needs care', async () => {
    expect(await cellXmlOf('尧都区体育局 健步走 2024')).toBe(inline('尧都区体育局 健步走 2024'));
    expect(await cellXmlOf('一行\n两行\t表格')).toBe(preserved('一行\n两行\t表格'));
  });

  it('say xml:space="preserve" only where whitespace could be lost', async () => {
    expect(await cellXmlOf(' 前有空格')).toBe(preserved(' 前有空格'));
    expect(await cellXmlOf('后有空格 ')).toBe(preserved('后有空格 '));
    expect(await cellXmlOf('　全角空格')).toBe(inline('　全角空格'));
    expect(await cellXmlOf('回车\r换行')).toBe(preserved('回车\r换行'));
    expect(await cellXmlOf('中间  两个空格')).toBe(inline('中间  两个空格'));
  });

  it('escape markup, drop bidi controls and characters XML cannot carry, keep surrogate pairs', async () => {
    expect(await cellXmlOf('a&b<c>"d"')).toBe(inline('a&amp;b&lt;c&gt;&quot;d&quot;'));
    expect(await cellXmlOf('乒乓球\u202Egpj.exe培训')).toBe(inline('乒乓球gpj.exe培训'));
    expect(await cellXmlOf('响\u0007铃\uFFFF')).toBe(inline('响铃'));
    expect(await cellXmlOf('孤\uD800零\uDC00')).toBe(inline('孤零'));
    expect(await cellXmlOf('𠀋笑😀')).toBe(inline('𠀋笑😀'));
  });

  it('are cut to Excel’s limit with the marker, and the cut is told', async () => {
    const cuts: TruncatedCell[] = [];
    const xml = await cellXmlOf('长'.repeat(cellMaxCharacters + 5), (cut) => cuts.push(cut));
    expect(xml).toBe(inline(`${'长'.repeat(cellMaxCharacters - 1)}…`));
    expect(cuts).toEqual([{ sheet: '表', cell: 'A1', row: 1, column: 0, length: cellMaxCharacters + 5 }]);
  });
});

/** zlib's raw deflate of everything pushed, made at the end. */
function wholeDeflater(level: number): RawDeflater {
  const chunks: Uint8Array[] = [];
  return {
    push(chunk, final) {
      chunks.push(chunk);
      if (!final) return new Uint8Array(0);
      const bytes = deflateRawSync(concatBytes(chunks), { level, finishFlush: constants.Z_FINISH });
      return new Uint8Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length));
    },
  };
}

/** Each entry's name, stored CRC and inflated bytes, from the zip's central directory. */
function entries(zip: Uint8Array): { name: string; crc: number; bytes: Uint8Array }[] {
  const view = Buffer.from(zip.buffer, zip.byteOffset, zip.length);
  const end = view.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const found = [];
  for (let at = view.readUInt32LE(end + 16), index = 0; index < view.readUInt16LE(end + 10); index++) {
    const nameLength = view.readUInt16LE(at + 28);
    const offset = view.readUInt32LE(at + 42);
    const data = offset + 30 + view.readUInt16LE(offset + 26) + view.readUInt16LE(offset + 28);
    found.push({
      name: view.toString('utf8', at + 46, at + 46 + nameLength),
      crc: view.readUInt32LE(at + 16),
      bytes: inflateRawSync(view.subarray(data, data + view.readUInt32LE(at + 20))),
    });
    at += 46 + nameLength + view.readUInt16LE(at + 30) + view.readUInt16LE(at + 32);
  }
  return found;
}

describe('a workbook deflated natively', () => {
  it('stores each entry’s CRC and holds the same parts as the JavaScript deflate', async () => {
    const rows = Array.from({ length: 3000 }, (_, row) => [
      { value: row, style: styles.number },
      { value: `第${row}场健步走 & 太极拳`, style: styles.text },
    ]);
    const sheets: SheetSpec[] = [{ name: '汇总', widths: [8, 20], rows, headerRows: 1 }];
    const chunks: Uint8Array[] = [];
    await writeXlsxTo(sheets, (chunk) => chunks.push(chunk), { createDeflater: wholeDeflater });
    const native = entries(concatBytes(chunks));
    for (const entry of native) expect(entry.crc).toBe(crc32(entry.bytes));
    const portable = entries(await writeXlsx(sheets));
    expect(native.map(({ name, bytes }) => [name, Buffer.from(bytes).toString()])).toEqual(
      portable.map(({ name, bytes }) => [name, Buffer.from(bytes).toString()]),
    );
  });
});

describe('rows written ahead', () => {
  const long = '长'.repeat(cellMaxCharacters + 5);
  const rows: CellRow[] = Array.from({ length: 2500 }, (_, row) => [
    { value: row + 1, style: styles.center },
    { value: row === 1200 ? long : `第${row}场健步走\n两行 & <太极拳>`, style: styles.text },
    { value: new Date(Date.UTC(2024, 5, 1 + (row % 30))), style: styles.date },
  ]);
  const layout = { name: '汇总', widths: [6, 12, 14], heights: [30] };
  const heading: CellRow = [{ value: '标题', style: styles.title }];

  async function* streamed(items: CellRow[]): AsyncGenerator<CellRow> {
    yield* items;
  }

  async function sheetXml(items: CellRow[], options: { rowCount: number; cuts: TruncatedCell[] }) {
    const sheet: SheetSpec = { ...layout, rows: streamed(items), rowCount: options.rowCount, headerRows: 1 };
    const chunks: Uint8Array[] = [];
    const onTruncated = (cut: TruncatedCell) => options.cuts.push(cut);
    await writeXlsxTo([sheet], (chunk) => chunks.push(chunk), { createDeflater: wholeDeflater, onTruncated });
    return readZipText(concatBytes(chunks), 'xl/worksheets/sheet1.xml') ?? '';
  }

  it('are the rows the workbook writes from cells, byte for byte, with the same cuts heard of', async () => {
    const fromCells: TruncatedCell[] = [];
    const written = await sheetXml([heading, ...rows], { rowCount: rows.length + 1, cuts: fromCells });
    const ahead: TruncatedCell[] = [];
    const write = createRowWriter(layout, { onTruncated: (cut) => ahead.push(cut) });
    const text = rows.map((row, index) => write(row, index + 1)).join('');
    expect(written).toContain(`</row>${text}</sheetData>`);
    expect(fromCells).toHaveLength(1);
    expect(ahead).toEqual(fromCells);
  });

  it('leave a streamed sheet short of the rows it declares refused, as cells do', async () => {
    await expect(
      sheetXml([heading, rows[0] as CellRow], { rowCount: rows.length + 1, cuts: [] }),
    ).rejects.toThrow(/2 rows written, 2501 declared/);
  });
});

describe('a sheet recorded once and copied into another workbook', () => {
  const issueRows = (cutAt?: number): CellRow[] =>
    Array.from({ length: 3000 }, (_, row) => [
      { value: row + 1, style: styles.center },
      {
        value: row === cutAt ? '长'.repeat(cellMaxCharacters + 1) : `第${row}行 举办时间不是日期`,
        style: styles.text,
      },
    ]);
  const issuesSheet = (rows: SheetSpec['rows'], recording?: SheetRecording): SheetSpec => ({
    name: '问题清单',
    widths: [6, 40],
    rows,
    rowCount: 3000,
    headerRows: 1,
    ...(recording ? { recording } : {}),
  });
  const summarySheet: SheetSpec = {
    name: '汇总',
    widths: [10],
    rows: [[{ value: '合计', style: styles.text }]],
  };
  /** Rows a copied sheet must never read. */
  const unread: AsyncIterable<CellRow> = {
    [Symbol.asyncIterator]() {
      throw new Error('the rows were read again');
    },
  };

  async function written(sheets: SheetSpec[], options: WriteXlsxOptions): Promise<Uint8Array> {
    const chunks: Uint8Array[] = [];
    await writeXlsxTo(sheets, (chunk) => chunks.push(chunk), options);
    return concatBytes(chunks);
  }

  for (const [deflate, options] of [
    ['zlib', { createDeflater: wholeDeflater }],
    ['fflate', {}],
  ] as const) {
    it(`gives the bytes of the sheet made again, without its rows (${deflate})`, async () => {
      const recording = new SheetRecording();
      await written([summarySheet, issuesSheet(issueRows(), recording)], options);
      expect(recording.recorded).toBe(true);
      const copied = await written([issuesSheet(unread, recording)], options);
      expect(copied).toEqual(await written([issuesSheet(issueRows())], options));
      const [, , , , , sheet] = entries(copied).map((entry) => entry.name);
      expect(sheet).toBe('xl/worksheets/sheet1.xml');
    });
  }

  it('is not recorded when a cell was cut: the next writer cuts it and tells again', async () => {
    const recording = new SheetRecording();
    const cuts: TruncatedCell[] = [];
    const options = { createDeflater: wholeDeflater, onTruncated: (cut: TruncatedCell) => cuts.push(cut) };
    await written([summarySheet, issuesSheet(issueRows(2000), recording)], options);
    expect(recording.recorded).toBe(false);
    await written([issuesSheet(issueRows(2000), recording)], options);
    expect(cuts.map((cut) => cut.cell)).toEqual(['B2001', 'B2001']);
  });
});
