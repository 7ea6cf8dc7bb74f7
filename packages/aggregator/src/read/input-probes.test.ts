import { describe, expect, it } from 'vitest';
import { aggregate } from '../aggregate.js';
import { linfenCampaign } from '../fixtures.test-support.js';
import { csvHead, firstDataRow, submissionSheet, validRow } from '../hostile/submission.js';
import { buildXlsx, sheetXml } from '../hostile/workbook-bytes.js';
import { defaultReadLimits, LimitError } from '../limits.js';
import { decodeCsvText } from './csv-decode.js';
import { checkCsvShape } from './csv-shape.js';

const encoder = new TextEncoder();
const header = csvHead('翼城县体育局');
const row = (index: number) =>
  `${index},翼城县体育中心,乒乓球培训第${index}场,青少年培训,线下,2024-06-0${index},郑雪,1391234567${index},`;

/** GB18030 bytes of `text`: the codecs Node ships decode it, so encode the few characters by table. */
const gbk: Record<string, number[]> = {
  太: [0xcc, 0xab],
  极: [0xbc, 0xab],
  拳: [0xc8, 0xad],
  线: [0xcf, 0xdf],
  下: [0xcf, 0xc2],
};
function gbkBytes(text: string): number[] {
  return [...text].flatMap((character) => gbk[character] ?? [...encoder.encode(character)]);
}

async function aggregateCsv(bytes: Uint8Array) {
  return aggregate([{ path: 'county.csv', data: bytes }], await linfenCampaign());
}

