import { type CampaignFonts, fontsSchema } from '@jianshen/schema';
import { Document, Paragraph, Table } from 'docx';
import { describe, expect, it } from 'vitest';
import { packDocx } from './pack-docx.js';
import { tableRow } from './table-cells.js';
import { docxTableRows, type MakeTableRows, xmlTableRows } from './table-row-makers.js';

// The campaign's default faces (仿宋_GB2312, 黑体 …), as a campaign file without `fonts` gets them.
const fonts: CampaignFonts = fontsSchema.parse(undefined);
const widths = [3000, 2000, 1000];
const texts = Array.from({ length: 30 }, (_, index) => [
  `单位${index}`,
  index % 3 ? '' : 'a&b',
  String(index),
]);

/** Two tables in two sections, their body rows made by `makeRows`. */
function document(makeRows: MakeTableRows, bodyTexts = texts): Document {
  const table = (rows: string[][]) =>
    new Table({
      rows: [
        tableRow(fonts, ['单位', '说明', '数'], { widths, header: true }),
        ...makeRows(fonts, rows, { widths }),
      ],
      columnWidths: widths,
    });
  return new Document({
    sections: [
      { children: [new Paragraph('一'), table(bodyTexts.slice(0, 10))] },
      { children: [table(bodyTexts.slice(10)), new Paragraph('二')] },
    ],
  });
}

describe('xmlTableRows', () => {
  it('packs to the same bytes as the rows made by docx', async () => {
    const rows = xmlTableRows();
    const fast = await packDocx(document(rows.make), '2024-06-01', { rows });
    const slow = await packDocx(document(docxTableRows), '2024-06-01');
    expect(Buffer.from(fast).equals(Buffer.from(slow))).toBe(true);
  });

  it('packs a table of more rows than it writes at once to the same bytes', async () => {
    const many = Array.from({ length: 700 }, (_, index) => [
      `单位${index}`,
      index % 7 ? '' : '<甲>',
      String(index),
    ]);
    const rows = xmlTableRows();
    const fast = await packDocx(document(rows.make, many), '2024-06-01', { rows });
    const slow = await packDocx(document(docxTableRows, many), '2024-06-01');
    expect(Buffer.from(fast).equals(Buffer.from(slow))).toBe(true);
  });

  it('says so when its rows are packed without it', async () => {
    const rows = xmlTableRows();
    rows.make(fonts, texts, { widths });
    await expect(packDocx(document(docxTableRows), '2024-06-01', { rows })).rejects.toThrow(/placeholder/);
  });
});
