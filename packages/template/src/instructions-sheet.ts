import type { ResolvedCampaign } from '@jianshen/plugin-kit';
import { type Lang, textsIn } from '@jianshen/schema';
import type { Worksheet } from 'exceljs';
import type { ColumnGuidance } from './column-guidance.js';
import { formatDay, formatPeriod } from './period-text.js';
import { protectSheet, type SheetProtectionModel } from './sheet-protection.js';
import { allBorders, font, wrappedHeight } from './sheet-style.js';
import type { TemplateLayout } from './template-layout.js';
import { type TemplateSays, templateText } from './template-text.js';

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
function contactLine(campaign: ResolvedCampaign, say: TemplateSays): string | undefined {
  const contacts = campaign.contacts;
  if (!contacts) return undefined;
  const groups = new Map<string, string[]>();
  for (const person of contacts.people) {
    const unit = person.unit ?? '';
    const shown = person.phone ? `${person.name}（${person.phone}）` : person.name;
    groups.set(unit, [...(groups.get(unit) ?? []), shown]);
  }
  const people = [...groups]
    .map(([unit, names]) => `${unit === '' ? '' : `${unit} `}${names.join(say('listSeparator'))}`)
    .join(say('clauseSeparator'));
  const parts: string[] = [];
  if (people !== '') parts.push(say('contactPeople', { people }));
  if (contacts.phone) parts.push(say('contactPhone', { phone: contacts.phone }));
  if (contacts.email) parts.push(say('contactEmail', { email: contacts.email }));
  if (contacts.address) parts.push(say('contactAddress', { address: contacts.address }));
  return parts.length === 0 ? undefined : parts.join(say('clauseSeparator'));
}

function notes(input: InstructionsSheetInput, say: TemplateSays): string[] {
  const { campaign, layout, tableSheetName, lang } = input;
  const send = [
    campaign.submitTo ? say('sendTo', { to: campaign.submitTo }) : say('sendAsNoticed'),
    contactLine(campaign, say),
  ]
    .filter(Boolean)
    .join(say('clauseSeparator'));
  return [
    say('noteDeadline', { deadline: formatDay(campaign.deadline, lang) }),
    say('noteSend', { send }),
    say('notePeriod', { period: formatPeriod(campaign.period, lang) }),
    say('noteHowToFill', {
      sheet: tableSheetName,
      unitRow: layout.unitRow,
      firstRow: layout.firstInputRow,
      rows: layout.lastInputRow - layout.firstInputRow + 1,
    }),
    say('noteLists'),
    say('noteFormat'),
  ];
}

/** Fills 填表说明: deadline, where to send, the period, how to fill each column and an example for each. */
export function fillInstructionsSheet(input: InstructionsSheetInput): void {
  const { sheet, campaign, protection } = input;
  const say = textsIn(templateText, input.lang);
  columnWidths.forEach((width, index) => {
    sheet.getColumn(index + 1).width = width;
  });
  const writer = lineWriter(sheet);
  writer.merged(say('instructionsTitle'), 18, campaign.fonts.title, 36);
  writer.merged(campaign.tableTitle, 12, campaign.fonts.heading, 24);
  writer.skip();
  for (const note of notes(input, say)) writer.merged(note, 11, campaign.fonts.song);
  writer.skip();
  writeColumnTable(input, say, writer.next());
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

/** Writes lines merged across the four columns, one after another from the top. */
function lineWriter(sheet: Worksheet) {
  let row = 1;
  return {
    merged(text: string, size: number, fontName: string, height?: number): void {
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
    },
    skip(): void {
      row++;
    },
    next(): number {
      return row;
    },
  };
}

/** 列名 | 是否必填 | 填写说明 | 示例, from the given row: one row per column of the table. */
function writeColumnTable(input: InstructionsSheetInput, say: TemplateSays, firstRow: number): void {
  const { sheet, campaign, guidance } = input;
  const fonts = campaign.fonts;
  const headingRow = sheet.getRow(firstRow);
  (['columnHeading', 'requiredHeading', 'howHeading', 'exampleHeading'] as const).forEach((key, index) => {
    const cell = headingRow.getCell(index + 1);
    cell.value = say(key);
    cell.font = font(fonts.heading, 11, { bold: true });
    cell.alignment = { horizontal: 'center', vertical: 'middle' };
    cell.border = allBorders;
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
  });
  headingRow.height = 24;
  guidance.forEach((column, index) => {
    const values = [
      column.label,
      say(column.required ? 'requiredYes' : 'requiredNo'),
      column.rule === '' ? column.hint : say('hintWithRule', { hint: column.hint, rule: column.rule }),
      column.example,
    ];
    const line = sheet.getRow(firstRow + 1 + index);
    values.forEach((text, position) => {
      const cell = line.getCell(position + 1);
      // Text, never a number or date: the example shows exactly what to type.
      cell.value = text;
      cell.numFmt = '@';
      cell.font = font(
        fonts.song,
        11,
        position === 1 && column.required ? { bold: true, color: { argb: 'FFC00000' } } : {},
      );
      cell.alignment = { vertical: 'middle', horizontal: position === 1 ? 'center' : 'left', wrapText: true };
      cell.border = allBorders;
    });
    line.height = wrappedHeight(
      values.map((text, position) => ({ text, width: columnWidths[position] ?? 10 })),
    );
  });
}
