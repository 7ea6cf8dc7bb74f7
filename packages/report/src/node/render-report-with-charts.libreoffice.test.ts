import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unpackZip } from '@jianshen/ooxml';
import { describe, expect, it } from 'vitest';
import { linfenReportCampaign, linfenReportJson } from '../report.test-support.js';
import { renderReportWithCharts } from './render-report-with-charts.js';

function works(command: string, args: string[]): boolean {
  return spawnSync(command, args, { encoding: 'utf8', timeout: 60_000 }).status === 0;
}

const hasCjkFont = (() => {
  try {
    return execFileSync('fc-list', [':lang=zh'], { encoding: 'utf8' }).includes('Noto Sans CJK SC');
  } catch {
    return false;
  }
})();
const hasTools = works('soffice', ['--version']) && works('pdftotext', ['-v']) && works('pdftoppm', ['-v']);
if (!hasCjkFont) console.warn('report charts skipped: no Noto Sans CJK SC (apt-get install fonts-noto-cjk)');
if (!hasTools) console.warn('report rendering skipped: soffice, pdftotext or pdftoppm not installed');

/** Ink in a PPM picture's pixels: not white. */
function inkShare(ppm: Buffer): number {
  // P6 header: magic, width height, max value, each on its own whitespace-separated token.
  const header = ppm.subarray(0, 64).toString('latin1').split(/\s+/);
  const offset = ppm.indexOf(`${header[3]}\n`, 2, 'latin1') + `${header[3]}\n`.length;
  let ink = 0;
  for (let index = offset; index < ppm.length; index += 3) {
    if ((ppm[index] ?? 255) < 200 || (ppm[index + 1] ?? 255) < 200 || (ppm[index + 2] ?? 255) < 200) ink++;
  }
  return ink / ((ppm.length - offset) / 3);
}

describe.skipIf(!hasCjkFont)('renderReportWithCharts', async () => {
  const campaign = await linfenReportCampaign();
  const report = await linfenReportJson(campaign);
  const bytes = await renderReportWithCharts({ campaign, report });

  it('embeds the three charts drawn from report.json as PNG', () => {
    const media = Object.entries(unpackZip(bytes)).filter(([name]) => name.startsWith('word/media/'));
    expect(media).toHaveLength(3);
    for (const [, data] of media) expect([...data.subarray(1, 4)]).toEqual([0x50, 0x4e, 0x47]);
  });

  it.skipIf(!hasTools)(
    'renders in LibreOffice: portrait pages, charts with labels, a landscape attachment',
    () => {
      const directory = mkdtempSync(join(tmpdir(), 'jianshen-report-'));
      const docx = join(directory, 'report.docx');
      writeFileSync(docx, bytes);
      const profile = `-env:UserInstallation=file://${join(directory, 'profile')}`;
      execFileSync('soffice', [profile, '--headless', '--convert-to', 'pdf', '--outdir', directory, docx], {
        timeout: 180_000,
        stdio: 'ignore',
      });
      const pdf = join(directory, 'report.pdf');
      const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
      const pages = text.split('\f').filter((page) => page.trim() !== '');
      for (const caption of ['图1　各单位活动数', '图2　举办方式占比', '图3　各月活动数']) {
        expect(text.replace(/ +/g, '')).toContain(caption.replace(/\u3000/g, ''));
      }
      const info = execFileSync('pdfinfo', ['-f', '1', '-l', String(pages.length), pdf], {
        encoding: 'utf8',
      });
      const sizes = [...info.matchAll(/Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)/g)].map((match) => ({
        width: Number(match[1]),
        height: Number(match[2]),
      }));
      expect(sizes[0]!.width).toBeLessThan(sizes[0]!.height);
      expect(sizes.at(-1)!.width).toBeGreaterThan(sizes.at(-1)!.height);
      // The pages with charts carry ink beyond text: the pictures were drawn, not left blank.
      execFileSync('pdftoppm', ['-r', '30', pdf, join(directory, 'page')]);
      const shares = readdirSync(directory)
        .filter((name) => name.startsWith('page') && name.endsWith('.ppm'))
        .sort()
        .map((name) => inkShare(readFileSync(join(directory, name))));
      expect(Math.max(...shares)).toBeGreaterThan(0.05);
      if (process.env.JIANSHEN_KEEP_REPORT) console.log(`report rendered in ${directory}`);
    },
  );
});
