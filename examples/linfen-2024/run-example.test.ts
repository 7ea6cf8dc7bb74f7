import { type SpawnSyncReturns, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readZipText } from '@jianshen/ooxml';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt } from '../test-support/ensure-built.js';

const script = fileURLToPath(new URL('./run-example.mjs', import.meta.url));
const submissions = fileURLToPath(new URL('./submissions/', import.meta.url));
const out = mkdtempSync(join(tmpdir(), 'jianshen-linfen-example-'));
let run: SpawnSyncReturns<string>;

describe('npm run example (examples/linfen-2024)', () => {
  beforeAll(() => {
    ensureBuilt();
    run = spawnSync(process.execPath, [script, '--out', out], { encoding: 'utf8' });
  }, 600_000);

  it('succeeds although the messy submissions make aggregate exit with 1', () => {
    expect(run.stderr).not.toMatch(/Error|失败/);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('$ jianshen aggregate');
    expect(run.stdout).toContain(`${out}/notice.docx`);
  });

  it('writes the notice with the reference title and the attachment table', () => {
    const document = readZipText(readFileSync(join(out, 'notice.docx')), 'word/document.xml') ?? '';
    expect(document).toContain('临体字〔2024〕44号');
    expect(document).toContain('2024年全民健身志愿服务活动统计表');
  });

  it('writes both templates with the nine built-in columns', () => {
    const sheets = readZipText(readFileSync(join(out, 'template.xlsx')), 'xl/sharedStrings.xml') ?? '';
    const workbook = new TextDecoder().decode(readFileSync(join(out, 'template.xlsx')));
    const docx = readZipText(readFileSync(join(out, 'template.docx')), 'word/document.xml') ?? '';
    for (const label of ['序号', '举办单位', '活动名称', '举办时间', '联系方式', '备注']) {
      expect(docx).toContain(label);
      expect(sheets || workbook).toContain(label);
    }
  });

  it('aggregates every sample submission into report.json and a workbook', () => {
    const aggregate = join(out, 'aggregate');
    const report = JSON.parse(readFileSync(join(aggregate, 'report.json'), 'utf8')) as {
      campaign: { id: string };
      files: { path: string; status: string; ignoredReason?: string }[];
      summary: { rowsAccepted: number; errors: number };
    };
    expect(report.campaign.id).toBe('linfen-2024-fitness-volunteer');
    // Every file of the folder is listed: the spreadsheets and documents are read, the generator
    // script is listed as ignored (not a kind of submission), never passed over in silence.
    expect(report.files.map((file) => file.path.split('/').pop()).sort()).toEqual(
      readdirSync(submissions).sort(),
    );
    const script = report.files.find((file) => file.path.endsWith('make-submissions.py'));
    expect(script).toMatchObject({ status: 'ignored', ignoredReason: 'other-type' });
    expect(report.summary.rowsAccepted).toBeGreaterThan(0);
    expect(report.summary.errors).toBeGreaterThan(0);
    expect(readdirSync(aggregate).some((name) => name.endsWith('.xlsx'))).toBe(true);
    expect(existsSync(join(aggregate, 'report.json'))).toBe(true);
  });
});
