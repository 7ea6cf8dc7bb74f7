import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { aggregate } from '@jianshen/aggregator';
import { readZipText } from '@jianshen/ooxml';
import { resolveCampaign } from '@jianshen/plugin-kit';
import {
  createTemplateMarker,
  linfen2024Campaign,
  parseTemplateMarker,
  templateMarkerName,
} from '@jianshen/schema';
import { afterAll, describe, expect, it } from 'vitest';
import { renderTemplateXlsx } from './index.js';
import { readTemplateRows } from './read-template-rows.test-support.js';
import { dataValidations, definedNames } from './sheet-xml.test-support.js';

// Debian's python3 with python3-openpyxl: a program other than ours fills the template.
const python = '/usr/bin/python3';
const hasOpenpyxl = spawnSync(python, ['-c', 'import openpyxl'], { encoding: 'utf8' }).status === 0;
if (!hasOpenpyxl)
  console.warn(`openpyxl round trip skipped: ${python} with python3-openpyxl is not installed`);

const fillScript = `
import datetime, json, sys
import openpyxl
source, target, payload = sys.argv[1], sys.argv[2], json.loads(sys.argv[3])
workbook = openpyxl.load_workbook(source)
sheet = workbook.worksheets[0]
sheet[payload["unitCell"]] = payload["unit"]
for offset, row in enumerate(payload["rows"]):
    for column, value in enumerate(row, start=1):
        if value is None:
            continue
        if isinstance(value, dict):
            value = datetime.datetime.strptime(value["date"], "%Y-%m-%d")
        sheet.cell(row=payload["firstRow"] + offset, column=column, value=value)
workbook.save(target)
`;

type Cell = string | number | { date: string } | null;

// 序号 举办单位 活动名称 活动简介 举办方式 举办时间 联系人 联系方式 备注
const filledRows: Cell[][] = [
  [
    1,
    '尧都区体育中心',
    '社会体育指导员进社区健身指导',
    '在尧都区鼓楼社区开展太极拳教学和科学健身讲座，约 80 人参加',
    '线下',
    { date: '2024-06-15' },
    '王明',
    '13912345678',
    null,
  ],
  [
    2,
    '临汾市社会体育指导员协会',
    '全民健身志愿服务进校园',
    null,
    '线上线下',
    '2024.7.15-7.19',
    '李华',
    '0357-2345678转801、13812345678',
    '多日活动',
  ],
  [
    null,
    '侯马市体育局',
    '国民体质测定进社区',
    '体质测定和健康咨询',
    '线上',
    '2024年9月8日',
    null,
    '0357 4123456',
    null,
  ],
];

const expectedValues = [
  {
    seq: 1,
    organizer: '尧都区体育中心',
    name: '社会体育指导员进社区健身指导',
    summary: '在尧都区鼓楼社区开展太极拳教学和科学健身讲座，约 80 人参加',
    mode: 'offline',
    date: { start: '2024-06-15', end: '2024-06-15' },
    contact: '王明',
    phone: ['13912345678'],
  },
  {
    seq: 2,
    organizer: '临汾市社会体育指导员协会',
    name: '全民健身志愿服务进校园',
    mode: 'hybrid',
    date: { start: '2024-07-15', end: '2024-07-19' },
    contact: '李华',
    phone: ['0357-2345678转801', '13812345678'],
    note: '多日活动',
  },
  {
    organizer: '侯马市体育局',
    name: '国民体质测定进社区',
    summary: '体质测定和健康咨询',
    mode: 'online',
    date: { start: '2024-09-08', end: '2024-09-08' },
    phone: ['0357-4123456'],
  },
];

const directory = mkdtempSync(join(tmpdir(), 'jianshen-openpyxl-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

describe('a template filled by openpyxl', () => {
  it.skipIf(!hasOpenpyxl)('reads back exactly the rows it was given', async () => {
    const campaign = await resolveCampaign(linfen2024Campaign);
    const template = join(directory, 'template.xlsx');
    const filled = join(directory, 'filled.xlsx');
    writeFileSync(template, await renderTemplateXlsx(campaign));
    const payload = JSON.stringify({ unitCell: 'C2', unit: '临汾市体育局', firstRow: 4, rows: filledRows });
    const run = spawnSync(python, ['-c', fillScript, template, filled, payload], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);

    const bytes = new Uint8Array(readFileSync(filled));
    const read = await readTemplateRows(bytes, campaign);
    expect(read.unit).toBe('临汾市体育局');
    expect(read.rows.map((row) => row.issues)).toEqual([[], [], []]);
    expect(read.rows.map((row) => row.ok)).toEqual([true, true, true]);
    expect(read.rows.map((row) => row.values)).toEqual(expectedValues);

    // The aggregator (a sibling package, used here by name only) reads the same rows.
    const report = await aggregate([{ path: '尧都区.xlsx', data: bytes }], campaign);
    expect(report.issues.filter((issue) => issue.severity === 'error')).toEqual([]);
    expect(report.files[0]).toMatchObject({ unit: '临汾市体育局', rowsRead: 3, rowsAccepted: 3 });
    expect(
      report.rows.map((row) => ({
        organizer: row.organizer,
        mode: row.mode,
        start: row.start,
        end: row.end,
        phone: row.phone,
      })),
    ).toEqual(
      expectedValues.map((values) => ({
        organizer: values.organizer,
        mode: values.mode,
        start: values.date.start,
        end: values.date.end,
        phone: values.phone,
      })),
    );

    // openpyxl keeps what the aggregator and the clerk rely on: the marker and the guidance.
    const workbookXml = readZipText(bytes, 'xl/workbook.xml') ?? '';
    const marker = definedNames(workbookXml).find((name) => name.name === templateMarkerName);
    expect(parseTemplateMarker(marker?.text ?? '')).toEqual(createTemplateMarker(campaign));
    const sheetXml = readZipText(bytes, 'xl/worksheets/sheet1.xml') ?? '';
    expect(dataValidations(sheetXml).map((validation) => validation.attributes.sqref)).toContain('E4:E23');
  });
});
