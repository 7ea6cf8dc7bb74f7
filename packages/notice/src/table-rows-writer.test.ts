import { type CampaignFonts, fontsSchema } from '@jianshen/schema';
import { Document, Packer, Table } from 'docx';
import { describe, expect, it } from 'vitest';
import { part } from './docx-xml.test-support.js';
import { type TableRowOptions, tableRow } from './table-cells.js';
import { tableRowsWriter } from './table-rows-writer.js';

// The campaign's default faces (仿宋_GB2312, 黑体 …), as a campaign file without `fonts` gets them.
const fonts: CampaignFonts = fontsSchema.parse(undefined);

/** The rows' XML as docx writes them once packed. */
async function docxRowsXml(texts: string[][], options: TableRowOptions, face = fonts): Promise<string> {
  const rows = texts.map((cells) => tableRow(face, cells, options));
  const document = new Document({ sections: [{ children: [new Table({ rows })] }] });
  const xml = part(await Packer.pack(document, 'uint8array'), 'word/document.xml');
  return xml.slice(xml.indexOf('<w:tr>'), xml.lastIndexOf('</w:tr>') + '</w:tr>'.length);
}

const texts = [
  ['临汾市尧都区', '2024年7月1日至8月31日', '', '18947386621、0357-1234567'],
  ['A&B <c> "d" \'e\'', ' two  spaces ', '12', '尧都区体育局'],
];

describe('tableRowsWriter', () => {
  it.each<[string, TableRowOptions]>([
    ['body rows', { widths: [2340, 1716, 780, 996] }],
    ['header rows', { widths: [2340, 1716, 780, 996], header: true }],
    ['rows with a least height', { widths: [2340, 1716, 780, 996], minHeight: 567 }],
    ['more cells than widths, widths not whole', { widths: [2340.6, 1716] }],
  ])('writes %s character for character as docx does', async (_name, options) => {
    expect(tableRowsWriter(fonts, options)(texts)).toBe(await docxRowsXml(texts, options));
  });

  it('escapes font names as docx does', async () => {
    const odd = { ...fonts, body: 'A&B "Sans"' };
    const options = { widths: [1000] };
    const docx = await docxRowsXml([['x']], options, odd);
    expect(docx).toContain('w:eastAsia="A&amp;B &quot;Sans&quot;"');
    expect(tableRowsWriter(odd, options)([['x']])).toBe(docx);
  });
});
