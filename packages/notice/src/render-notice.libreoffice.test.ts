import { resolveCampaign } from '@jianshen/plugin-kit';
import { linfen2024Campaign } from '@jianshen/schema';
import { beforeAll, describe, expect, it } from 'vitest';
import { datong2025Campaign } from './__fixtures__/datong-2025.js';
import { renderNotice } from './index.js';
import {
  hasSoffice,
  type PdfLine,
  type PdfPage,
  pdfPages,
  pointsPerMm,
  renderPdf,
  rows,
} from './libreoffice.test-support.js';

// Rendered through LibreOffice and measured in the PDF: what the XML tests cannot see.
if (!hasSoffice)
  console.warn('LibreOffice (soffice) or poppler (pdftotext) not found: rendering tests skipped');

const mm = pointsPerMm;
const isPortrait = (page: PdfPage) => page.width < page.height;

/** The text area of a page, in points from the top-left corner. */
function textArea(page: PdfPage) {
  return isPortrait(page)
    ? { top: 37 * mm, bottom: page.height - 35 * mm, left: 28 * mm, right: page.width - 26 * mm }
    : { top: 28 * mm, bottom: page.height - 26 * mm, left: 35 * mm, right: page.width - 37 * mm };
}

function pageNumberRow(page: PdfPage): PdfLine | undefined {
  return page.lines.find((line) => /^— \d+ —$/.test(line.text));
}

function bodyRows(page: PdfPage): PdfLine[][] {
  const area = textArea(page);
  return rows(page.lines.filter((line) => line.yMax <= area.bottom + 2 && line.yMin >= area.top - 2));
}

let linfen: PdfPage[] = [];
let datong: PdfPage[] = [];

beforeAll(async () => {
  if (!hasSoffice) return;
  linfen = pdfPages(renderPdf(await renderNotice(await resolveCampaign(linfen2024Campaign)), 'linfen').pdf);
  datong = pdfPages(renderPdf(await renderNotice(await resolveCampaign(datong2025Campaign)), 'datong').pdf);
}, 300_000);

describe('the notice rendered by LibreOffice', () => {
  it.skipIf(!hasSoffice)('prints on A4: the notice portrait, the statistics table landscape', () => {
    for (const pages of [linfen, datong]) {
      for (const page of pages) {
        const [short, long] = [Math.min(page.width, page.height), Math.max(page.width, page.height)];
        expect(short).toBeCloseTo(210 * mm, 0);
        expect(long).toBeCloseTo(297 * mm, 0);
      }
    }
    expect(linfen.map((page) => (isPortrait(page) ? 'P' : 'L')).join('')).toMatch(/^P{3,}L{2,}$/);
    expect(datong.map((page) => (isPortrait(page) ? 'P' : 'L')).join('')).toMatch(/^P{2,}L+PP$/);
  });

  it.skipIf(!hasSoffice)('holds 22 lines on every full body page, on a 28.95 pt grid', () => {
    const bodyPages = linfen.slice(
      0,
      linfen.findIndex((page) => !isPortrait(page)),
    );
    const full = bodyPages.slice(1, -1);
    expect(full.length).toBeGreaterThanOrEqual(4);
    for (const page of full) {
      const lines = bodyRows(page);
      expect(lines).toHaveLength(22);
      const pitches = lines.slice(1).map((row, index) => row[0]!.yMin - lines[index]![0]!.yMin);
      for (const pitch of pitches) expect(pitch).toBeCloseTo(579 / 20, 0);
    }
    // The second city's body pages stay on the grid and never exceed 22 lines either.
    for (const page of datong.filter(isPortrait).slice(1, 3)) {
      expect(bodyRows(page).length).toBeLessThanOrEqual(22);
    }
  });

  it.skipIf(!hasSoffice)('sets 28 characters on a full line of 3号 text', () => {
    const hanOnly = linfen
      .slice(1, 6)
      .flatMap((page) => bodyRows(page))
      .map((row) => row.map((line) => line.text).join(''))
      .filter((text) => /^[\p{Script=Han}，、。：；“”《》（）！？]+$/u.test(text));
    // A closing mark may hang past the edge as the 29th character; never more than 28 before it.
    const counts = hanOnly.map((text) => [...text.replace(/[，、。：；”》）！？]$/, '')].length);
    expect(counts.filter((count) => count === 28).length).toBeGreaterThanOrEqual(10);
    expect(Math.max(...counts)).toBe(28);
  });

  it.skipIf(!hasSoffice)(
    'numbers pages — N — 7 mm under the text area, odd right and even left, through attachments',
    () => {
      for (const pages of [linfen, datong]) {
        pages.forEach((page, index) => {
          const number = pageNumberRow(page);
          expect(number, `page ${index + 1}`).toBeDefined();
          expect(number!.text).toBe(`— ${index + 1} —`);
          const area = textArea(page);
          expect(number!.yMin).toBeGreaterThan(area.bottom + 5 * mm);
          expect(number!.yMin).toBeLessThan(area.bottom + 8 * mm);
          if ((index + 1) % 2 === 1) expect(number!.xMax).toBeCloseTo(area.right - 14, -0.5);
          else expect(number!.xMin).toBeCloseTo(area.left + 14, -0.5);
        });
      }
    },
  );

  it.skipIf(!hasSoffice)('repeats the table header on every page the table runs over', () => {
    for (const pages of [linfen, datong]) {
      const tablePages = pages.filter((page) => !isPortrait(page));
      expect(tablePages.length).toBeGreaterThanOrEqual(2);
      for (const page of tablePages)
        expect(page.lines.some((line) => line.text.startsWith('序号'))).toBe(true);
    }
  });

  it.skipIf(!hasSoffice)('places the mark 35 mm into the text area and the title in balanced lines', () => {
    const first = linfen[0]!;
    const mark = first.lines.find((line) => line.text === '临汾市体育局文件')!;
    // pdftotext boxes start a little above the ink; allow ±3 mm around 37 + 35 mm.
    expect(Math.abs(mark.yMin - 72 * mm)).toBeLessThan(3 * mm);
    const number = first.lines.find((line) => line.text.startsWith('临体字'))!;
    const recipients = first.lines.find((line) => line.text.startsWith('各县'))!;
    const titleRows = rows(
      first.lines.filter((line) => line.yMin > number.yMax && line.yMax < recipients.yMin),
    );
    expect(titleRows).toHaveLength(2);
    const widths = titleRows.map((row) => row.at(-1)!.xMax - row[0]!.xMin);
    expect(Math.abs(widths[0]! - widths[1]!)).toBeLessThan(22 * 1.5);
  });

  it.skipIf(!hasSoffice)(
    'keeps the signature with text and puts the 版记 on the bottom edge of the last page',
    () => {
      const signaturePage = datong.find((page) =>
        page.lines.some((line) => line.text === '2025 年 7 月 20 日'),
      )!;
      expect(signaturePage.lines.some((line) => line.text.startsWith('附件：'))).toBe(true);
      const last = datong.at(-1)!;
      const office = last.lines.find((line) => line.text === '大同市体育局办公室')!;
      expect(office).toBeDefined();
      expect(last.lines.some((line) => line.text.startsWith('抄送：'))).toBe(true);
      const area = textArea(last);
      expect(office.yMax).toBeGreaterThan(area.bottom - 12 * mm);
      expect(office.yMax).toBeLessThanOrEqual(area.bottom);
    },
  );
});
