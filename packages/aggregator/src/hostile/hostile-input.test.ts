import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDeflateRaw } from 'node:zlib';
import { type AggregateReport, aggregate, type InflateRaw, type SubmissionInput } from '@jianshen/aggregator';
import { aggregateFiles, nodeInflateRaw, writeAggregateOutputs } from '@jianshen/aggregator/node';
import { readZipText } from '@jianshen/ooxml';
import { type ResolvedCampaign, resolveCampaign } from '@jianshen/plugin-kit';
import { linfen2024Campaign } from '@jianshen/schema';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { crc32, utf8, writeZip } from '../../../ooxml/src/zip-forge.test-support.js';
import {
  corruptZip,
  emptyWorkbook,
  entityExpansionWorkbook,
  externalReferenceWorkbook,
  formulaInjectionWorkbook,
  garbledEntryZip,
  goodWorkbook,
  injectionTexts,
  largeWorkbookParts,
  longCellWorkbook,
  passwordProtectedWorkbook,
  pathTraversalWorkbook,
  pictureBytes,
  truncatedZip,
  widestSheet,
  zipBomb,
} from './hostile-files.js';
import { largeSheetXml } from './submission.js';

// Every hostile input travels in a batch with a good file: the hostile one must end as a clear
// error for that file (or a handled value), and the good one must still yield all its rows.
const goodPath = '尧都区.xlsx';
const goodRows = 3;
let campaign: ResolvedCampaign;
let scratch: string;

beforeAll(async () => {
  campaign = await resolveCampaign(linfen2024Campaign);
  scratch = await mkdtemp(join(tmpdir(), 'jianshen-hostile-'));
});
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

// Every case runs with both inflaters: fflate's (browsers) and zlib's (the Node entry's default).
const inflaters: ReadonlyArray<readonly [string, InflateRaw | undefined]> = [
  ['fflate', undefined],
  ['zlib', nodeInflateRaw],
];
let inflateRaw: InflateRaw | undefined;

const aggregateWith: typeof aggregate = (inputs, resolved, options = {}) =>
  aggregate(inputs, resolved, { ...options, ...(inflateRaw ? { inflateRaw } : {}) });

async function withGoodFile(hostile: SubmissionInput): Promise<AggregateReport> {
  const report = await aggregateWith(
    [hostile, { path: goodPath, data: goodWorkbook('尧都区', goodRows) }],
    campaign,
    {
      lang: 'zh',
    },
  );
  expectGoodFileIntact(report);
  return report;
}

function expectGoodFileIntact(report: AggregateReport): void {
  const good = report.files.find((file) => file.path === goodPath);
  expect(good, 'the good file is reported').toBeDefined();
  expect(good?.status).toBe('ok');
  expect(good?.rowsAccepted).toBe(goodRows);
  expect(report.rows.filter((row) => row.source.path === goodPath)).toHaveLength(goodRows);
  expect(report.issues.filter((issue) => issue.path === goodPath && issue.severity === 'error')).toEqual([]);
}

/** The hostile file failed as a whole, with one clear error naming it. */
function expectFileError(report: AggregateReport, path: string, codes: readonly string[]) {
  const file = report.files.find((entry) => entry.path === path);
  expect(file, `${path} is reported`).toBeDefined();
  expect(file?.status).not.toBe('ok');
  expect(file?.rowsAccepted).toBe(0);
  const errors = report.issues.filter((issue) => issue.path === path && issue.severity === 'error');
  expect(errors.length).toBeGreaterThan(0);
  expect(codes).toContain(errors[0]?.code);
  expect(errors[0]?.message.length).toBeGreaterThan(4);
  // A message is for a person: bounded, no stack trace.
  expect(errors[0]?.message.length).toBeLessThan(300);
  expect(errors[0]?.message).not.toMatch(/\n\s+at /);
  return errors[0]!;
}

