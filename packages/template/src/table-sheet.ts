import { columnLetter } from '@jianshen/ooxml';
import type { ResolvedCampaign } from '@jianshen/plugin-kit';
import type { Lang } from '@jianshen/schema';
import type { Worksheet } from 'exceljs';
import type { ColumnGuidance } from './column-guidance.js';
import { addDataValidation } from './data-validation.js';
import { protectSheet, type SheetProtectionModel } from './sheet-protection.js';
import { allBorders, displayWidth, font, wrappedHeight } from './sheet-style.js';
import type { TemplateLayout } from './template-layout.js';

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

/** Fills the statistics-table sheet: title, unit line, header, the input block and its guidance. */
export function fillTableSheet({
  sheet,
  campaign,
  guidance,
  layout,
  lang,
  protection,
  listFormulas,
  unitList,
}: TableSheetInput): void {
  const fonts = campaign.fonts;
  const { lastColumn, headerRow, firstInputRow, lastInputRow } = layout;

  guidance.forEach((column, index) => {
    sheet.getColumn(index + 1).width = columnWidth(column);
  });

  // Title: merged across the table, as on the notice's attachment page.
  sheet.mergeCells(`A${layout.titleRow}:${lastColumn}${layout.titleRow}`);
  const title = sheet.getCell(`A${layout.titleRow}`);
  title.value = campaign.tableTitle;
  title.font = font(fonts.title, 18);
  title.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  sheet.getRow(layout.titleRow).height = 40;

  // 单位名称（盖章）： with an unlocked, underlined cell for the name (the aggregator keeps it).
  const { unitRow } = layout;
  sheet.mergeCells(`A${unitRow}:B${unitRow}`);
  const unitLabel = sheet.getCell(`A${unitRow}`);
  unitLabel.value = lang === 'en' ? 'Unit (with seal): ' : campaign.table.unitLine;
  unitLabel.font = font(fonts.song, 12);
  unitLabel.alignment = { horizontal: 'left', vertical: 'bottom' };
  sheet.mergeCells(layout.unitRange);
  for (let column = 3; column <= 5; column++) {
    const cell = sheet.getCell(unitRow, column);
    cell.protection = { locked: false };
    cell.font = font(fonts.song, 12);
    cell.alignment = { horizontal: 'left', vertical: 'bottom' };
    cell.numFmt = '@';
  }
  // The name's cell is selected on opening, and its prompt says what goes there (an underline
  // would vanish into the header's top border). With expected units it offers them as a list but
  // accepts any name (no error message): 尧都区体育局 is as good as 尧都区.
  const unitPrompt = {
    allowBlank: true,
    showInputMessage: true,
    promptTitle: lang === 'en' ? 'Unit' : '单位名称',
  };
  addDataValidation(
    sheet,
    layout.unitCell,
    unitList === undefined
      ? {
          type: 'textLength',
          operator: 'lessThanOrEqual',
          formulae: [100],
          ...unitPrompt,
          prompt:
            lang === 'en'
              ? 'Type the full name of your unit here; stamp the printed table.'
              : '在此填写本单位全称，打印后加盖公章。',
          showErrorMessage: true,
          errorStyle: 'stop',
          errorTitle: lang === 'en' ? 'Unit' : '单位名称',
          error: lang === 'en' ? 'At most 100 characters.' : '单位名称不超过 100 个字。',
        }
      : {
          type: 'list',
          formulae: [unitList],
          ...unitPrompt,
          prompt:
            lang === 'en'
              ? 'Pick your unit from the list or type its full name; stamp the printed table.'
              : '从下拉列表选择本单位，或填写单位全称，打印后加盖公章。',
          showErrorMessage: false,
        },
  );
  sheet.getRow(unitRow).height = 26;

  // Header: the campaign's labels in order, exactly (readers match them).
  const header = sheet.getRow(headerRow);
  guidance.forEach((column, index) => {
    const cell = header.getCell(index + 1);
    cell.value = column.label;
    cell.font = font(fonts.heading, 11, { bold: true });
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

  // Input block: bordered, unlocked, formatted per column.
  for (let row = firstInputRow; row <= lastInputRow; row++) {
    const line = sheet.getRow(row);
    guidance.forEach((column, index) => {
      const cell = line.getCell(index + 1);
      cell.border = allBorders;
      cell.font = font(fonts.song, 11);
      cell.alignment = {
        vertical: 'middle',
        horizontal:
          column.field.column.kind === 'sequence' || column.field.column.kind === 'number'
            ? 'center'
            : 'left',
        wrapText: column.wrap,
      };
      if (column.numberFormat) cell.numFmt = column.numberFormat;
      cell.protection = { locked: false };
    });
    // No fixed height: Excel and WPS grow a row as wrapped text is typed (a fixed one hides a
    // long 活动简介 on screen and on paper); the blank form prints with the default height.
  }

  guidance.forEach((column, index) => {
    const letter = columnLetter(index);
    addDataValidation(
      sheet,
      `${letter}${firstInputRow}:${letter}${lastInputRow}`,
      column.validation(`${letter}${firstInputRow}`, listFormulas.get(index)),
    );
  });

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
  sheet.headerFooter = {
    oddFooter: lang === 'en' ? '&CPage &P of &N' : '&C第 &P 页，共 &N 页',
  };
  protectSheet(sheet, protection);
}
