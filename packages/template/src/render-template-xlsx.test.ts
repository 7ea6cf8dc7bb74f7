import { createRequire } from 'node:module';
import { readZipText, unpackZip } from '@jianshen/ooxml';
import { type ResolvedCampaign, resolveCampaign } from '@jianshen/plugin-kit';
import {
  createTemplateMarker,
  linfen2024Campaign,
  parseTemplateMarker,
  templateMarkerName,
} from '@jianshen/schema';
import { beforeAll, describe, expect, it } from 'vitest';
import { elementContent } from '../../ooxml/src/xml-snapshot.test-support.js';
import { renderTemplateXlsx } from './index.js';
import { readTemplateRows } from './read-template-rows.test-support.js';
import { cellStyle, dataValidations, definedNames, element, prettyXml } from './sheet-xml.test-support.js';

let campaign: ResolvedCampaign;
let bytes: Uint8Array;
let sheetXml: string;
let stylesXml: string;
let workbookXml: string;

function part(data: Uint8Array, name: string): string {
  const text = readZipText(data, name);
  if (text === undefined) throw new Error(`missing ${name}`);
  return text;
}

beforeAll(async () => {
  campaign = await resolveCampaign(linfen2024Campaign);
  bytes = await renderTemplateXlsx(campaign);
  sheetXml = part(bytes, 'xl/worksheets/sheet1.xml');
  stylesXml = part(bytes, 'xl/styles.xml');
  workbookXml = part(bytes, 'xl/workbook.xml');
});

