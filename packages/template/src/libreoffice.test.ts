import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readZipText } from '@jianshen/ooxml';
import { resolveCampaign } from '@jianshen/plugin-kit';
import {
  createTemplateMarker,
  linfen2024Campaign,
  parseTemplateMarker,
  templateMarkerName,
} from '@jianshen/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderTemplateDocx, renderTemplateXlsx } from './index.js';
import { readTemplateRows } from './read-template-rows.test-support.js';
import { definedNames } from './sheet-xml.test-support.js';

/** Header labels every rendering of the Linfen template must show. */
const headerLabels = [
  '序号',
  '举办单位',
  '活动名称',
  '活动简介',
  '举办方式（线上、线下）',
  '举办时间',
  '联系方式',
  '备注',
];

const hasSoffice = spawnSync('soffice', ['--version'], { encoding: 'utf8' }).status === 0;
const hasPoppler = spawnSync('pdftotext', ['-v'], { encoding: 'utf8' }).status === 0;
if (!hasSoffice) console.warn('LibreOffice tests skipped: soffice is not installed');
if (hasSoffice && !hasPoppler)
  console.warn('PDF text checks skipped: pdftotext (poppler-utils) is not installed');

const directory = mkdtempSync(join(tmpdir(), 'jianshen-template-lo-'));
// A private profile per run: parallel soffice processes sharing one profile fail or hang.
const profile = `file://${join(directory, 'profile')}`;
let template = '';
let wordTemplate = '';

function soffice(format: string, input: string, outdir: string): void {
  mkdirSync(outdir, { recursive: true });
  const run = spawnSync(
    'soffice',
    [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', format, '--outdir', outdir, input],
    { encoding: 'utf8', timeout: 120_000 },
  );
  expect(run.status, run.stderr).toBe(0);
}

beforeAll(async () => {
  template = join(directory, 'template.xlsx');
  wordTemplate = join(directory, 'attachment.docx');
  const campaign = await resolveCampaign(linfen2024Campaign);
  writeFileSync(template, await renderTemplateXlsx(campaign));
  writeFileSync(wordTemplate, await renderTemplateDocx(campaign));
});
afterAll(() => rmSync(directory, { recursive: true, force: true }));

describe('the template in LibreOffice Calc', () => {
  it.skipIf(!hasSoffice || !hasPoppler)(
    'converts to PDF: the table on one landscape page, then 填表说明',
    () => {
      soffice('pdf', template, join(directory, 'pdf'));
      const pdf = join(directory, 'pdf', 'template.pdf');
      expect(existsSync(pdf)).toBe(true);
      const info = spawnSync('pdfinfo', [pdf], { encoding: 'utf8' }).stdout;
      expect(info).toMatch(/Pages:\s+2\n/);
      // A4 landscape is 842 × 595 points.
      expect(info).toMatch(/Page size:\s+841\.\d+ x 595\.\d+ pts \(A4\)/);
      const first = spawnSync('pdftotext', ['-f', '1', '-l', '1', '-layout', pdf, '-'], {
        encoding: 'utf8',
      }).stdout;
      expect(first).toContain('2024年全民健身志愿服务活动统计表');
      expect(first).toContain('单位名称（盖章）：');
      for (const label of headerLabels) {
        expect(first).toContain(label);
      }
      expect(first).toContain('第 1 页，共 2 页');
      const second = spawnSync('pdftotext', ['-f', '2', '-l', '2', pdf, '-'], { encoding: 'utf8' }).stdout;
      expect(second).toContain('填表说明');
      expect(second).toContain('2024年5月28日');
    },
  );

  it.skipIf(!hasSoffice)('saved again by Calc as .xlsx keeps the marker and reads as zero rows', async () => {
    soffice('xlsx:Calc MS Excel 2007 XML', template, join(directory, 'resaved'));
    const bytes = new Uint8Array(readFileSync(join(directory, 'resaved', 'template.xlsx')));
    const campaign = await resolveCampaign(linfen2024Campaign);
    const marker = definedNames(readZipText(bytes, 'xl/workbook.xml') ?? '').find(
      (name) => name.name === templateMarkerName,
    );
    expect(parseTemplateMarker(marker?.text ?? '')).toEqual(createTemplateMarker(campaign));
    const read = await readTemplateRows(bytes, campaign);
    expect(read.rows).toEqual([]);
  });

  it.skipIf(!hasSoffice || !hasPoppler)(
    'converts the .docx twin to landscape PDF pages with the table',
    () => {
      soffice('pdf', wordTemplate, join(directory, 'pdf'));
      const pdf = join(directory, 'pdf', 'attachment.pdf');
      const info = spawnSync('pdfinfo', [pdf], { encoding: 'utf8' }).stdout;
      expect(info).toMatch(/Page size:\s+841\.\d+ x 595\.\d+ pts \(A4\)/);
      // Latin digits are a separate font run (pdftotext puts a space after 2024) and narrow
      // header cells wrap: compare without whitespace.
      const text = spawnSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).stdout.replace(/\s+/g, '');
      expect(text).toContain('2024年全民健身志愿服务活动统计表');
      for (const label of headerLabels) {
        expect(text).toContain(label);
      }
    },
  );
});