describe.each(inflaters)('inflated by %s', (_name, inflater) => {
  beforeAll(() => {
    inflateRaw = inflater;
  });
  describe('broken containers', () => {
    it('a zip whose directory is corrupt is one unreadable file', async () => {
      const report = await withGoodFile({ path: 'corrupt.xlsx', data: corruptZip() });
      expectFileError(report, 'corrupt.xlsx', ['file-unreadable']);
    });

    it('a zip whose sheet does not inflate is one unreadable file', async () => {
      const report = await withGoodFile({ path: 'garbled.xlsx', data: garbledEntryZip() });
      expectFileError(report, 'garbled.xlsx', ['file-unreadable']);
    });

    it('a truncated zip is one unreadable file', async () => {
      const report = await withGoodFile({ path: 'truncated.xlsx', data: truncatedZip() });
      expectFileError(report, 'truncated.xlsx', ['file-unreadable']);
    });

    it('a picture renamed .xlsx is judged by its content: a stamped copy, not data', async () => {
      const report = await withGoodFile({ path: '盖章扫描件.xlsx', data: pictureBytes() });
      expectGoodFileIntact(report);
      const file = report.files.find((entry) => entry.path === '盖章扫描件.xlsx');
      expect(file).toMatchObject({ status: 'stamp', rowsAccepted: 0, unit: '' });
      expect(report.issues.find((issue) => issue.path === '盖章扫描件.xlsx')?.code).toBe(
        'stamp-unit-unknown',
      );
    });

    it('a zero-byte file is reported as empty', async () => {
      const report = await withGoodFile({ path: 'zero.xlsx', data: new Uint8Array() });
      expectFileError(report, 'zero.xlsx', ['file-empty']);
    });

    it('a workbook with no table is one clear error', async () => {
      const report = await withGoodFile({ path: 'blank.xlsx', data: emptyWorkbook() });
      expectFileError(report, 'blank.xlsx', ['header-not-found', 'file-empty']);
    });

    it('a password-protected workbook (OLE2 with EncryptionInfo) asks for the password to be removed', async () => {
      const report = await withGoodFile({ path: '加密.xlsx', data: passwordProtectedWorkbook() });
      expectFileError(report, '加密.xlsx', ['file-encrypted']);
    });
  });

  describe('resource exhaustion', () => {
    // Each bomb inflates to gigabytes and declares 4 KiB: before the reader capped text as it
    // arrived, the endless cell was gathered to the 256 MiB budget (about 13 s) before any check.
    it.each([
      [
        'an endless cell stops at the cell limit, naming the cell',
        { kind: 'cell', gigabytes: 2 },
        /C5.*32767/,
      ],
      ['an endless shared string stops soon after the cell limit', { kind: 'shared-string' }, /压缩炸弹/],
      ['a cell repeated without end in one row stops at the column limit', { kind: 'row' }, /1000 列/],
      ['a cell that declares its real size is refused before inflating', { honest: true }, /解压/],
    ] as const)('zip bomb: %s', async (_label, options, reason) => {
      const data = zipBomb({ gigabytes: 1, ...options });
      expect(data.length).toBeLessThan(16 * 2 ** 20);
      const before = process.memoryUsage().rss;
      const report = await withGoodFile({ path: 'bomb.xlsx', data });
      const error = expectFileError(report, 'bomb.xlsx', ['file-too-large']);
      expect(error.message).toMatch(reason);
      // Bounded memory: not even the 256 MiB budget was gathered.
      expect(process.memoryUsage().rss - before).toBeLessThan(256 * 2 ** 20);
    });

    it('zip bomb: a tag that never closes is refused before it is gathered', async () => {
      const report = await withGoodFile({ path: 'bomb.xlsx', data: zipBomb({ gigabytes: 1, kind: 'tag' }) });
      const error = expectFileError(report, 'bomb.xlsx', ['file-unreadable']);
      expect(error.message).toMatch(/markup longer than/);
    });

    it('a smaller inflated-size limit is an option', async () => {
      const report = await aggregateWith(
        [
          { path: 'big.xlsx', data: goodWorkbook('古县', 400) },
          { path: goodPath, data: goodWorkbook('尧都区', goodRows) },
        ],
        campaign,
        { limits: { maxInflatedBytes: 64 * 1024 } },
      );
      expectGoodFileIntact(report);
      expectFileError(report, 'big.xlsx', ['file-too-large']);
    });

    it('a million rows in one sheet end as a row-limit error, from a file on disk', async () => {
      const path = join(scratch, '一百万行.xlsx');
      await writeFile(path, await millionRowFile(1_000_000));
      const goodFile = join(scratch, goodPath);
      await writeFile(goodFile, goodWorkbook('尧都区', goodRows));
      const report = await aggregateFiles([path, goodFile], campaign, {
        cwd: scratch,
        ...(inflateRaw ? { inflateRaw } : {}),
      });
      expectGoodFileIntact(report);
      const error = expectFileError(report, '一百万行.xlsx', ['file-too-large']);
      expect(error.message).toMatch(/100000|100,000|行/);
    });

    it('the row limit is an option: a lower one stops a smaller sheet', async () => {
      const report = await aggregateWith(
        [
          { path: 'rows.xlsx', data: goodWorkbook('古县', 50) },
          { path: goodPath, data: goodWorkbook('尧都区', goodRows) },
        ],
        campaign,
        { limits: { maxRows: 20 } },
      );
      expectGoodFileIntact(report);
      expectFileError(report, 'rows.xlsx', ['file-too-large']);
    });

    it('16,384 columns (A to XFD) end as a column-limit error', async () => {
      const report = await withGoodFile({ path: 'wide.xlsx', data: widestSheet() });
      expectFileError(report, 'wide.xlsx', ['file-too-large']);
    });

    it.each([
      ['长', '长'],
      ['& (written &amp;, 163,835 characters of XML)', '&'],
    ])(
      'a 32,767-character cell of %s is read and rejected at its row and field, the next row kept',
      async (_label, char) => {
        const report = await withGoodFile({ path: 'long.xlsx', data: longCellWorkbook({ char }) });
        const file = report.files.find((entry) => entry.path === 'long.xlsx');
        expect(file).toMatchObject({ status: 'ok', rowsRead: 2, rowsAccepted: 1, rowsRejected: 1 });
        const issue = report.issues.find((entry) => entry.path === 'long.xlsx' && entry.severity === 'error');
        expect(issue).toMatchObject({ row: 4, field: 'summary', code: 'text-too-long' });
        // The issue quotes the value, but never all 32,767 characters of it.
        expect(issue?.message.length).toBeLessThan(1000);
        expect(report.rows.find((row) => row.source.path === 'long.xlsx')?.source.row).toBe(5);
      },
    );

    it.each([
      ['inline', false],
      ['shared', true],
    ])(
      'a %s cell over 32,767 characters is refused as a whole file, naming the cell',
      async (_label, sharedStrings) => {
        const report = await withGoodFile({
          path: 'longer.xlsx',
          data: longCellWorkbook({ length: 40_000, sharedStrings }),
        });
        const error = expectFileError(report, 'longer.xlsx', ['file-too-large']);
        expect(error.message).toContain('工作表「Sheet1」的单元格 D4 超过 32767 个字符');
      },
    );

    it('the cell limit is an option', async () => {
      const report = await aggregateWith(
        [
          { path: 'long.xlsx', data: longCellWorkbook({ length: 5000 }) },
          { path: goodPath, data: goodWorkbook('尧都区', goodRows) },
        ],
        campaign,
        { limits: { maxCellLength: 4000 } },
      );
      expectGoodFileIntact(report);
      expectFileError(report, 'long.xlsx', ['file-too-large']);
    });
  });

  describe('formulas and injection', () => {
    it('external-reference formulas are read as their cached values, never as formulas', async () => {
      const report = await withGoodFile({ path: 'external.xlsx', data: externalReferenceWorkbook() });
      const rows = report.rows.filter((row) => row.source.path === 'external.xlsx');
      expect(rows.map((row) => row.name)).toEqual(['永和县外链活动', '永和县社区健步走第2场']);
      expect(rows[0]?.phone).toEqual(['13912340001']);
      expect(rows[1]?.summary).toBe('点击');
      expect(JSON.stringify(report)).not.toMatch(/\[1\]Sheet1|HYPERLINK/);
    });

    it('cells starting with = + - @ stay text in every output; the CSV is protected', async () => {
      const report = await withGoodFile({ path: 'inject.xlsx', data: formulaInjectionWorkbook() });
      const rows = report.rows.filter((row) => row.source.path === 'inject.xlsx');
      expect(rows.map((row) => row.note)).toEqual([...injectionTexts]);
      expect(rows.map((row) => row.contact)).toEqual(
        injectionTexts.map((text, index) => (index % 2 === 0 ? text : '王明')),
      );
      const rejected = report.issues.filter(
        (issue) => issue.path === 'inject.xlsx' && issue.severity === 'error',
      );
      expect(rejected.map((issue) => [issue.row, issue.field, issue.value])).toEqual([
        [9, 'mode', '=1+1'],
        [10, 'phone', '@SUM(A1:A9)'],
      ]);
      const outDir = join(scratch, 'inject-out');
      const written = await writeAggregateOutputs(report, campaign, outDir, { lang: 'zh' });
      const workbooks = written.filter((file) => file.endsWith('.xlsx'));
      expect(workbooks.length).toBeGreaterThanOrEqual(2);
      for (const path of workbooks) {
        const bytes = new Uint8Array(await readFile(path));
        const parts = sheetParts(bytes);
        expect(parts.length).toBeGreaterThan(0);
        for (const part of parts) {
          const xml = readZipText(bytes, part);
          expect(xml, `${path} ${part}`).not.toMatch(/<(?:\w+:)?f[\s>]/);
        }
      }
      const csvPath = written.find((file) => file.endsWith('.csv'));
      expect(csvPath).toBeDefined();
      const csv = (await readFile(csvPath!, 'utf8')).replace(/^\uFEFF/, '');
      const cells = Papa.parse(csv, { skipEmptyLines: true }).data.flat();
      expect(cells).toContain("'=1+1");
      expect(cells).toContain("'@SUM(A1:A9)");
      for (const cell of cells) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    });
  });

  function sheetParts(bytes: Uint8Array): string[] {
    const types = readZipText(bytes, '[Content_Types].xml') ?? '';
    return [...types.matchAll(/PartName="\/([^"]+)"[^>]*worksheet\+xml/g)].map((match) => match[1]!);
  }

  describe('XML and names', () => {
    it.each(['sheet', 'sharedStrings'] as const)(
      'entity expansion (billion laughs) in %s is refused, not expanded',
      async (part) => {
        const before = process.memoryUsage().rss;
        const report = await withGoodFile({ path: 'laughs.xlsx', data: entityExpansionWorkbook(part) });
        expectFileError(report, 'laughs.xlsx', ['file-unreadable']);
        expect(JSON.stringify(report)).not.toMatch(/(?:lol){10}/);
        expect(process.memoryUsage().rss - before).toBeLessThan(512 * 2 ** 20);
      },
    );

    it('a sheet relationship that climbs out of the package reads nothing from outside it', async () => {
      const report = await withGoodFile({ path: 'climb.xlsx', data: pathTraversalWorkbook('relationship') });
      const file = report.files.find((entry) => entry.path === 'climb.xlsx');
      expect(file?.rowsAccepted).toBe(0);
      expect(report.issues.some((issue) => issue.path === 'climb.xlsx' && issue.severity === 'error')).toBe(
        true,
      );
      expect(JSON.stringify(report)).not.toMatch(/root:|\/bin\/(?:ba)?sh/);
    });

    it('zip entries named ../ or absolute are ignored and the sheet still read', async () => {
      const report = await withGoodFile({ path: 'entries.xlsx', data: pathTraversalWorkbook('entries') });
      expect(report.files.find((entry) => entry.path === 'entries.xlsx')).toMatchObject({
        status: 'ok',
        rowsAccepted: 2,
      });
    });

    it('input names with ../ or drive letters are labels only: outputs stay in the out folder', async () => {
      const names = ['../../../../etc/passwd.xlsx', 'C:\\Windows\\..\\evil.xlsx', '/tmp/../x/“报送”.xlsx'];
      const report = await aggregateWith(
        [
          ...names.map((path, index) => ({ path, data: goodWorkbook(['古县', '吉县', '蒲县'][index]!, 2) })),
          { path: goodPath, data: goodWorkbook('尧都区', goodRows) },
        ],
        campaign,
        { lang: 'zh' },
      );
      expectGoodFileIntact(report);
      expect(report.files.map((file) => file.path)).toEqual([...names, goodPath]);
      for (const name of names) {
        expect(report.files.find((file) => file.path === name)).toMatchObject({
          status: 'ok',
          rowsAccepted: 2,
        });
      }
      const parent = join(scratch, 'names');
      const outDir = join(parent, 'out');
      const written = await writeAggregateOutputs(report, campaign, outDir, { lang: 'zh', cwd: parent });
      for (const path of written) expect(path.startsWith(`${outDir}/`)).toBe(true);
      expect(await readdir(parent)).toEqual(['out']);
      // Beside the outputs, only the set's own manifest (see output-set.ts).
      expect((await readdir(outDir)).filter((name) => name !== '.jianshen-outputs.json').sort()).toEqual(
        written.map((path) => path.slice(outDir.length + 1)).sort(),
      );
    });
  });

  /**
   * A million-row workbook, the sheet generated and deflated piece by piece with zlib: the 150 MB
   * of sheet XML never exist at once, only the compressed zip of a few megabytes.
   */
  async function millionRowFile(rows: number): Promise<Uint8Array> {
    const deflater = createDeflateRaw({ level: 1 });
    const chunks: Uint8Array[] = [];
    deflater.on('data', (chunk: Buffer) => chunks.push(new Uint8Array(chunk)));
    const finished = new Promise((resolve, reject) => {
      deflater.on('end', resolve);
      deflater.on('error', reject);
    });
    let crc = 0;
    let size = 0;
    for (const piece of largeSheetXml('侯马市', rows)) {
      const bytes = utf8(piece);
      crc = crc32(bytes, crc);
      size += bytes.length;
      if (!deflater.write(bytes)) await new Promise((resolve) => deflater.once('drain', resolve));
    }
    deflater.end();
    await finished;
    return writeZip([
      ...largeWorkbookParts(),
      { name: 'xl/worksheets/sheet1.xml', deflated: { chunks, crc, size } },
    ]);
  }
});