describe('renderTemplateXlsx (Linfen 2024)', () => {
  it('is byte-identical for the same campaign', async () => {
    const again = await renderTemplateXlsx(await resolveCampaign(linfen2024Campaign));
    expect(Buffer.from(again).equals(Buffer.from(bytes))).toBe(true);
    expect(part(bytes, 'docProps/core.xml')).toContain(
      '<dcterms:created xsi:type="dcterms:W3CDTF">2024-05-28T00:00:00Z',
    );
  });

  it('has the table first, named after it, then 填表说明', () => {
    const sheets = [...workbookXml.matchAll(/<sheet\s([^>]*)\/>/g)].map((match) => match[1] ?? '');
    expect(sheets.map((sheet) => /name="([^"]*)"/.exec(sheet)?.[1])).toEqual([
      '2024年全民健身志愿服务活动统计表',
      '填表说明',
    ]);
    expect(element(workbookXml, 'workbookView')?.activeTab).toBe('0');
  });

  it('writes the title, the unit line and the header in campaign order', async () => {
    const read = await readTemplateRows(bytes, campaign);
    expect(read.sheetName).toBe('2024年全民健身志愿服务活动统计表');
    const shared = part(bytes, 'xl/sharedStrings.xml');
    expect(shared).toContain('<t>2024年全民健身志愿服务活动统计表</t>');
    expect(shared).toContain('<t>单位名称（盖章）：</t>');
    expect(sheetXml).toContain('<mergeCell ref="A1:I1"/>');
    expect(sheetXml).toContain('<mergeCell ref="A2:B2"/>');
    expect(sheetXml).toContain('<mergeCell ref="C2:E2"/>');
    const strings = [...shared.matchAll(/<t[^>]*>(.*?)<\/t>/g)].map((match) => match[1]);
    const header = [...sheetXml.matchAll(/<c r="[A-Z]+3"[^>]*t="s"[^>]*><v>(\d+)<\/v>/g)].map(
      (match) => strings[Number(match[1])],
    );
    expect(header).toEqual(campaign.fields.map((field) => field.label));
  });

  it('reads back as zero data rows', async () => {
    const read = await readTemplateRows(bytes, campaign);
    expect(read.rows).toEqual([]);
    expect(read.unit).toBe('');
  });

  it('guides every input column with a bounded validation', () => {
    const validations = dataValidations(sheetXml);
    const byRange = new Map(validations.map((validation) => [validation.attributes.sqref, validation]));
    // One per column over rows 4–23, plus the unit-name prompt; never a whole column.
    expect([...byRange.keys()].sort()).toEqual(
      ['A4:A23', 'B4:B23', 'C2', 'C4:C23', 'D4:D23', 'E4:E23', 'F4:F23', 'G4:G23', 'H4:H23', 'I4:I23'].sort(),
    );
    for (const validation of validations) {
      expect(validation.attributes.sqref).toMatch(/^[A-Z]+\d+(:[A-Z]+\d+)?$/);
      expect(validation.attributes.showInputMessage).toBe('1');
      expect(validation.attributes.prompt?.length ?? 0).toBeLessThanOrEqual(255);
      expect(validation.attributes.promptTitle?.length ?? 0).toBeLessThanOrEqual(32);
      // Excel's limit for a validation formula (and an inline list).
      expect(validation.formula1?.length ?? 0).toBeLessThanOrEqual(255);
    }

    const mode = byRange.get('E4:E23');
    expect(mode?.attributes).toMatchObject({ type: 'list', errorStyle: 'stop', allowBlank: '1' });
    expect(mode?.formula1).toBe('"线上,线下,线上线下"');
    expect(mode?.attributes.error).toContain('线上、线下、线上线下');

    const date = byRange.get('F4:F23');
    expect(date?.attributes).toMatchObject({ type: 'custom', errorStyle: 'warning' });
    expect(date?.formula1).toContain('F4>=DATE(2024,6,1)');
    expect(date?.formula1).toContain('F4<=DATE(2024,11,30)');
    // Range text such as 2024.7.15-7.19 passes: text starting with a digit.
    expect(date?.formula1).toContain('AND(ISTEXT(F4),LEN(F4)<=40,ISNUMBER(-LEFT(F4)))');
    expect(date?.attributes.prompt).toContain('2024.6.15-6.19');

    const phone = byRange.get('H4:H23');
    expect(phone?.attributes).toMatchObject({ type: 'custom', errorStyle: 'warning' });
    expect(phone?.formula1).toMatch(/^AND\(LEN\(H4\)>=7,LEN\(H4\)<=60,/);
    expect(phone?.formula1).toContain('SUBSTITUTE(');
    expect(phone?.formula1).toContain('"转"');
    expect(phone?.attributes.prompt).toContain('0357-1234567');

    for (const [range, max] of [
      ['B4:B23', '100'],
      ['C4:C23', '100'],
      ['D4:D23', '500'],
      ['G4:G23', '50'],
      ['I4:I23', '200'],
    ] as const) {
      expect(byRange.get(range)?.attributes).toMatchObject({
        type: 'textLength',
        operator: 'lessThanOrEqual',
      });
      expect(byRange.get(range)?.formula1).toBe(max);
    }
    expect(byRange.get('B4:B23')?.attributes.prompt).toMatch(/^必填。/);
    expect(byRange.get('I4:I23')?.attributes.prompt).toMatch(/^选填。/);
    // The unit cell offers the expected units but accepts any name (no error message).
    const unit = byRange.get('C2');
    expect(unit?.attributes.prompt).toContain('单位全称');
    expect(unit?.attributes.type).toBe('list');
    expect(unit?.attributes.showErrorMessage).toBeUndefined();
    expect(unit?.formula1).toBe(`"${linfen2024Campaign.expectedUnits.join(',')}"`);
  });

  it('freezes the header, prints landscape A4 one page wide and repeats the header', () => {
    expect(element(sheetXml, 'pane')).toMatchObject({ ySplit: '3', topLeftCell: 'A4', state: 'frozen' });
    expect(element(sheetXml, 'pageSetUpPr')).toEqual({ fitToPage: '1' });
    expect(element(sheetXml, 'pageSetup')).toMatchObject({
      paperSize: '9',
      orientation: 'landscape',
      fitToWidth: '1',
      fitToHeight: '0',
    });
    const names = definedNames(workbookXml);
    expect(names.find((name) => name.name === '_xlnm.Print_Titles')).toMatchObject({
      attributes: { localSheetId: '0' },
      text: "'2024年全民健身志愿服务活动统计表'!$3:$3",
    });
    expect(names.find((name) => name.name === '_xlnm.Print_Area')?.text).toBe(
      "'2024年全民健身志愿服务活动统计表'!$A1:$I23",
    );
  });

  it('locks the header, unlocks the inputs and protects the sheet without a password', () => {
    expect(element(sheetXml, 'sheetProtection')).toEqual({
      sheet: '1',
      formatCells: '0',
      formatColumns: '0',
      formatRows: '0',
      insertRows: '0',
      objects: '1',
      scenarios: '1',
    });
    expect(element(part(bytes, 'xl/worksheets/sheet2.xml'), 'sheetProtection')?.sheet).toBe('1');
    for (const address of ['A1', 'A2', 'A3', 'E3', 'I3']) {
      expect(cellStyle(sheetXml, stylesXml, address).inner, address).not.toContain('locked="0"');
    }
    for (const address of ['C2', 'A4', 'E4', 'I23']) {
      expect(cellStyle(sheetXml, stylesXml, address).inner, address).toContain('<protection locked="0"/>');
    }
  });

  it('wraps 活动简介, keeps phones as text and shows dates as 年月日', () => {
    expect(cellStyle(sheetXml, stylesXml, 'D4').inner).toContain('wrapText="1"');
    expect(cellStyle(sheetXml, stylesXml, 'H4').xf.numFmtId).toBe('49');
    const dateFormat = cellStyle(sheetXml, stylesXml, 'F4').xf.numFmtId;
    expect(stylesXml).toContain(
      `<numFmt numFmtId="${dateFormat}" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/>`,
    );
    const widths = [...sheetXml.matchAll(/<col min="(\d+)"[^>]*width="([\d.]+)"/g)].map((match) =>
      Number(match[2]),
    );
    expect(widths[3]).toBe(40);
    // 举办方式（线上、线下） is widened to read on one line.
    expect(widths[4]).toBe(24);
  });

  it('carries the hidden versioned marker as a defined name', () => {
    const marker = definedNames(workbookXml).find((name) => name.name === templateMarkerName);
    expect(marker?.attributes.hidden).toBe('1');
    expect(parseTemplateMarker(marker?.text ?? '')).toEqual(createTemplateMarker(campaign));
    expect(parseTemplateMarker(marker?.text ?? '')).toEqual({
      kit: 'jianshen',
      version: 1,
      campaign: 'linfen-2024-fitness-volunteer',
      fingerprint: campaign.fingerprint,
    });
  });

  it('explains the campaign on 填表说明', () => {
    const shared = part(bytes, 'xl/sharedStrings.xml');
    expect(shared).toContain('一、报送时间：请于2024年5月28日前报送。');
    expect(shared).toContain('报送至市体育局群体科');
    expect(shared).toContain('临汾市体育局 聂欣春、赵阳');
    expect(shared).toContain('1fstyjqt2023@163.com');
    expect(shared).toContain('2024年6月1日至2024年11月30日');
    // The example column: one example per column, dates inside the period.
    for (const example of [
      '尧都区体育中心',
      '社会体育指导员进社区健身指导',
      '线下',
      '2024年6月15日',
      '13912345678',
    ]) {
      expect(shared).toContain(`<t>${example}</t>`);
    }
  });

  it('matches the sheet XML snapshot', async () => {
    await expect(prettyXml(elementContent(sheetXml, 'worksheet'))).toMatchFileSnapshot(
      './__snapshots__/linfen-2024.sheet1.xml',
    );
  });
});

