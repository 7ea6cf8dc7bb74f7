import { describe, expect, it } from 'vitest';
import { columnWidths } from './statistics-table.js';

describe('columnWidths with more columns than the page holds at their minimums', () => {
  it('shrinks every minimum alike and still fills the width with positive columns', () => {
    const widths = columnWidths(
      [6, 20, 24, 40, 12, 14, 22, 10, 16, 16, 10, 10, 10, 12, 18, 14],
      13_000,
      Array(16).fill(1_200),
    );
    expect(widths.every((width) => width > 0)).toBe(true);
    expect(widths.reduce((sum, width) => sum + width, 0)).toBe(13_000);
  });
});
