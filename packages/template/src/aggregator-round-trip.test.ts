import { aggregate } from '@jianshen/aggregator';
import { definePlugin, resolveCampaign } from '@jianshen/plugin-kit';
import { linfen2024Campaign } from '@jianshen/schema';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { renderTemplateXlsx } from './index.js';

// The aggregator is a sibling package: this test uses it (by name, through vitest's aliases) to
// prove the round trip the issue asks for; the template package does not depend on it.

async function fill(
  template: Uint8Array,
  unit: string,
  rows: readonly (readonly unknown[])[],
): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(template as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new Error('no sheet');
  sheet.getCell('C2').value = unit;
  rows.forEach((values, offset) => {
    values.forEach((value, index) => {
      if (value !== null) sheet.getRow(4 + offset).getCell(index + 1).value = value as ExcelJS.CellValue;
    });
  });
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

describe('the template through @jianshen/aggregator', () => {
  it('blank: zero rows and zero errors', async () => {
    const campaign = await resolveCampaign(linfen2024Campaign);
    const report = await aggregate(
      [{ path: '尧都区.xlsx', data: await renderTemplateXlsx(campaign) }],
      campaign,
    );
    expect(report.rows).toEqual([]);
    expect(report.issues.filter((issue) => issue.severity === 'error')).toEqual([]);
    expect(report.files).toHaveLength(1);
    expect(report.files[0]).toMatchObject({ status: 'ok', rowsRead: 0, rowsAccepted: 0, rowsRejected: 0 });
  });

  it('filled: exactly the rows typed, with the unit, plugin columns included', async () => {
    const plugin = definePlugin({
      name: 'test-sports',
      fields: [
        { key: 'sport', label: '运动项目', schema: z.enum(['太极拳', '广场舞', '健步走']), required: true },
        { key: 'participants', label: '参与人数', schema: z.number().int().min(0), required: true },
      ],
    });
    const campaign = await resolveCampaign({
      ...linfen2024Campaign,
      id: 'yuncheng-2025-fitness',
      period: { start: '2025-03-01', end: '2025-09-30' },
      deadline: '2025-02-20',
      expectedUnits: [],
      plugins: [plugin],
    });
    const data = await fill(await renderTemplateXlsx(campaign), '盐湖区体育局', [
      [
        1,
        '盐湖区体育中心',
        '健步走进社区',
        '社区健步走和健身讲座',
        '线下',
        new Date(Date.UTC(2025, 4, 1)),
        '张强',
        '13912345678',
        '健步走',
        120,
        null,
      ],
      [
        2,
        '盐湖区老年体协',
        '太极拳公益课',
        null,
        '线上线下',
        '2025.6.3-6.7',
        '李梅',
        '0359-2123456',
        '太极拳',
        45,
        '每天一课',
      ],
    ]);
    const report = await aggregate([{ path: '盐湖区.xlsx', data }], campaign);
    expect(report.issues.filter((issue) => issue.severity === 'error')).toEqual([]);
    expect(report.files[0]).toMatchObject({ unit: '盐湖区体育局', rowsRead: 2, rowsAccepted: 2 });
    expect(report.rows).toHaveLength(2);
    expect(report.rows.map(({ source: _source, ...row }) => row)).toEqual([
      {
        seq: 1,
        organizer: '盐湖区体育中心',
        name: '健步走进社区',
        summary: '社区健步走和健身讲座',
        mode: 'offline',
        start: '2025-05-01',
        end: '2025-05-01',
        contact: '张强',
        phone: ['13912345678'],
        note: '',
        unit: '盐湖区体育局',
        sport: '健步走',
        participants: 120,
      },
      {
        seq: 2,
        organizer: '盐湖区老年体协',
        name: '太极拳公益课',
        summary: '',
        mode: 'hybrid',
        start: '2025-06-03',
        end: '2025-06-07',
        contact: '李梅',
        phone: ['0359-2123456'],
        note: '每天一课',
        unit: '盐湖区体育局',
        sport: '太极拳',
        participants: 45,
      },
    ]);
    expect(report.rows.map((row) => row.source.row)).toEqual([4, 5]);
  });
});
