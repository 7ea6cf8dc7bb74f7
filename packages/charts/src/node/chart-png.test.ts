import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import { describe, expect, it } from 'vitest';
import { linfenSummary } from '../linfen-summary.test-support.js';
import { renderReportCharts } from '../render-report-charts.js';
import { chartFont } from './chart-font.js';
import { chartsToPng, chartToPng, pngFontFamily } from './chart-png.js';

function hasCjkFont(): boolean {
  try {
    return execFileSync('fc-list', [':lang=zh'], { encoding: 'utf8' }).includes(pngFontFamily);
  } catch {
    return false;
  }
}

const cjk = hasCjkFont();
if (!cjk) console.warn(`skipped: no ${pngFontFamily} installed (apt-get install fonts-noto-cjk)`);

/** Dark pixels in an RGBA buffer: ink, not the white background. */
function inkPixels(pixels: Uint8Array | Buffer): number {
  let ink = 0;
  for (let index = 0; index < pixels.length; index += 4) {
    if ((pixels[index] ?? 255) < 128 && (pixels[index + 3] ?? 0) > 0) ink++;
  }
  return ink;
}

describe.skipIf(!cjk)('chartsToPng', async () => {
  const charts = renderReportCharts(linfenSummary, { lang: 'zh' });
  const pngs = await chartsToPng(charts);

  it('gives one PNG per chart, twice the SVG size', () => {
    expect(pngs.map((png) => png.id)).toEqual(['by-unit', 'by-mode', 'by-month']);
    pngs.forEach((png, index) => {
      expect([...png.png.slice(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
      expect(png.width).toBe(charts[index]!.width * 2);
      expect(png.height).toBe(charts[index]!.height * 2);
    });
    if (process.env.JIANSHEN_KEEP_PNG) {
      for (const png of pngs) writeFileSync(`${process.env.JIANSHEN_KEEP_PNG}/${png.id}.png`, png.png);
    }
  });

  it('finds a face for the Chinese labels (resvg drops glyphs it has no font for)', () => {
    // The title alone, in the family list the charts use: ink only if a CJK face was found.
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="200" height="40"><text x="4" y="30" font-size="24" font-family="'Microsoft YaHei', 'PingFang SC', sans-serif">各单位活动数</text></svg>`;
    const options = {
      font: { loadSystemFonts: true, defaultFontFamily: pngFontFamily, sansSerifFamily: pngFontFamily },
    };
    const withFont = new Resvg(svg, options).render();
    expect(inkPixels(withFont.pixels)).toBeGreaterThan(300);
    const withoutFont = new Resvg(svg, { font: { loadSystemFonts: false } }).render();
    expect(inkPixels(withoutFont.pixels)).toBe(0);
  });

  it('cuts the regular and bold faces to the characters drawn, and draws them as the system fonts do', async () => {
    const font = await chartFont(
      charts.map((chart) => chart.svg),
      pngFontFamily,
    );
    expect(font?.files).toHaveLength(2);
    const title = `<svg xmlns="http://www.w3.org/2000/svg" width="200" height="40"><text x="4" y="30" font-size="24" font-weight="bold" font-family="'Microsoft YaHei', sans-serif">各单位活动数</text></svg>`;
    const chart = { ...charts[0]!, svg: title, width: 200, height: 40 };
    try {
      const cut = new Resvg(title, { font: { loadSystemFonts: false, fontFiles: font!.files } }).render();
      expect(inkPixels(cut.pixels)).toBeGreaterThan(300);
      // The same face, bold title included, whether from the cut files or the system's fonts.
      const fromCut = chartToPng(chart, { fontFiles: font!.files });
      const fromSystem = chartToPng(chart);
      expect(fromCut.png).toEqual(fromSystem.png);
    } finally {
      await font?.dispose();
    }
  });

  it('draws every chart as the system fonts do', () => {
    charts.forEach((chart, index) => {
      expect(pngs[index]!.png).toEqual(chartToPng(chart).png);
    });
  });

  it('falls back to the system fonts when the family is not installed', async () => {
    const options = { fontFamily: 'No Such Family Anywhere' };
    const [fallback] = await chartsToPng([charts[1]!], options);
    expect(fallback!.png).toEqual(chartToPng(charts[1]!, options).png);
  });

  it('removes the font folders a killed run left behind, a day later', async () => {
    const left = mkdtempSync(join(tmpdir(), 'jianshen-chart-font-'));
    const recent = mkdtempSync(join(tmpdir(), 'jianshen-chart-font-'));
    const twoDaysAgo = new Date(Date.now() - 2 * 24 * 60 * 60 * 1000);
    utimesSync(left, twoDaysAgo, twoDaysAgo);
    await chartsToPng([charts[1]!]);
    expect(existsSync(left)).toBe(false);
    expect(existsSync(recent)).toBe(true);
    rmSync(recent, { recursive: true });
  });
});
