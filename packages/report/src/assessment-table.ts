import { type Assessment, assessmentCells, assessmentHeaders } from '@jianshen/aggregator';
import { columnWidths, docxTableRows, type MakeTableRows, tableRow, textWidth } from '@jianshen/notice/kit';
import type { CampaignFonts, Lang } from '@jianshen/schema';
import { AlignmentType, Table, TableLayoutType, WidthType } from 'docx';

/**
 * The 考核 table in the report body: the same headings and cells as the workbook's 考核 sheet,
 * the header row repeated if the table runs onto the next page. `makeRows` makes the units' rows
 * (`xmlTableRows` when the document is packed by `packDocx` with them).
 */
export function assessmentTable(
  fonts: CampaignFonts,
  assessment: Assessment,
  lang: Lang,
  makeRows: MakeTableRows = docxTableRows,
): Table {
  const headers = assessmentHeaders(assessment, lang);
  // The unit's name gets the most room; the measures are short numbers.
  const widths = columnWidths(
    headers.map((_header, index) => (index === 0 ? 3 : index === 1 ? 2.2 : 1)),
    textWidth,
    headers.map((header) => [...header].length * 240 + 276),
  );
  const rows = makeRows(
    fonts,
    assessment.units.map((unit) => assessmentCells(assessment, unit, lang).map((value) => String(value))),
    { widths },
  );
  return new Table({
    rows: [tableRow(fonts, headers, { widths, header: true }), ...rows],
    width: { size: textWidth, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    alignment: AlignmentType.CENTER,
  });
}
