import type { CampaignFonts } from '@jianshen/schema';
import type { TableRow } from 'docx';
import { type TableRowOptions, tableRow } from './table-cells.js';
import { tableRowsWriter } from './table-rows-writer.js';

/** Makes a table's rows, one per list of cell texts, laid out as `tableRow` lays them out. */
export type MakeTableRows = (
  fonts: CampaignFonts,
  texts: readonly (readonly string[])[],
  options: TableRowOptions,
) => TableRow[];

/** Rows as docx objects: a table that can go into any docx Document. */
export const docxTableRows: MakeTableRows = (fonts, texts, options) =>
  texts.map((cells) => tableRow(fonts, cells, options));

/** Rows written as XML, standing in their table as one placeholder row each until `packDocx` fills them in. */
export interface XmlTableRows {
  make: MakeTableRows;
  /** `document.xml` with each placeholder row replaced by the rows it stands for. */
  fill: (documentXml: string) => string;
}

let drafts = 0;

/**
 * Rows for a document packed with `packDocx(document, day, { rows })`: the same XML as
 * `docxTableRows` gives, written as text (table-rows-writer.ts). A placeholder row is one cell
 * holding a marker no campaign writes; its XML is found whole in document.xml and replaced.
 */
export function xmlTableRows(): XmlTableRows {
  const draft = `jianshen-rows-${++drafts}-${Math.random().toString(36).slice(2)}`;
  const pending: { placeholder: string; rows: string }[] = [];
  const make: MakeTableRows = (fonts, texts, options) => {
    const marker = [`${draft}-${pending.length}`];
    const placeholderOptions = { widths: [0] };
    pending.push({
      placeholder: tableRowsWriter(fonts, placeholderOptions)([marker]),
      rows: tableRowsWriter(fonts, options)(texts),
    });
    return [tableRow(fonts, marker, placeholderOptions)];
  };
  const fill = (documentXml: string) =>
    pending.reduce((xml, { placeholder, rows }) => {
      const at = xml.indexOf(placeholder);
      if (at < 0) throw new Error('xmlTableRows: a placeholder row is not in this document');
      return xml.slice(0, at) + rows + xml.slice(at + placeholder.length);
    }, documentXml);
  return { make, fill };
}
