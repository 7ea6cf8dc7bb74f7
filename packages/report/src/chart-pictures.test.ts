import { describe, expect, it } from 'vitest';
import { pictureScale } from './chart-pictures.js';

describe('pictureScale', () => {
  it('draws a standard chart at 2×, and a chart shown smaller with as many pixels per printed inch', () => {
    expect(pictureScale({ width: 800, height: 450 })).toBe(2);
    // The per-unit chart of 120 units: shown 8 lines tall, so 224×903 pixels instead of 1600×6464.
    const tall = pictureScale({ width: 800, height: 3232 });
    expect(Math.round(800 * tall)).toBe(224);
    expect(Math.round(3232 * tall)).toBe(903);
    // 450 SVG pixels shown 8 lines tall get 900 PNG pixels, whatever the chart's height.
    expect(pictureScale({ width: 800, height: 600 }) * 600).toBeCloseTo(900, 0);
  });

  it('never draws more than 2×, however wide the picture is shown', () => {
    expect(pictureScale({ width: 400, height: 100 })).toBe(2);
  });
});
