import { type CellSpec, type SheetSpec, sheetXml } from './workbook-bytes.js';

/** The nine columns of the Linfen statistics table, as the template prints them. */
export const tableHeader = [
  '序号',
  '举办单位',
  '活动名称',
  '活动简介',
  '举办方式（线上、线下）',
  '举办时间',
  '联系人',
  '联系方式',
  '备注',
] as const;

/** 1-based row of the first data row in `submissionSheet` (title, unit line, header above it). */
export const firstDataRow = 4;

/** A row every reader must accept: every field valid, the date inside the campaign period. */
export function validRow(index: number, unit = '尧都区'): CellSpec[] {
  return [
    index,
    `${unit}体育中心`,
    `${unit}社区健步走第${index}场`,
    `在${unit}鼓楼社区开展健步走，约 80 人参加`,
    '线下',
    `2024-06-${String((index % 28) + 1).padStart(2, '0')}`,
    '王明',
    `1391234${String(5000 + index).padStart(4, '0')}`,
    '',
  ];
}

/** The table as a county sends it: merged title, 单位名称（盖章） line, header, data rows. */
export function submissionSheet(
  unit: string,
  dataRows: readonly (readonly CellSpec[])[],
  options: { name?: string; footer?: boolean; merges?: readonly string[] } = {},
): SheetSpec {
  return {
    name: options.name ?? 'Sheet1',
    rows: [
      ['2024年全民健身志愿服务活动统计表'],
      [`单位名称（盖章）：${unit}体育局`],
      [...tableHeader],
      ...dataRows,
      ...(options.footer === false ? [] : [[], ['填表人：张三', '', '', '审核人：李四']]),
    ],
    merges: ['A1:I1', 'A2:I2', ...(options.merges ?? [])],
  };
}

/**
 * The worksheet XML of a submission with `rowCount` valid rows, produced piece by piece so a
 * million-row sheet never exists as one string.
 */
export function* largeSheetXml(unit: string, rowCount: number): Generator<string> {
  const head = sheetXml(submissionSheet(unit, [], { footer: false }));
  yield head.slice(0, head.indexOf('</sheetData>'));
  for (let index = 1; index <= rowCount; index++) {
    const row = firstDataRow + index - 1;
    // Inline strings keep each row self-contained; cell references as Excel writes them.
    yield `<row r="${row}"><c r="A${row}"><v>${index}</v></c><c r="B${row}" t="inlineStr"><is><t>${unit}体育中心</t></is></c><c r="C${row}" t="inlineStr"><is><t>健步走第${index}场</t></is></c><c r="E${row}" t="inlineStr"><is><t>线下</t></is></c><c r="F${row}" t="inlineStr"><is><t>2024-06-15</t></is></c><c r="G${row}" t="inlineStr"><is><t>王明</t></is></c><c r="H${row}" t="inlineStr"><is><t>13912345678</t></is></c></row>`;
  }
  yield '</sheetData></worksheet>';
}
