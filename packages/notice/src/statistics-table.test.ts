import { describe, expect, it } from 'vitest';
import { columnWidths } from './statistics-table.js';

describe('columnWidths', () => {
  it('shares the width by weight and fills it exactly', () => {
    expect(columnWidths([1, 1, 2], 1000)).toEqual([250, 250, 500]);
    expect(columnWidths([1, 1, 1], 1000)).toEqual([333, 333, 334]);
  });

  it('gives a narrow column its minimum and takes it from the others', () => {
    const widths = columnWidths([1, 10, 10], 2100, [300, 0, 0]);
    expect(widths[0]).toBe(300);
    expect(widths[1]).toBe(900);
    expect(widths.reduce((sum, width) => sum + width, 0)).toBe(2100);
  });
});