describe('CSV decoding, line by line', () => {
  it('reads a GBK line inside a UTF-8 file and loses no other line', async () => {
    const bytes = new Uint8Array([
      ...encoder.encode(`${header.join('\n')}\n${row(1)}\n`),
      // A line typed on a Chinese Windows machine: GBK, every character in it.
      ...gbkBytes('2,太极,太极拳,太极,线下,2024-06-02,极,13912345672,'),
      ...encoder.encode(`\n${row(3)}\n`),
    ]);
    const report = await aggregateCsv(bytes);
    expect(report.files[0]?.status).toBe('ok');
    expect(report.rows.map((entry) => entry.name)).toEqual(['乒乓球培训第1场', '太极拳', '乒乓球培训第3场']);
    expect(report.issues.filter((issue) => issue.code === 'text-undecodable')).toEqual([]);
  });

  it('turns an undecodable byte into U+FFFD with a warning at its row', async () => {
    const bytes = new Uint8Array([
      ...encoder.encode(`${header.join('\n')}\n${row(1)}\n`),
      ...encoder.encode('2,翼城县体育中心,门球'),
      0xff,
      ...encoder.encode(`赛,简介,线下,2024-06-02,郑雪,13912345672,\n${row(3)}\n`),
    ]);
    const report = await aggregateCsv(bytes);
    expect(report.files[0]?.status).toBe('ok');
    expect(report.rows).toHaveLength(3);
    expect(report.rows[1]?.name).toBe('门球\uFFFD赛');
    const warning = report.issues.find((issue) => issue.code === 'text-undecodable');
    expect(warning).toMatchObject({ severity: 'warning', row: 5 });
    expect(warning?.message).toContain('UTF-8');
  });

  it('10,000 lines alternating UTF-8 and GBK, one damaged line far in: every line, the warning at its row', async () => {
    // The text is built in flat pieces of 4,096 lines (a rope of every line peaked at 352 MB on a
    // 60 MiB file of this shape); lines across the piece boundaries must come out whole.
    const parts: number[] = [...encoder.encode(`${header.join('\n')}\n`)];
    const count = 10_000;
    for (let index = 1; index <= count; index++) {
      const line = `${index},太极,太极拳${index},线下,2024-06-01,极,13912345672,\n`;
      if (index === 9_000)
        parts.push(...encoder.encode(`${index},太极,`), 0xff, ...encoder.encode('拳,线下,,,,\n'));
      else if (index % 2 === 0) parts.push(...gbkBytes(line));
      else parts.push(...encoder.encode(line));
    }
    const { text, damaged } = decodeCsvText(new Uint8Array(parts));
    const lines = text.split('\n');
    expect(lines[header.length + 4_095]).toBe('4096,太极,太极拳4096,线下,2024-06-01,极,13912345672,');
    expect(lines[header.length + count - 1]).toBe(
      `${count},太极,太极拳${count},线下,2024-06-01,极,13912345672,`,
    );
    expect(damaged).toHaveLength(1);
    expect(text.slice(damaged[0]?.offset, (damaged[0]?.offset ?? 0) + 9)).toBe('9000,太极,\uFFFD');
  });

  it('UTF-16 with a lone surrogate: U+FFFD with a warning at its row, the other rows intact', async () => {
    // Probe: Excel's "Unicode text" with one broken character was decoded quietly, no warning.
    const line = (text: string) => Array.from({ length: text.length }, (_, index) => text.charCodeAt(index));
    const body = [
      ...line(`${header.join('\n')}\n${row(1)}\n2,翼城县体育中心,门球`),
      0xd800,
      ...line(`赛,简介,线下,2024-06-02,郑雪,13912345672,\n${row(3)}\n`),
    ];
    for (const littleEndian of [true, false]) {
      const bytes = new Uint8Array(2 + body.length * 2);
      const view = new DataView(bytes.buffer);
      view.setUint16(0, 0xfeff, littleEndian);
      for (const [index, unit] of body.entries()) view.setUint16(2 + index * 2, unit, littleEndian);
      const report = await aggregateCsv(bytes);
      expect(report.rows.map((entry) => entry.name)).toEqual([
        '乒乓球培训第1场',
        '门球\uFFFD赛',
        '乒乓球培训第3场',
      ]);
      const warning = report.issues.find((issue) => issue.code === 'text-undecodable');
      expect(warning).toMatchObject({ severity: 'warning', row: 5 });
      expect(warning?.message).toContain('UTF-16');
    }
  });

  it('says “not a text file” for a NUL byte, wherever it is', async () => {
    const text = `${header.join('\n')}\n${row(1)}\n${'x'.repeat(10_000)}`;
    const bytes = new Uint8Array([...encoder.encode(text), 0, ...encoder.encode('\n')]);
    const report = await aggregateCsv(bytes);
    expect(report.files[0]?.status).not.toBe('ok');
    expect(report.issues[0]?.code).toBe('file-not-text');
    expect(report.issues[0]?.message).toContain('不是文本文件');
  });
});

