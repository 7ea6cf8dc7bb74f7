import ExcelJS from 'exceljs';

/**
 * Fills a generated .xlsx template the way a county clerk does in Excel: the unit on the
 * 单位名称 line, then one row per activity under the header, cells found by their header text.
 */
export async function fillTemplate(
  template: Uint8Array,
  unit: string,
  rows: readonly Readonly<Record<string, string | number>>[],
): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(template as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new Error('the template has no sheet');
  let headerRow = 0;
  sheet.eachRow((row, number) => {
    if (headerRow === 0 && (row.values as unknown[]).includes('活动名称')) headerRow = number;
  });
  if (headerRow === 0) throw new Error('no header row with 活动名称 in the template');
  const columns = new Map<string, number>();
  sheet.getRow(headerRow).eachCell((cell, number) => {
    if (typeof cell.value === 'string') columns.set(cell.value, number);
  });
  sheet.eachRow((row) => {
    row.eachCell((cell) => {
      if (typeof cell.value === 'string' && cell.value.startsWith('单位名称'))
        cell.value = `单位名称（盖章）：${unit}`;
    });
  });
  for (const [index, values] of rows.entries()) {
    for (const [label, value] of Object.entries(values)) {
      const column = columns.get(label);
      if (column === undefined) throw new Error(`the template has no column ${label}`);
      sheet.getRow(headerRow + 1 + index).getCell(column).value = value;
    }
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
