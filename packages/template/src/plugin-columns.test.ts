import { readZipText } from '@jianshen/ooxml';
import { definePlugin, type ResolvedCampaign, resolveCampaign } from '@jianshen/plugin-kit';
import {
  createTemplateMarker,
  linfen2024Campaign,
  parseTemplateMarker,
  templateMarkerName,
} from '@jianshen/schema';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { elementContent } from '../../ooxml/src/xml-snapshot.test-support.js';
import { renderTemplateXlsx } from './index.js';
import { readTemplateRows } from './read-template-rows.test-support.js';
import { dataValidations, definedNames, prettyXml } from './sheet-xml.test-support.js';

// A campaign for another city and year, with a plugin adding a choice and a count column.
const sportsPlugin = definePlugin({
  name: 'test-sports',
  fields: [
    {
      key: 'sport',
      label: '运动项目',
      schema: z.enum(['太极拳', '广场舞', '健步走']),
      required: true,
      hint: { zh: '从下拉列表选择运动项目', en: 'Pick the sport' },
      example: '太极拳',
    },
    {
      key: 'participants',
      label: '参与人数',
      schema: z.number().int().min(0),
      required: true,
    },
  ],
});

const yuncheng2025 = {
  ...linfen2024Campaign,
  id: 'yuncheng-2025-fitness',
  issuer: { name: '运城市体育局', mark: '运城市体育局文件', areaCode: '0359' },
  attachments: [{ kind: 'statistics-table', title: '2025年全民健身活动统计表' }],
  period: { start: '2025-03-01', end: '2025-09-30' },
  deadline: '2025-02-20',
  submitTo: '市体育局群体处',
  plugins: [sportsPlugin],
} as const;

let campaign: ResolvedCampaign;
let bytes: Uint8Array;
let sheetXml: string;

beforeAll(async () => {
  campaign = await resolveCampaign(yuncheng2025);
  bytes = await renderTemplateXlsx(campaign);
  sheetXml = readZipText(bytes, 'xl/worksheets/sheet1.xml') ?? '';
});

describe('a campaign with plugin columns and another period', () => {
  it('puts the plugin columns in the header, before 备注', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    expect(sheet?.name).toBe('2025年全民健身活动统计表');
    const header = ((sheet?.getRow(3).values ?? []) as unknown[]).slice(1);
    expect(header).toEqual([
      '序号',
      '举办单位',
      '活动名称',
      '活动简介',
      '举办方式（线上、线下）',
      '举办时间',
      '联系人',
      '联系方式',
      '运动项目',
      '参与人数',
      '备注',
    ]);
    expect(sheetXml).toContain('<mergeCell ref="A1:K1"/>');
    expect(sheet?.getCell('A1').value).toBe('2025年全民健身活动统计表');
  });

  it('validates plugin columns from their zod schemas', () => {
    const byRange = new Map(
      dataValidations(sheetXml).map((validation) => [validation.attributes.sqref, validation]),
    );
    expect(byRange.get('I4:I23')?.attributes).toMatchObject({ type: 'list', errorStyle: 'stop' });
    expect(byRange.get('I4:I23')?.formula1).toBe('"太极拳,广场舞,健步走"');
    expect(byRange.get('I4:I23')?.attributes.prompt).toBe('必填。从下拉列表选择运动项目');
    expect(byRange.get('J4:J23')?.attributes).toMatchObject({
      type: 'whole',
      operator: 'greaterThanOrEqual',
      errorStyle: 'stop',
    });
    expect(byRange.get('J4:J23')?.formula1).toBe('0');
    expect(byRange.get('J4:J23')?.attributes.prompt).toBe('必填。填写不小于 0 的整数');
    expect(byRange.get('K4:K23')?.attributes.type).toBe('textLength');
  });

  it('bounds 举办时间 by the new period and uses its area code', () => {
    const date = dataValidations(sheetXml).find((validation) => validation.attributes.sqref === 'F4:F23');
    expect(date?.formula1).toContain('F4>=DATE(2025,3,1)');
    expect(date?.formula1).toContain('F4<=DATE(2025,9,30)');
    expect(date?.attributes.prompt).toContain('2025年3月15日');
    expect(date?.attributes.prompt).toContain('2025.3.15-3.19');
    const phone = dataValidations(sheetXml).find((validation) => validation.attributes.sqref === 'H4:H23');
    expect(phone?.attributes.prompt).toContain('0359-1234567');
  });

  it('explains the new campaign and its columns on 填表说明', () => {
    const shared = readZipText(bytes, 'xl/sharedStrings.xml') ?? '';
    expect(shared).toContain('一、报送时间：请于2025年2月20日前报送。');
    expect(shared).toContain('报送至市体育局群体处');
    expect(shared).toContain('2025年3月1日至2025年9月30日');
    expect(shared).toContain('<t>运动项目</t>');
    expect(shared).toContain('<t>太极拳</t>');
    expect(shared).toContain('<t>2025年3月15日</t>');
    expect(shared).not.toContain('2024年6月15日');
  });

  it('marks the template with the new campaign and its column fingerprint', async () => {
    const workbookXml = readZipText(bytes, 'xl/workbook.xml') ?? '';
    const marker = parseTemplateMarker(
      definedNames(workbookXml).find((name) => name.name === templateMarkerName)?.text ?? '',
    );
    expect(marker).toEqual(createTemplateMarker(campaign));
    const linfen = await resolveCampaign(linfen2024Campaign);
    expect(marker?.fingerprint).not.toBe(linfen.fingerprint);
    expect(definedNames(workbookXml).find((name) => name.name === '_xlnm.Print_Area')?.text).toBe(
      "'2025年全民健身活动统计表'!$A1:$K23",
    );
  });

  it('reads back blank, and filled rows with the plugin values', async () => {
    expect((await readTemplateRows(bytes, campaign)).rows).toEqual([]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    if (!sheet) throw new Error('no sheet');
    const values = [
      1,
      '盐湖区体育中心',
      '健步走进社区',
      '',
      '线下',
      new Date(Date.UTC(2025, 4, 1)),
      '张强',
      '0359-2123456',
      '健步走',
      120,
      '',
    ];
    values.forEach((value, index) => {
      sheet.getRow(4).getCell(index + 1).value = value;
    });
    const filled = new Uint8Array(await workbook.xlsx.writeBuffer());
    const rows = (await readTemplateRows(filled, campaign)).rows;
    expect(rows).toHaveLength(1);
    expect(rows[0]?.issues).toEqual([]);
    expect(rows[0]?.values).toMatchObject({
      sport: '健步走',
      participants: 120,
      date: { start: '2025-05-01' },
    });
  });

  it('matches the sheet XML snapshot', async () => {
    await expect(prettyXml(elementContent(sheetXml, 'worksheet'))).toMatchFileSnapshot(
      './__snapshots__/plugin-columns.sheet1.xml',
    );
  });
});