describe('CSV limits while parsing', () => {
  it('refuses a line of commas before papaparse builds its cells, in bounded memory', async () => {
    const commas = ','.repeat(16 * 1024 * 1024);
    const before = process.memoryUsage().heapUsed;
    expect(() => checkCsvShape(`${header.join('\n')}\n${commas}\n`, defaultReadLimits)).toThrow(LimitError);
    const report = await aggregateCsv(encoder.encode(`${header.join('\n')}\n${commas}\n`));
    expect(report.issues[0]?.code).toBe('file-too-large');
    // 16 Mi empty cells as papaparse builds them took ~250 MB; the check builds nothing.
    expect(process.memoryUsage().heapUsed - before).toBeLessThan(150 * 1024 * 1024);
  });

  it('a CSV saved from a sheet with one stray cell in XFD1 (every line 16,384 fields) is read, the cell named', async () => {
    // Probe: Excel and LibreOffice pad every line of a CSV to the sheet's used width, so one stray
    // keystroke in XFD1 made every line 16,384 fields and the whole file "more than 1000 columns".
    const pad = (cells: string[], last = '') =>
      [...cells, ...Array<string>(16_384 - cells.length - 1).fill(''), last].join(',');
    const lines = [
      pad([header[0] ?? ''], 'x'),
      ...header.slice(1).map((line) => pad(line.split(','))),
      pad(row(1).split(',')),
    ];
    const report = await aggregateCsv(encoder.encode(`${lines.join('\r\n')}\r\n`));
    expect(report.files[0]?.status).toBe('ok');
    expect(report.rows.map((entry) => entry.name)).toEqual(['乒乓球培训第1场']);
    const far = report.issues.find((issue) => issue.code === 'cell-far-right');
    expect(far).toMatchObject({ severity: 'warning', row: 1 });
    expect(far?.message).toContain('XFD1');
    // 1,001 fields WITH content are still more columns than a statistics table has.
    const wide = Array.from({ length: 1_001 }, (_, index) => `列${index}`).join(',');
    const refused = await aggregateCsv(encoder.encode(`${header.join('\n')}\n${wide}\n`));
    expect(refused.issues[0]?.code).toBe('file-too-large');
  });

  it('reads quoted commas and line breaks as papaparse does', () => {
    const limits = { ...defaultReadLimits, maxColumns: 3, maxCellLength: 12 };
    expect(() => checkCsvShape('a,"b,c,d,e",f\n"x\ny",z\n"say ""hi""",1,2', limits)).not.toThrow();
    expect(() => checkCsvShape('a,b,c,d', limits)).toThrow(/more than 3 columns/);
    expect(() => checkCsvShape('a,"0123456789abc"', limits)).toThrow(/longer than 12/);
    // A stray quote inside a field is text, not the start of a quoted field.
    expect(() => checkCsvShape('5"屏幕,b\nc,d', limits)).not.toThrow();
  });
});

describe('the row limit counts rows with content', () => {
  it('accepts a CSV with a few rows and many blank records', async () => {
    const blank = ',,,,,,,,\n'.repeat(defaultReadLimits.maxRows + 10);
    const report = await aggregateCsv(encoder.encode(`${header.join('\n')}\n${row(1)}\n${row(2)}\n${blank}`));
    expect(report.files[0]?.status).toBe('ok');
    expect(report.rows).toHaveLength(2);
  });

  it('reads a 3-row workbook with one space in A200000, and names that cell in a warning', async () => {
    const sheet = submissionSheet('尧都区', [validRow(1), validRow(2), validRow(3)]);
    const xml = sheetXml(sheet).replace(
      '</sheetData>',
      '<row r="200000"><c r="A200000" t="inlineStr"><is><t xml:space="preserve"> </t></is></c></row></sheetData>',
    );
    const data = buildXlsx({ sheets: [{ ...sheet, xml }] });
    const report = await aggregate([{ path: 'stray.xlsx', data }], await linfenCampaign());
    expect(report.files[0]?.status).toBe('ok');
    expect(report.rows).toHaveLength(3);
    const far = report.issues.find((issue) => issue.code === 'cell-outside-table');
    expect(far).toMatchObject({ severity: 'warning', row: 200_000 });
    expect(far?.message).toContain('A200000');
  });
  it('a stray text in a table column far below the table is a warning, not a data row', async () => {
    // Probe: 活动 typed in C1048576 (the 活动名称 column) used to be read as a fourth row of the
    // table, four "required" errors at row 1,048,576 and the file's exit code 1.
    const sheet = submissionSheet('尧都区', [validRow(1), validRow(2), validRow(3)]);
    const xml = sheetXml(sheet).replace(
      '</sheetData>',
      '<row r="1048576"><c r="C1048576" t="inlineStr"><is><t>活动</t></is></c></row></sheetData>',
    );
    const data = buildXlsx({ sheets: [{ ...sheet, xml }] });
    const report = await aggregate([{ path: 'stray.xlsx', data }], await linfenCampaign());
    expect(report.rows).toHaveLength(3);
    expect(report.issues.filter((issue) => issue.severity === 'error')).toEqual([]);
    const far = report.issues.find((issue) => issue.code === 'cell-outside-table');
    expect(far).toMatchObject({ severity: 'warning', row: 1_048_576 });
    expect(far?.message).toContain('C1048576');
  });

  it('one cell in XFD1048576 beside a 3-row table is a warning naming it, not a refused file', async () => {
    // Probe: the column twin of A200000. The column limit counted the last column's letter, so
    // one stray keystroke far to the right refused the whole file ("超过 1000 列").
    const sheet = submissionSheet('尧都区', [validRow(1), validRow(2), validRow(3)]);
    const xml = sheetXml(sheet).replace(
      '</sheetData>',
      '<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row></sheetData>',
    );
    const data = buildXlsx({ sheets: [{ ...sheet, xml }] });
    const report = await aggregate([{ path: 'stray.xlsx', data }], await linfenCampaign());
    expect(report.files[0]?.status).toBe('ok');
    expect(report.rows).toHaveLength(3);
    const far = report.issues.find((issue) => issue.code === 'cell-far-right');
    expect(far).toMatchObject({ severity: 'warning', row: 1_048_576 });
    expect(far?.message).toContain('XFD1048576');
  });

  it('rows a few blank rows apart stay one table', async () => {
    const sheet = submissionSheet('尧都区', [validRow(1), validRow(2)]);
    const far = firstDataRow + 60;
    const xml = sheetXml(sheet).replace(
      '</sheetData>',
      `<row r="${far}"><c r="A${far}" t="inlineStr"><is><t>3</t></is></c><c r="C${far}" t="inlineStr"><is><t>第三场</t></is></c></row></sheetData>`,
    );
    const data = buildXlsx({ sheets: [{ ...sheet, xml }] });
    const report = await aggregate([{ path: 'gap.xlsx', data }], await linfenCampaign());
    expect(report.issues.some((issue) => issue.code === 'cell-outside-table')).toBe(false);
    expect(report.issues.some((issue) => issue.row === far && issue.severity === 'error')).toBe(true);
  });
});

