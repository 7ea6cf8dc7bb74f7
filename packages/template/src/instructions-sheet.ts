import type { ResolvedCampaign } from '@jianshen/plugin-kit';
import type { Lang } from '@jianshen/schema';
import type { Worksheet } from 'exceljs';
import type { ColumnGuidance } from './column-guidance.js';
import { formatDay, formatPeriod } from './period-text.js';
import { protectSheet, type SheetProtectionModel } from './sheet-protection.js';
import { allBorders, font, wrappedHeight } from './sheet-style.js';
import type { TemplateLayout } from './template-layout.js';

export interface InstructionsSheetInput {
  sheet: Worksheet;
  campaign: ResolvedCampaign;
  guidance: readonly ColumnGuidance[];
  layout: TemplateLayout;
  tableSheetName: string;
  lang: Lang;
  protection: SheetProtectionModel;
}

// 列名 | 是否必填 | 填写说明 | 示例: one row per column, so no row here looks like the table's header.
const columnWidths = [24, 10, 62, 30];
const totalWidth = columnWidths.reduce((sum, width) => sum + width, 0);

/** "临汾市体育局 聂欣春、赵阳" — people grouped by unit, phones after names. */
function contactLine(campaign: ResolvedCampaign, lang: Lang): string | undefined {
  const contacts = campaign.contacts;
  if (!contacts) return undefined;
  const groups = new Map<string, string[]>();
  for (const person of contacts.people) {
    const unit = person.unit ?? '';
    const shown = person.phone ? `${person.name}（${person.phone}）` : person.name;
    groups.set(unit, [...(groups.get(unit) ?? []), shown]);
  }
  const people = [...groups]
    .map(([unit, names]) => `${unit === '' ? '' : `${unit} `}${names.join(lang === 'en' ? ', ' : '、')}`)
    .join(lang === 'en' ? '; ' : '；');
  const parts: string[] = [];
  if (people !== '') parts.push(lang === 'en' ? `contact: ${people}` : `联系人：${people}`);
  if (contacts.phone) parts.push(lang === 'en' ? `phone: ${contacts.phone}` : `联系电话：${contacts.phone}`);
  if (contacts.email) parts.push(lang === 'en' ? `e-mail: ${contacts.email}` : `电子邮箱：${contacts.email}`);
  if (contacts.address)
    parts.push(lang === 'en' ? `address: ${contacts.address}` : `地址：${contacts.address}`);
  return parts.length === 0 ? undefined : parts.join(lang === 'en' ? '; ' : '；');
}

function notes(input: InstructionsSheetInput): string[] {
  const { campaign, layout, tableSheetName, lang } = input;
  const rows = layout.lastInputRow - layout.firstInputRow + 1;
  const contact = contactLine(campaign, lang);
  if (lang === 'en') {
    const send = [
      campaign.submitTo ? `Send the completed table to ${campaign.submitTo}` : 'Send the completed table',
      contact,
    ]
      .filter(Boolean)
      .join('; ');
    return [
      `1. Deadline: submit by ${formatDay(campaign.deadline, 'en')}.`,
      `2. ${send}.`,
      `3. Period: activities held ${formatPeriod(campaign.period, 'en')}; dates outside it are queried when the tables are merged.`,
      `4. On sheet “${tableSheetName}”, write your unit's name in row ${layout.unitRow} and one activity per row from row ${layout.firstInputRow} (${rows} rows). Need more? Insert rows between the existing ones: they keep the lists and checks. Do not change, add, remove or reorder the header columns.`,
      '5. Columns with an arrow take a choice from the list. Selecting a cell shows how to fill it; Excel warns when an entry does not fit.',
      '6. Save and send this file as .xlsx: not .xls, .csv or PDF, and keep the sheet names.',
    ];
  }
  const send = [campaign.submitTo ? `报送至${campaign.submitTo}` : '按通知要求报送', contact]
    .filter(Boolean)
    .join('；');
  return [
    `一、报送时间：请于${formatDay(campaign.deadline)}前报送。`,
    `二、报送方式：${send}。`,
    `三、统计范围：${formatPeriod(campaign.period)}举办的活动；不在此期间的，汇总时会提示核实。`,
    `四、填写方法：在「${tableSheetName}」工作表第 ${layout.unitRow} 行填写单位名称，从第 ${layout.firstInputRow} 行起每行填写一项活动（共 ${rows} 行）。行数不够时，在已有行中间插入行，插入的行保留下拉列表和校验。请勿修改、增删或调换表头各列。`,
    '五、带下拉箭头的列请从列表中选择；选中单元格时会显示填写提示，填写不符合要求时 Excel 会提示。',
    '六、请直接保存本文件（.xlsx 格式）报送，不要另存为 .xls、.csv 或 PDF，也不要修改工作表名称。',
  ];
}

