import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { pngFontFamily } from './chart-png.js';
import { locateFont } from './locate-font.js';

function hasFontconfig(): boolean {
  try {
    return execFileSync('fc-list', [':lang=zh'], { encoding: 'utf8' }).includes(pngFontFamily);
  } catch {
    return false;
  }
}

const fontconfig = hasFontconfig();
if (!fontconfig)
  console.warn(`skipped: no fontconfig or no ${pngFontFamily} (apt-get install fonts-noto-cjk)`);

describe.skipIf(!fontconfig)('locateFont', () => {
  it("finds the family's regular and bold faces, with their index in a collection", async () => {
    const regular = await locateFont(pngFontFamily, 'regular');
    const bold = await locateFont(pngFontFamily, 'bold');
    expect(regular?.file).toMatch(/\.(ttc|otf|ttf)$/);
    expect(bold?.file).toMatch(/\.(ttc|otf|ttf)$/);
    expect(bold).not.toEqual(regular);
    // Debian's collection: JP, KR, SC, … — SC is not the first face.
    if (regular?.file.endsWith('.ttc')) expect(regular.index).toBeGreaterThan(0);
  });

  it('says nothing is found when fontconfig answers with its fallback family', async () => {
    expect(await locateFont('No Such Family Anywhere', 'regular')).toBeUndefined();
  });
});