describe('xlsx shared strings', () => {
  it.each([
    ['an index past the shared strings', '<v>9999</v>'],
    ['an empty index', '<v></v>'],
    ['a blank index', '<v> </v>'],
  ])('reports %s at its cell instead of a silent blank', async (_label, value) => {
    const sheet = submissionSheet('尧都区', [validRow(1), validRow(2)]);
    const cell = `C${firstDataRow + 1}`;
    // Every other cell an inline string; this one an index into an empty shared-strings part.
    const xml = sheetXml(sheet).replace(
      new RegExp(`<c r="${cell}" t="inlineStr">.*?</c>`),
      `<c r="${cell}" t="s">${value}</c>`,
    );
    expect(xml).toContain(value);
    const broken = buildXlsx({ sheets: [{ ...sheet, xml }], sharedStrings: true });
    const report = await aggregate([{ path: 'forged.xlsx', data: broken }], await linfenCampaign());
    const missing = report.issues.filter((issue) => issue.code === 'shared-string-missing');
    expect(missing).toHaveLength(1);
    expect(missing[0]).toMatchObject({ row: firstDataRow + 1, severity: 'error' });
    expect(missing[0]?.message).toContain(cell);
  });
});

describe('xlsx cells whose text is a word the reader uses inside', () => {
  // The reader once marked a cut text and a dangling index with the strings "cut" and "missing":
  // a 备注 reading "cut" refused the whole file, one reading "missing" became an error.
  it.each([
    ['shared strings', true],
    ['inline strings', false],
  ])('keeps 备注 "cut" and "missing" as written (%s)', async (_label, sharedStrings) => {
    const rows = [
      [...validRow(1).slice(0, 8), 'cut'],
      [...validRow(2).slice(0, 8), 'missing'],
    ];
    const data = buildXlsx({ sheets: [submissionSheet('尧都区', rows)], sharedStrings });
    const report = await aggregate([{ path: 'words.xlsx', data }], await linfenCampaign());
    expect(report.files[0]?.status).toBe('ok');
    expect(report.rows.map((entry) => entry.note)).toEqual(['cut', 'missing']);
    expect(report.issues.filter((issue) => issue.severity === 'error')).toEqual([]);
  });
});
