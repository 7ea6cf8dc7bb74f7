import type { ResolvedCampaign } from '@jianshen/plugin-kit';
import { type CellValue, normalizeText, type ParsedRow, parseRow } from '@jianshen/schema';
import ExcelJS from 'exceljs';

/**
 * Test support (not part of the package): reads a filled template back the simple way, with
 * exceljs and the schema's `parseRow`, until the aggregator package can be used instead.
 */
export interface ReadBack {
  sheetName: string;
  unit: string;
  rows: ParsedRow[];
}

function flatten(value: ExcelJS.CellValue): CellValue {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return value;
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((run) => run.text).join('');
    if ('result' in value) return flatten(value.result as ExcelJS.CellValue);
    if ('text' in value) return flatten(value.text as ExcelJS.CellValue);
  }
  return String(value);
}

export async function readTemplateRows(bytes: Uint8Array, campaign: ResolvedCampaign): Promise<ReadBack> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new Error('no worksheet');
  const labels = new Map(campaign.fields.map((field) => [field.label, field]));
  let headerRow = -1;
  const columns = new Map<number, string>();
  sheet.eachRow((row, rowNumber) => {
    if (headerRow !== -1) return;
    const found = new Map<number, string>();
    row.eachCell((cell, columnNumber) => {
      const field = labels.get(normalizeText(flatten(cell.value)));
      if (field) found.set(columnNumber, field.key);
    });
    if (found.size === campaign.fields.length) {
      headerRow = rowNumber;
      for (const [column, key] of found) columns.set(column, key);
    }
  });
  if (headerRow === -1) throw new Error('header not found');
  const unitCells: string[] = [];
  sheet.getRow(2).eachCell((cell) => {
    // exceljs repeats a merged range's value in every cell of it; keep the top-left one.
    if (cell.isMerged && cell.master.address !== cell.address) return;
    unitCells.push(normalizeText(flatten(cell.value)));
  });
  const unit = unitCells.join('').replace(campaign.table.unitLine, '').trim();
  const rows: ParsedRow[] = [];
  for (let rowNumber = headerRow + 1; rowNumber <= sheet.rowCount; rowNumber++) {
    const row = sheet.getRow(rowNumber);
    const cells: Record<string, CellValue> = {};
    for (const [column, key] of columns) cells[key] = flatten(row.getCell(column).value);
    if (Object.values(cells).every((cell) => cell === undefined || normalizeText(cell) === '')) continue;
    rows.push(parseRow(cells, campaign.fields, campaign.fieldContext));
  }
  return { sheetName: sheet.name, unit, rows };
}
