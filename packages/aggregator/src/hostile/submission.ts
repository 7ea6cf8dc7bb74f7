import { coreFields } from '@jianshen/schema';
import { type CellSpec, type SheetSpec, sheetXml } from './workbook-bytes.js';

/** The nine columns of the Linfen statistics table, as the template prints them: the core fields' labels. */
export const tableHeader: readonly string[] = coreFields.map((field) => field.label);

/** The first lines of the same table sent as CSV: title, 单位名称（盖章） line (`unitLine` after the colon), header. */
export function csvHead(unitLine: string): string[] {
  return ['2024年全民健身志愿服务活动统计表', `单位名称（盖章）：${unitLine}`, tableHeader.join(',')];
}

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

/** The shared strings a `largeSheetXml` sheet refers to, by index. */
export const largeSheetStrings = [
  '侯马市体育中心',
  '健步走',
  '线下',
  '2024-06-15',
  '王明',
  '13912345678',
] as const;

/**
 * The worksheet XML of a submission with `rowCount` rows, produced in pieces of a few thousand
 * rows so a million-row sheet never exists as one string. Cells use shared strings (indexes into
 * `largeSheetStrings`) and leave out their own references, as the format allows, to keep the
 * generated text small.
 */
export function* largeSheetXml(unit: string, rowCount: number): Generator<string> {
  const head = sheetXml(submissionSheet(unit, [], { footer: false }));
  yield head.slice(0, head.indexOf('</sheetData>'));
  const batch: string[] = [];
  for (let index = 1; index <= rowCount; index++) {
    batch.push(
      `<row r="${firstDataRow + index - 1}"><c><v>${index}</v></c><c t="s"><v>0</v></c><c t="s"><v>1</v></c><c/><c t="s"><v>2</v></c><c t="s"><v>3</v></c><c t="s"><v>4</v></c><c t="s"><v>5</v></c></row>`,
    );
    if (batch.length === 4096) {
      yield batch.join('');
      batch.length = 0;
    }
  }
  yield `${batch.join('')}</sheetData></worksheet>`;
}
