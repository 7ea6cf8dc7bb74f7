import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Test helpers that render a .docx through LibreOffice and measure the PDF with poppler. */

function works(command: string, args: string[]): boolean {
  const result = spawnSync(command, args, { encoding: 'utf8', timeout: 60_000 });
  return result.status === 0;
}

export const hasSoffice = works('soffice', ['--version']) && works('pdftotext', ['-v']);

export interface PdfLine {
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
  text: string;
}

export interface PdfPage {
  width: number;
  height: number;
  lines: PdfLine[];
}

/** Converts with a private LibreOffice profile (parallel runs would share and lock the default one). */
export function renderPdf(bytes: Uint8Array, name: string): { pdf: string; directory: string } {
  const directory = mkdtempSync(join(tmpdir(), 'jianshen-notice-'));
  const docx = join(directory, `${name}.docx`);
  writeFileSync(docx, bytes);
  const result = spawnSync(
    'soffice',
    [
      `-env:UserInstallation=file://${join(directory, 'profile')}`,
      '--headless',
      '--convert-to',
      'pdf',
      '--outdir',
      directory,
      docx,
    ],
    { encoding: 'utf8', timeout: 180_000 },
  );
  if (result.status !== 0) throw new Error(`soffice failed: ${result.stderr}`);
  return { pdf: join(directory, `${name}.pdf`), directory };
}

/** Pages and text lines with their boxes (points, origin top-left), from `pdftotext -bbox-layout`. */
export function pdfPages(pdf: string): PdfPage[] {
  const html = join(pdf.replace(/\.pdf$/, '.html'));
  const result = spawnSync('pdftotext', ['-bbox-layout', pdf, html], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`pdftotext failed: ${result.stderr}`);
  const text = readFileSync(html, 'utf8');
  return text
    .split('<page ')
    .slice(1)
    .map((page) => {
      const width = Number(/width="([\d.]+)"/.exec(page)?.[1]);
      const height = Number(/height="([\d.]+)"/.exec(page)?.[1]);
      const lines = [
        ...page.matchAll(
          /<line xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([\s\S]*?)<\/line>/g,
        ),
      ].map((match) => ({
        xMin: Number(match[1]),
        yMin: Number(match[2]),
        xMax: Number(match[3]),
        yMax: Number(match[4]),
        text: [...(match[5] ?? '').matchAll(/<word[^>]*>([^<]*)<\/word>/g)].map((word) => word[1]).join(' '),
      }));
      return { width, height, lines };
    });
}

/** Text lines grouped by baseline row: pdftotext splits a line at tab stops and wide gaps. */
export function rows(lines: readonly PdfLine[]): PdfLine[][] {
  const sorted = [...lines].sort((a, b) => a.yMin - b.yMin || a.xMin - b.xMin);
  const result: PdfLine[][] = [];
  for (const line of sorted) {
    const last = result[result.length - 1];
    if (last && Math.abs(last[0]!.yMin - line.yMin) < 3) last.push(line);
    else result.push([line]);
  }
  return result;
}

export const pointsPerMm = 72 / 25.4;
