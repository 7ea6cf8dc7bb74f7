import { packZip, readZipText, unpackZip } from '@jianshen/ooxml';
import type { ResolvedCampaign } from '@jianshen/plugin-kit';
import {
  createTemplateMarker,
  defaultLang,
  type Lang,
  templateMarkerFormula,
  templateMarkerName,
  textsIn,
} from '@jianshen/schema';
import ExcelJS from 'exceljs';
import { columnGuidance } from './column-guidance.js';
import { fillInstructionsSheet } from './instructions-sheet.js';
import { protectSheet, sheetProtection } from './sheet-protection.js';
import { fillTableSheet } from './table-sheet.js';
import { columnLetter, safeSheetName, templateLayout } from './template-layout.js';
import { templateText } from './template-text.js';

export interface RenderTemplateXlsxOptions {
  /** Input rows in the table; default `campaign.table.rows`. */
  rows?: number;
  /** Language of labels, prompts and instructions; default Chinese. */
  lang?: Lang;
}

// Excel's cap on an inline list ("a,b,c") is 255 characters; stay under it.
const maxInlineList = 250;

function fitsInline(options: readonly string[]): boolean {
  return options.join(',').length <= maxInlineList && !options.some((option) => /[,"]/.test(option));
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** A calendar day tied to the campaign, so created/modified never depend on the clock. */
function workbookDate(campaign: ResolvedCampaign): Date {
  const day = campaign.signature?.date ?? campaign.imprint?.date ?? campaign.deadline;
  return new Date(`${day}T00:00:00Z`);
}

/**
 * Adds the hidden `JianshenTemplate` defined name. exceljs only writes defined names that are cell
 * ranges, so the constant goes into workbook.xml after writing.
 */
function addMarker(workbookXml: string, campaign: ResolvedCampaign): string {
  const marker = `<definedName name="${templateMarkerName}" hidden="1">${escapeXml(
    templateMarkerFormula(createTemplateMarker(campaign)),
  )}</definedName>`;
  if (workbookXml.includes('</definedNames>'))
    return workbookXml.replace('</definedNames>', `${marker}</definedNames>`);
  return workbookXml.replace('</sheets>', `</sheets><definedNames>${marker}</definedNames>`);
}

/**
 * The statistics-table template as .xlsx: sheet 1 the table with Excel's own guidance on every
 * input column, sheet 2 填表说明, a hidden marker naming the campaign. Byte-identical for the
 * same campaign and options.
 */
export async function renderTemplateXlsx(
  campaign: ResolvedCampaign,
  options: RenderTemplateXlsxOptions = {},
): Promise<Uint8Array> {
  const lang = options.lang ?? defaultLang;
  const rows = options.rows ?? campaign.table.rows;
  if (!Number.isInteger(rows) || rows < 1 || rows > 1000)
    throw new RangeError(`rows must be 1–1000, got ${rows}`);
  const guidance = columnGuidance(campaign, lang);
  const layout = templateLayout(guidance.length, rows);
  const protection = await sheetProtection(campaign.table.password, `${campaign.id}:${campaign.fingerprint}`);

  const workbook = new ExcelJS.Workbook();
  const date = workbookDate(campaign);
  workbook.created = date;
  workbook.modified = date;
  workbook.creator = campaign.issuer.name;
  workbook.lastModifiedBy = campaign.issuer.name;
  workbook.title = campaign.tableTitle;
  workbook.subject = campaign.title;

  const say = textsIn(templateText, lang);
  const tableSheetName = safeSheetName(campaign.tableTitle, say('tableSheet'));
  const instructionsName = say('instructionsSheet');
  const table = workbook.addWorksheet(
    tableSheetName === instructionsName ? `${tableSheetName}1` : tableSheetName,
  );
  const instructions = workbook.addWorksheet(instructionsName);

  // Choices too long (or with commas) for an inline list go on a hidden sheet behind a defined name.
  const hiddenLists: { name: string; title: string; options: readonly string[] }[] = [];
  const listFormula = (name: string, title: string, options: readonly string[]): string => {
    if (fitsInline(options)) return `"${options.join(',')}"`;
    hiddenLists.push({ name, title, options });
    return name;
  };
  const listFormulas = new Map<number, string>();
  guidance.forEach((column, index) => {
    if (column.options && column.options.length > 0) {
      listFormulas.set(
        index,
        listFormula(`JianshenList_${columnLetter(index + 1)}`, column.label, column.options),
      );
    }
  });
  const unitList =
    campaign.expectedUnits.length > 0
      ? listFormula('JianshenList_Units', campaign.table.unitLine, campaign.expectedUnits)
      : undefined;
  if (hiddenLists.length > 0) {
    const listSheetName = say('listsSheet');
    const lists = workbook.addWorksheet(listSheetName, { state: 'veryHidden' });
    hiddenLists.forEach(({ name, title, options }, listIndex) => {
      const letter = columnLetter(listIndex + 1);
      lists.getCell(1, listIndex + 1).value = title;
      options.forEach((option, row) => {
        lists.getCell(row + 2, listIndex + 1).value = option;
      });
      workbook.definedNames.add(`'${listSheetName}'!$${letter}$2:$${letter}$${options.length + 1}`, name);
    });
    protectSheet(lists, protection);
  }

  fillTableSheet({
    sheet: table,
    campaign,
    guidance,
    layout,
    lang,
    protection,
    listFormulas,
    ...(unitList === undefined ? {} : { unitList }),
  });
  fillInstructionsSheet({
    sheet: instructions,
    campaign,
    guidance,
    layout,
    tableSheetName: table.name,
    lang,
    protection,
  });
  workbook.views = [
    { x: 0, y: 0, width: 28800, height: 16000, firstSheet: 0, activeTab: 0, visibility: 'visible' },
  ];

  const written = new Uint8Array(await workbook.xlsx.writeBuffer());
  const entries = unpackZip(written);
  const workbookXml = readZipText(entries, 'xl/workbook.xml');
  if (workbookXml === undefined) throw new Error('exceljs wrote no xl/workbook.xml');
  entries['xl/workbook.xml'] = new TextEncoder().encode(addMarker(workbookXml, campaign));
  return packZip(entries);
}
