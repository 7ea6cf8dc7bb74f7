import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readZipText } from '@jianshen/ooxml';
import { parseTemplateMarker, templateMarkerName } from '@jianshen/schema';
import { describe, expect, it } from 'vitest';
import { runCaptured as cli } from '../../run-captured.test-support.js';

const otherCity = {
  id: 'datong-2025-fitness-day',
  issuer: { name: '大同市体育局', mark: '大同市体育局文件', areaCode: '0352' },
  docNumber: '同体字〔2025〕12号',
  title: '大同市体育局关于做好全民健身日活动统计工作的通知',
  recipients: '各县（区）文化和旅游体育局：',
  body: ['请于2025年9月15日前报送统计表。'],
  attachments: [{ kind: 'statistics-table', title: '2025年全民健身日活动统计表' }],
  period: { start: '2025-08-01', end: '2025-08-31' },
  deadline: '2025-09-15',
  table: { rows: 12 },
};

function marker(bytes: Uint8Array) {
  const workbook = readZipText(bytes, 'xl/workbook.xml') ?? '';
  const text = new RegExp(`<definedName name="${templateMarkerName}"[^>]*>([^<]*)</definedName>`).exec(
    workbook,
  )?.[1];
  return parseTemplateMarker(text ?? '');
}

describe('jianshen template', () => {
  it('writes the built-in Linfen template as .xlsx', async () => {
    const directory = await mkdtemp(join(tmpdir(), 'jianshen-template-cli-'));
    const result = await cli(['template', '-o', 'out/统计表.xlsx'], directory);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toContain('已生成模板');
    const bytes = new Uint8Array(await readFile(join(directory, 'out/统计表.xlsx')));
    expect(marker(bytes)?.campaign).toBe('linfen-2024-fitness-volunteer');
    expect(readZipText(bytes, 'xl/worksheets/sheet1.xml')).toContain('sqref="E4:E23"');
  });

  it('follows a campaign file and --rows', async () => {
    const directory = await mkdtemp(join(tmpdir(), 'jianshen-template-cli-'));
    await writeFile(join(directory, 'datong.json'), JSON.stringify(otherCity));
    const result = await cli(
      ['template', '--campaign', 'datong.json', '--rows', '5', '-o', 'datong.xlsx'],
      directory,
    );
    expect(result).toMatchObject({ code: 0, stderr: '' });
    const bytes = new Uint8Array(await readFile(join(directory, 'datong.xlsx')));
    expect(marker(bytes)?.campaign).toBe('datong-2025-fitness-day');
    const sheet = readZipText(bytes, 'xl/worksheets/sheet1.xml') ?? '';
    expect(sheet).toContain('sqref="E4:E8"');
    expect(sheet).toContain('F4&gt;=DATE(2025,8,1)');
    expect(readZipText(bytes, 'xl/workbook.xml')).toContain('name="2025年全民健身日活动统计表"');
  });

  it('writes the .docx twin', async () => {
    const directory = await mkdtemp(join(tmpdir(), 'jianshen-template-cli-'));
    const result = await cli(['template', '-o', 'attachment.docx'], directory);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    const document = readZipText(
      new Uint8Array(await readFile(join(directory, 'attachment.docx'))),
      'word/document.xml',
    );
    expect(document).toContain('<w:tblHeader/>');
    expect(document).toContain('2024年全民健身志愿服务活动统计表');
  });

  it('writes an English template with --lang en', async () => {
    const directory = await mkdtemp(join(tmpdir(), 'jianshen-template-cli-'));
    const result = await cli(['template', '--lang', 'en', '-o', 'en.xlsx'], directory);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toContain('Template written');
    const bytes = new Uint8Array(await readFile(join(directory, 'en.xlsx')));
    expect(readZipText(bytes, 'xl/workbook.xml')).toContain('name="Instructions"');
  });

  it('refuses another extension with exit code 2', async () => {
    const directory = await mkdtemp(join(tmpdir(), 'jianshen-template-cli-'));
    const result = await cli(['template', '-o', 'table.pdf'], directory);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('.xlsx 或 .docx');
  });
});
