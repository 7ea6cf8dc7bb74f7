import { readZipDirectory } from '@jianshen/ooxml';
import { describe, expect, it } from 'vitest';
import { writeZip } from '../../../ooxml/src/zip-forge.test-support.js';
import { LimitError, resolveLimits } from '../limits.js';
import { odsMimeType, readOds } from './ods.js';
import { readSubmission } from './read-submission.js';

const namespaces =
  'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"';

/** An .ods package around a content.xml body (what goes inside office:spreadsheet). */
function ods(body: string, styles = '', settings = ''): Uint8Array {
  const content = `<?xml version="1.0" encoding="UTF-8"?><office:document-content ${namespaces}><office:automatic-styles>${styles}</office:automatic-styles><office:body><office:spreadsheet>${settings}${body}</office:spreadsheet></office:body></office:document-content>`;
  return writeZip([
    { name: 'mimetype', data: odsMimeType },
    { name: 'content.xml', data: content },
  ]);
}

const cell = (text: string, extra = '') =>
  `<table:table-cell office:value-type="string"${extra}><text:p>${text}</text:p></table:table-cell>`;

function read(bytes: Uint8Array, limits = resolveLimits()) {
  return readOds(readZipDirectory(bytes, limits.maxInflatedBytes), limits);
}

describe('readOds', () => {
  it('skips repeated empty rows and cells instead of expanding them', () => {
    const started = performance.now();
    const workbook = read(
      ods(
        `<table:table table:name="统计表"><table:table-row>${cell('序号')}<table:table-cell table:number-columns-repeated="900"/>${cell('备注')}</table:table-row><table:table-row table:number-rows-repeated="50000"><table:table-cell table:number-columns-repeated="1024"/></table:table-row><table:table-row>${cell('末行')}</table:table-row></table:table>`,
      ),
    );
    const sheet = workbook.sheets[0];
    expect(sheet?.rows.map((row) => row.row)).toEqual([1, 50002]);
    expect(sheet?.rows[0]?.cells[901]).toBe('备注');
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('reads spans as merges, typed values, spaces and line breaks, a hidden sheet', () => {
    const workbook = read(
      ods(
        `<table:table table:name="统计表"><table:table-row><table:table-cell table:number-columns-spanned="3" table:number-rows-spanned="2" office:value-type="string"><text:p>标题<text:s text:c="2"/>一</text:p><text:p>二</text:p></table:table-cell><table:covered-table-cell table:number-columns-repeated="2"/><table:table-cell office:value-type="date" office:date-value="2024-06-15T00:00:00"><text:p>2024年6月15日</text:p></table:table-cell><table:table-cell office:value-type="float" office:value="13912345678"><text:p>1.39E+10</text:p></table:table-cell></table:table-row></table:table><table:table table:name="说明" table:style-name="ta2"/>`,
        '<style:style style:name="ta2" style:family="table"><style:table-properties table:display="false"/></style:style>',
        '<table:calculation-settings><table:null-date table:date-value="1904-01-01"/></table:calculation-settings>',
      ),
    );
    const [sheet, hidden] = workbook.sheets;
    expect(sheet?.merges).toEqual([{ top: 1, left: 0, bottom: 2, right: 2 }]);
    expect(sheet?.rows[0]?.cells).toEqual([
      '标题  一\n二',
      undefined,
      undefined,
      new Date('2024-06-15T00:00:00Z'),
      13912345678,
    ]);
    expect(hidden).toMatchObject({ name: '说明', hidden: true });
    expect(workbook.date1904).toBe(true);
  });

  it('stops at the row, column and cell limits with a LimitError', () => {
    const limits = resolveLimits({ maxRows: 10, maxColumns: 5, maxCellLength: 8 });
    const rows = `<table:table table:name="S"><table:table-row table:number-rows-repeated="11">${cell('x')}</table:table-row></table:table>`;
    const columns = `<table:table table:name="S"><table:table-row>${cell('x', ' table:number-columns-repeated="6"')}</table:table-row></table:table>`;
    const long = `<table:table table:name="S"><table:table-row>${cell('123456789')}</table:table-row></table:table>`;
    for (const body of [rows, columns, long]) expect(() => read(ods(body), limits)).toThrow(LimitError);
  });

  it('counts rows and cells with content: a stray cell in A1048576 or AMJ1048576 is read, not refused', () => {
    // Probe: LibreOffice saving a 3-row table with one space in A1048576 repeats 1,048,569 empty
    // rows before it; the row limit counted that row's number and refused the whole file.
    const limits = resolveLimits({ maxRows: 10, maxColumns: 5 });
    const workbook = read(
      ods(
        `<table:table table:name="S"><table:table-row table:number-rows-repeated="3">${cell('x')}</table:table-row><table:table-row table:number-rows-repeated="1048572"><table:table-cell/></table:table-row><table:table-row>${cell(' ')}<table:table-cell table:number-columns-repeated="1022"/>${cell('远')}</table:table-row></table:table>`,
      ),
      limits,
    );
    const sheet = workbook.sheets[0];
    expect(sheet?.rows.map((row) => row.row)).toEqual([1, 2, 3, 1048576]);
    expect(sheet?.rows[3]?.cells).toEqual([' ']);
    expect(sheet?.notes).toEqual([
      { code: 'cell-far-right', row: 1048576, data: { cell: 'AMJ1048576', max: 5, value: '远' } },
    ]);
  });

  it('is chosen by content: an .ods named .xlsx, and an .odt refused', async () => {
    const table = `<table:table table:name="S"><table:table-row>${cell('x')}</table:table-row></table:table>`;
    const asXlsx = await readSubmission(ods(table), '报表.xlsx', resolveLimits());
    expect(asXlsx).toMatchObject({ ok: true, format: 'ods' });
    const text = writeZip([
      { name: 'mimetype', data: 'application/vnd.oasis.opendocument.text' },
      { name: 'content.xml', data: '<x/>' },
    ]);
    expect(await readSubmission(text, '通知.odt', resolveLimits())).toMatchObject({
      ok: false,
      code: 'file-unsupported',
    });
  });
});