describe('renderTemplateXlsx options', () => {
  it('writes the number of rows asked for', async () => {
    const five = await renderTemplateXlsx(campaign, { rows: 5 });
    const xml = part(five, 'xl/worksheets/sheet1.xml');
    expect(dataValidations(xml).map((validation) => validation.attributes.sqref)).toContain('E4:E8');
    expect(xml).toContain('<dimension ref="A1:I8"/>');
    await expect(renderTemplateXlsx(campaign, { rows: 0 })).rejects.toThrow(RangeError);
  });

  it('writes English labels, prompts and instructions with lang en', async () => {
    const english = await renderTemplateXlsx(campaign, { lang: 'en' });
    const shared = part(english, 'xl/sharedStrings.xml');
    expect(shared).toContain('<t>Mode (online/offline)</t>');
    expect(part(english, 'xl/workbook.xml')).toContain('name="Instructions"');
    const mode = dataValidations(part(english, 'xl/worksheets/sheet1.xml')).find(
      (validation) => validation.attributes.sqref === 'E4:E23',
    );
    // The choices stay Chinese (the English hint names them), so merged tables keep one wording.
    expect(mode?.formula1).toBe('"线上,线下,线上线下"');
    expect(mode?.attributes.prompt).toContain('Pick 线上 (online)');
  });

  it('hashes a campaign password the way Excel does, deterministically', async () => {
    const locked = { ...campaign, table: { ...campaign.table, password: '临汾2024' } };
    const first = await renderTemplateXlsx(locked);
    const second = await renderTemplateXlsx(locked);
    expect(Buffer.from(first).equals(Buffer.from(second))).toBe(true);
    const protection = element(part(first, 'xl/worksheets/sheet1.xml'), 'sheetProtection');
    expect(protection).toMatchObject({ sheet: '1', algorithmName: 'SHA-512', spinCount: '100000' });
    // exceljs's own implementation of the ECMA-376 hash agrees.
    const require = createRequire(import.meta.url);
    const encryptor = require('exceljs/lib/utils/encryptor.js') as {
      convertPasswordToHash(password: string, algorithm: string, salt: string, spinCount: number): string;
    };
    expect(encryptor.convertPasswordToHash('临汾2024', 'SHA512', protection?.saltValue ?? '', 100_000)).toBe(
      protection?.hashValue,
    );
  });

  it('puts long choice lists on a hidden sheet behind a defined name', async () => {
    const options = Array.from({ length: 40 }, (_, index) => `第${index + 1}类全民健身志愿服务项目`);
    const longList = {
      ...campaign,
      expectedUnits: Array.from({ length: 60 }, (_, index) => `第${index + 1}社区体育指导站`),
      fields: campaign.fields.map((field) =>
        field.key === 'mode' ? { ...field, column: { ...field.column, options } } : field,
      ),
    };
    const data = await renderTemplateXlsx(longList);
    const workbook = part(data, 'xl/workbook.xml');
    expect(workbook).toMatch(/<sheet sheetId="3" name="下拉选项" state="veryHidden"/);
    const listName = definedNames(workbook).find((name) => name.name === 'JianshenList_E');
    expect(listName?.text).toBe("'下拉选项'!$A$2:$A$41");
    const mode = dataValidations(part(data, 'xl/worksheets/sheet1.xml')).find(
      (validation) => validation.attributes.sqref === 'E4:E23',
    );
    expect(mode?.formula1).toBe('JianshenList_E');
    expect(definedNames(workbook).find((name) => name.name === 'JianshenList_Units')?.text).toBe(
      "'下拉选项'!$B$2:$B$61",
    );
    const unit = dataValidations(part(data, 'xl/worksheets/sheet1.xml')).find(
      (validation) => validation.attributes.sqref === 'C2',
    );
    expect(unit?.formula1).toBe('JianshenList_Units');
    expect(Object.keys(unpackZip(data))).toContain('xl/worksheets/sheet3.xml');
  });
});
