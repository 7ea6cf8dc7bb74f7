import { describe, expect, it } from 'vitest';
import { createView } from './sheet-view.js';

describe('createView', () => {
  const sheet = {
    name: 'Sheet1',
    rows: [
      { row: 1, cells: ['标题'] },
      { row: 2, cells: ['尧都区体育局', ' 健步走 ', 12] },
      { row: 3, cells: ['', '广场舞'] },
    ],
    // The title across A1:C1, and 举办单位 A2 filled down into A3.
    merges: [
      { top: 1, left: 0, bottom: 1, right: 2 },
      { top: 2, left: 0, bottom: 3, right: 0 },
    ],
  };

  it('says which rows hold a merged cell', () => {
    const view = createView(sheet);
    expect([1, 2, 3, 4].map((row) => view.rowHasMerges(row))).toEqual([true, true, true, false]);
    expect(createView({ ...sheet, merges: [] }).rowHasMerges(1)).toBe(false);
  });

  it('reads a row without merges as its own cells and texts', () => {
    const view = createView({ ...sheet, merges: [] });
    expect([0, 1, 2, 3].map((column) => view.dataText(2, column))).toEqual([
      '尧都区体育局',
      '健步走',
      '12',
      '',
    ]);
    expect([0, 1, 2].map((column) => view.data(2, column))).toEqual(['尧都区体育局', ' 健步走 ', 12]);
    expect(view.texts(2)).toEqual(['尧都区体育局', '健步走', '12']);
  });

  it('fills a vertical merge down for data', () => {
    const view = createView(sheet);
    expect(view.dataText(3, 0)).toBe('尧都区体育局');
    expect(view.data(3, 1)).toBe('广场舞');
  });

  it('reads the normalised texts a reader made already, and makes them otherwise', () => {
    // The reading thread sends each row's texts; they are taken as they are, not made again.
    const made = createView({
      name: 'Sheet1',
      rows: [{ row: 1, cells: [' 健步走 ', 12], texts: ['健步走（已做）', '12'] }],
      merges: [],
    });
    expect(made.texts(1)).toEqual(['健步走（已做）', '12']);
    expect(createView(sheet).texts(2)).toEqual(['尧都区体育局', '健步走', '12']);
  });
});
