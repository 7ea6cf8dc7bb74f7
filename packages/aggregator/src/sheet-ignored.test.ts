import { resolveCampaign } from '@jianshen/plugin-kit';
import { linfen2024Campaign } from '@jianshen/schema';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { aggregate } from './index.js';

async function workbookWithStraySheet(): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const table = workbook.addWorksheet('统计表');
  table.addRow(['单位名称（盖章）：尧都区体育中心']);
  table.addRow([
    '序号',
    '举办单位',
    '活动名称',
    '活动简介',
    '举办方式',
    '举办时间',
    '联系人',
    '联系方式',
    '备注',
  ]);
  table.addRow([1, '尧都区体育中心', '健步走', '', '线下', '2024-06-15', '王明', '13912345678', '']);
  // The table is closed by its footer, so the next sheet does not continue it.
  table.addRow(['填表人：王明']);
  // Activities pasted on another sheet without the header: must not vanish without a word.
  const stray = workbook.addWorksheet('补充');
  stray.addRow([2, '尧都区体育中心', '太极拳', '', '线下', '2024-07-01', '李华', '13812345678']);
  stray.addRow([3, '尧都区体育中心', '广场舞', '', '线下', '2024-07-08', '李华', '13812345678']);
  workbook.addWorksheet('填表说明').addRow(['列', '说明', '示例']);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

describe('sheets without a table', () => {
  it('names a data-like sheet that has no header instead of dropping it silently', async () => {
    const campaign = await resolveCampaign(linfen2024Campaign);
    const report = await aggregate([{ path: '尧都区.xlsx', data: await workbookWithStraySheet() }], campaign);
    expect(report.rows).toHaveLength(1);
    const ignored = report.issues.filter((issue) => issue.code === 'sheet-ignored');
    expect(ignored).toEqual([
      expect.objectContaining({
        path: '尧都区.xlsx',
        sheet: '补充',
        severity: 'warning',
        message: expect.stringContaining('2 行'),
      }),
    ]);
  });
});
