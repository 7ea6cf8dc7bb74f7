import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readZipText } from '@jianshen/ooxml';
import { describe, expect, it } from 'vitest';
import { runCaptured as cli } from '../../run-captured.test-support.js';

const otherCity = {
  id: 'datong-2025-fitness-day',
  issuer: { name: '大同市体育局', mark: '大同市体育局文件' },
  docNumber: '同体字〔2025〕12号',
  title: '大同市体育局关于做好全民健身日活动统计工作的通知',
  recipients: '各县（区）文化和旅游体育局：',
  body: ['请于2025年9月15日前报送统计表。'],
  attachments: [{ kind: 'statistics-table', title: '2025年全民健身日活动统计表' }],
  signature: { name: '大同市体育局', date: '2025-07-20' },
  period: { start: '2025-08-01', end: '2025-08-31' },
  deadline: '2025-09-15',
};

describe('jianshen notice', () => {
  it('writes the built-in Linfen notice', async () => {
    const directory = await mkdtemp(join(tmpdir(), 'jianshen-notice-cli-'));
    const result = await cli(['notice', '-o', 'out/n.docx'], directory);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toContain('已生成通知');
    const document = readZipText(await readFile(join(directory, 'out/n.docx')), 'word/document.xml');
    expect(document).toContain('>临汾市体育局文件</w:t>');
    expect(document).toContain('>临体字〔2024〕44号</w:t>');
  });

  it('writes the notice of a campaign file', async () => {
    const directory = await mkdtemp(join(tmpdir(), 'jianshen-notice-cli-'));
    await writeFile(join(directory, 'datong.json'), JSON.stringify(otherCity));
    const result = await cli(['notice', '--campaign', 'datong.json', '-o', 'datong.docx'], directory);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    const document = readZipText(await readFile(join(directory, 'datong.docx')), 'word/document.xml');
    expect(document).toContain('>大同市体育局文件</w:t>');
    expect(document).not.toContain('临汾');
  });
});
