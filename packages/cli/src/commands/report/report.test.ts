import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readZipText } from '@jianshen/ooxml';
import { describe, expect, it } from 'vitest';
import { runCaptured as cli } from '../../run-captured.test-support.js';

const submissions = fileURLToPath(
  new URL('../../../../../examples/linfen-2024/submissions/', import.meta.url),
);
const reportName = '关于2024年“奋进新征程 运动促健康”全民健身志愿服务活动开展情况的报告.docx';

function linfenFolder(): string {
  const directory = mkdtempSync(join(tmpdir(), 'jianshen-cli-report-'));
  for (const name of readdirSync(submissions).filter((file) => !file.endsWith('.py'))) {
    copyFileSync(join(submissions, name), join(directory, name));
  }
  return directory;
}

function documentText(path: string): string {
  const xml = readZipText(readFileSync(path), 'word/document.xml') ?? '';
  return [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((match) => match[1]).join('');
}

describe('jianshen aggregate and jianshen report', () => {
  it('aggregate writes the draft report; report rebuilds it from report.json with new wording', async () => {
    const directory = linfenFolder();
    const aggregated = await cli(['aggregate', '.', '-o', 'out', '--submitted-on', '2024-05-27'], directory);
    expect(aggregated.stderr).toBe('');
    expect(aggregated.stdout).toContain(`out/${reportName}`);
    const first = documentText(join(directory, 'out', reportName));
    const report = JSON.parse(readFileSync(join(directory, 'out', 'report.json'), 'utf8'));
    expect(first).toContain(`各单位共报送活动${report.summary.rowsAccepted}项`);
    expect(first).toContain('省体育局：');

    // The clerk edits the wording in the campaign and rebuilds without rereading submissions.
    const campaign = {
      ...JSON.parse(JSON.stringify((await import('@jianshen/schema')).linfen2024Campaign)),
      report: {
        recipients: '山西省体育局',
        signer: '王强',
        closing: ['下一步，我局将继续做好活动组织工作。'],
      },
    };
    writeFileSync(join(directory, 'campaign.json'), JSON.stringify(campaign));
    const rebuilt = await cli(
      ['report', '--campaign', 'campaign.json', 'out/report.json', '-o', 'again.docx'],
      directory,
    );
    expect(rebuilt).toMatchObject({ code: 0, stderr: '' });
    expect(rebuilt.stdout).toContain('已生成报告：again.docx');
    const second = documentText(join(directory, 'again.docx'));
    expect(second).toContain('山西省体育局：');
    expect(second).toContain('签发人：王强');
    expect(second).toContain('下一步，我局将继续做好活动组织工作。');
    expect(second).toContain(`各单位共报送活动${report.summary.rowsAccepted}项`);
  });

  it('refuses a file that is not a report.json, and one of another campaign (exit 2)', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'jianshen-cli-report-'));
    writeFileSync(join(directory, 'not.json'), JSON.stringify({ hello: 1 }));
    const wrong = await cli(['report', 'not.json', '-o', 'r.docx'], directory);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('不是 jianshen aggregate 写出的 report.json');
    const other = {
      version: 1,
      campaign: { id: 'other' },
      files: [],
      rows: [],
      issues: [],
      summary: { byUnit: [], byMode: [] },
    };
    writeFileSync(join(directory, 'other.json'), JSON.stringify(other));
    const english = await cli(['report', 'other.json', '-o', 'r.docx', '--lang', 'en'], directory);
    expect(english.code).toBe(2);
    expect(english.stderr).toContain('belongs to campaign "other"');
    expect(existsSync(join(directory, 'r.docx'))).toBe(false);
  });
});