/** Fills 填表说明: deadline, where to send, the period, how to fill each column and an example for each. */
export function fillInstructionsSheet(input: InstructionsSheetInput): void {
  const { sheet, campaign, guidance, lang, protection } = input;
  const fonts = campaign.fonts;
  columnWidths.forEach((width, index) => {
    sheet.getColumn(index + 1).width = width;
  });

  let row = 1;
  const mergedLine = (text: string, size: number, fontName: string, height?: number): void => {
    sheet.mergeCells(`A${row}:D${row}`);
    const cell = sheet.getCell(`A${row}`);
    cell.value = text;
    cell.font = font(fontName, size);
    cell.alignment = {
      vertical: 'middle',
      wrapText: true,
      ...(height === undefined ? {} : { horizontal: 'center' }),
    };
    sheet.getRow(row).height = height ?? wrappedHeight([{ text, width: totalWidth }], size);
    row++;
  };

  mergedLine(lang === 'en' ? 'How to fill in the table' : '填表说明', 18, fonts.title, 36);
  mergedLine(campaign.tableTitle, 12, fonts.heading, 24);
  row++;
  for (const note of notes(input)) mergedLine(note, 11, fonts.song);
  row++;

  const headings =
    lang === 'en'
      ? ['Column', 'Required', 'How to fill it', 'Example']
      : ['列名', '是否必填', '填写说明', '示例'];
  const headingRow = sheet.getRow(row);
  headings.forEach((text, index) => {
    const cell = headingRow.getCell(index + 1);
    cell.value = text;
    cell.font = font(fonts.heading, 11, { bold: true });
    cell.alignment = { horizontal: 'center', vertical: 'middle' };
    cell.border = allBorders;
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
  });
  headingRow.height = 24;
  row++;

  for (const column of guidance) {
    const how =
      column.rule === ''
        ? column.hint
        : `${column.hint}${lang === 'en' ? ` (${column.rule})` : `（${column.rule}）`}`;
    const values = [
      column.label,
      column.required ? (lang === 'en' ? 'Yes' : '必填') : lang === 'en' ? 'No' : '选填',
      how,
      column.example,
    ];
    const line = sheet.getRow(row);
    values.forEach((text, index) => {
      const cell = line.getCell(index + 1);
      // Text, never a number or date: the example shows exactly what to type.
      cell.value = text;
      cell.numFmt = '@';
      cell.font = font(
        fonts.song,
        11,
        index === 1 && column.required ? { bold: true, color: { argb: 'FFC00000' } } : {},
      );
      cell.alignment = { vertical: 'middle', horizontal: index === 1 ? 'center' : 'left', wrapText: true };
      cell.border = allBorders;
    });
    line.height = wrappedHeight(values.map((text, index) => ({ text, width: columnWidths[index] ?? 10 })));
    row++;
  }

  sheet.views = [{ state: 'normal', showGridLines: false, activeCell: 'A1' }];
  sheet.pageSetup = {
    paperSize: 9,
    orientation: 'portrait',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    horizontalCentered: true,
    margins: { left: 0.5, right: 0.5, top: 0.7, bottom: 0.7, header: 0.3, footer: 0.3 },
  };
  protectSheet(sheet, protection);
}
