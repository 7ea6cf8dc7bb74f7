import type { ResolvedCampaign } from '@jianshen/plugin-kit';
import { type Lang, textsIn } from '@jianshen/schema';
import type { Worksheet } from 'exceljs';
import type { ColumnGuidance } from './column-guidance.js';
import { addDataValidation } from './data-validation.js';
import { protectSheet, type SheetProtectionModel } from './sheet-protection.js';
import { allBorders, displayWidth, font, wrappedHeight } from './sheet-style.js';
import { columnLetter, type TemplateLayout } from './template-layout.js';
import { type TemplateSays, templateText } from './template-text.js';

export interface TableSheetInput {
  sheet: Worksheet;
  campaign: ResolvedCampaign;
  guidance: readonly ColumnGuidance[];
  layout: TemplateLayout;
  lang: Lang;
  protection: SheetProtectionModel;
  /** List formula of each choice column (column index → `"a,b"` or a defined name). */
  listFormulas: ReadonlyMap<number, string>;
  /** List formula of the campaign's expected units, offered (not imposed) for the unit name. */
  unitList?: string;
}

/**
 * The column's width from its metadata, widened so the header label reads on one line (up to 30
 * characters wide): a wrapped label breaks wherever the font runs out, e.g. before 、.
 */
function columnWidth(column: ColumnGuidance): number {
  const labelWidth = displayWidth(column.label) + 2;
  if (labelWidth <= column.field.width) return column.field.width;
  return Math.max(column.field.width, labelWidth <= 30 ? labelWidth : Math.ceil(labelWidth / 2) + 4);
}

/**
 * Fills the statistics-table sheet: title, unit line, header, the input block and its guidance,
 * then how it is viewed, printed and protected.
 */
export function fillTableSheet(input: TableSheetInput): void {
  const say = textsIn(templateText, input.lang);
  input.guidance.forEach((column, index) => {
    input.sheet.getColumn(index + 1).width = columnWidth(column);
  });
  writeTitle(input);
  writeUnitLine(input, say);
  writeHeader(input);
  formatInputBlock(input);
  addColumnValidations(input);
  setViewAndPrint(input, say);
  protectSheet(input.sheet, input.protection);
}

/** Title: merged across the table, as on the notice's attachment page. */
function writeTitle({ sheet, campaign, layout }: TableSheetInput): void {
  sheet.mergeCells(`A${layout.titleRow}:${layout.lastColumn}${layout.titleRow}`);
  const title = sheet.getCell(`A${layout.titleRow}`);
  title.value = campaign.tableTitle;
  title.font = font(campaign.fonts.title, 18);
  title.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  sheet.getRow(layout.titleRow).height = 40;
}

/** 单位名称（盖章）： with an unlocked cell for the name (the aggregator keeps it). */
function writeUnitLine(input: TableSheetInput, say: TemplateSays): void {
  const { sheet, campaign, layout } = input;
  const { unitRow } = layout;
  sheet.mergeCells(`A${unitRow}:B${unitRow}`);
  const unitLabel = sheet.getCell(`A${unitRow}`);
  unitLabel.value = say('unitLine', { unitLine: campaign.table.unitLine });
  unitLabel.font = font(campaign.fonts.song, 12);
  unitLabel.alignment = { horizontal: 'left', vertical: 'bottom' };
  sheet.mergeCells(layout.unitRange);
  for (let column = 3; column <= 5; column++) {
    const cell = sheet.getCell(unitRow, column);
    cell.protection = { locked: false };
    cell.font = font(campaign.fonts.song, 12);
    cell.alignment = { horizontal: 'left', vertical: 'bottom' };
    cell.numFmt = '@';
  }
  addUnitValidation(input, say);
  sheet.getRow(unitRow).height = 26;
}

/**
 * The name's cell is selected on opening, and its prompt says what goes there (an underline
 * would vanish into the header's top border). With expected units it offers them as a list but
 * accepts any name (no error message): 尧都区体育局 is as good as 尧都区.
 */
function addUnitValidation({ sheet, layout, unitList }: TableSheetInput, say: TemplateSays): void {
  const unitPrompt = { allowBlank: true, showInputMessage: true, promptTitle: say('unitTitle') };
  addDataValidation(
    sheet,
    layout.unitCell,
    unitList === undefined
      ? {
          type: 'textLength',
          operator: 'lessThanOrEqual',
          formulae: [100],
          ...unitPrompt,
          prompt: say('unitPrompt'),
          showErrorMessage: true,
          errorStyle: 'stop',
          errorTitle: say('unitTitle'),
          error: say('unitTooLong'),
        }
      : {
          type: 'list',
          formulae: [unitList],
          ...unitPrompt,
          prompt: say('unitPromptList'),
          showErrorMessage: false,
        },
  );
}

/** Header: the campaign's labels in order, exactly (readers match them). */
function writeHeader({ sheet, campaign, guidance, layout }: TableSheetInput): void {
  const header = sheet.getRow(layout.headerRow);
  guidance.forEach((column, index) => {
    const cell = header.getCell(index + 1);
    cell.value = column.label;
    cell.font = font(campaign.fonts.heading, 11, { bold: true });
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.border = allBorders;
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
  });
  header.height = Math.max(
    30,
    wrappedHeight(
      guidance.map((column) => ({ text: column.label, width: columnWidth(column) })),
      11,
    ),
  );
}

/** Input block: bordered, unlocked, formatted per column. */
function formatInputBlock({ sheet, campaign, guidance, layout }: TableSheetInput): void {
  for (let row = layout.firstInputRow; row <= layout.lastInputRow; row++) {
    const line = sheet.getRow(row);
    guidance.forEach((column, index) => {
      const cell = line.getCell(index + 1);
      const kind = column.field.column.kind;
      cell.border = allBorders;
      cell.font = font(campaign.fonts.song, 11);
      cell.alignment = {
        vertical: 'middle',
        horizontal: kind === 'sequence' || kind === 'number' ? 'center' : 'left',
        wrapText: column.wrap,
      };
      if (column.numberFormat) cell.numFmt = column.numberFormat;
      cell.protection = { locked: false };
    });
    // No fixed height: Excel and WPS grow a row as wrapped text is typed (a fixed one hides a
    // long 活动简介 on screen and on paper); the blank form prints with the default height.
  }
}

function addColumnValidations({ sheet, guidance, layout, listFormulas }: TableSheetInput): void {
  guidance.forEach((column, index) => {
    const letter = columnLetter(index + 1);
    addDataValidation(
      sheet,
      `${letter}${layout.firstInputRow}:${letter}${layout.lastInputRow}`,
      column.validation(`${letter}${layout.firstInputRow}`, listFormulas.get(index)),
    );
  });
}

/** Frozen header, the unit's cell selected; landscape A4, one page wide, the header on every page. */
function setViewAndPrint({ sheet, layout }: TableSheetInput, say: TemplateSays): void {
  const { headerRow, firstInputRow, lastInputRow, lastColumn } = layout;
  sheet.views = [
    {
      state: 'frozen',
      xSplit: 0,
      ySplit: headerRow,
      topLeftCell: `A${firstInputRow}`,
      activeCell: layout.unitCell,
      showGridLines: false,
    },
  ];
  sheet.pageSetup = {
    paperSize: 9,
    orientation: 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    horizontalCentered: true,
    margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    printTitlesRow: `${headerRow}:${headerRow}`,
    printArea: `A1:${lastColumn}${lastInputRow}`,
  };
  sheet.headerFooter = { oddFooter: say('pageFooter') };
}
