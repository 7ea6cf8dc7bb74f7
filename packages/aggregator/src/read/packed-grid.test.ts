import { readdirSync, readFileSync } from 'node:fs';
import { normalizeText } from '@jianshen/schema';
import { describe, expect, it } from 'vitest';
import { fixturesDirectory } from '../fixtures.test-support.js';
import { resolveLimits } from '../limits.js';
import type { GridWorkbook } from './grid.js';
import { type PackedWorkbook, packWorkbook, unpackWorkbook } from './packed-grid.js';
import { readSubmission } from './read-submission.js';

/**
 * Packed, sent as `postMessage` sends it (cloned, the buffers transferred), and unpacked; each
 * row's normalised texts checked against the table finder's own and then left out.
 */
function roundTrip(workbook: GridWorkbook): GridWorkbook {
  const { packed, transfer } = packWorkbook(workbook);
  const sent = structuredClone(packed, { transfer }) as PackedWorkbook;
  // Transferred, not copied: the sender's buffers are detached.
  expect(transfer.every((buffer) => buffer.byteLength === 0)).toBe(true);
  const unpacked = unpackWorkbook(sent);
  for (const sheet of unpacked.sheets) {
    for (const row of sheet.rows) {
      // What createView made before the reading thread did: holes kept.
      expect(row.texts).toStrictEqual(row.cells.map((cell) => normalizeText(cell)));
      delete row.texts;
    }
  }
  return unpacked;
}

const fixtureNames = readdirSync(fixturesDirectory).filter((name) => !name.endsWith('.py'));

describe('packWorkbook and unpackWorkbook', () => {
  it.each(fixtureNames)('give back what the readers read from %s', async (name) => {
    const bytes = new Uint8Array(readFileSync(`${fixturesDirectory}${name}`));
    const outcome = await readSubmission(bytes, name, resolveLimits());
    if (!outcome.ok) return;
    // toStrictEqual tells a hole from an undefined cell, and a Date from its time.
    expect(roundTrip(outcome.workbook)).toStrictEqual(outcome.workbook);
  });

  it('keep every kind of cell, holes where there were holes, and each sheet’s own parts', () => {
    const sparse: GridWorkbook['sheets'][number]['rows'][number]['cells'] = [];
    sparse[1] = '第二列';
    sparse[4] = 0;
    const trailing = ['一'];
    trailing.length = 3;
    const workbook: GridWorkbook = {
      format: 'xlsx',
      date1904: true,
      templateMarker: 'jianshen:linfen-2024',
      sheets: [
        {
          name: '附件',
          rows: [
            {
              row: 1,
              cells: ['文本', 12.5, -0, true, false, null, undefined, new Date(Date.UTC(2024, 5, 1))],
            },
            { row: 3, cells: sparse },
            { row: 4, cells: trailing },
            { row: 9, cells: [new Date(Number.NaN), '', Number.POSITIVE_INFINITY] },
            // Texts normalizeText changes: spaces, full-width digits, invisible characters.
            { row: 11, cells: [' 古县 ', '１２３', 'a\u200bb', '无需改动'] },
            { row: 10, cells: [] },
          ],
          merges: [{ top: 1, left: 0, bottom: 2, right: 3 }],
          notes: [{ code: 'shared-string-missing', row: 3, data: { cell: 'B3', index: '7' } }],
        },
        { name: '空表', rows: [], merges: [], hidden: true },
        {
          name: '表格',
          rows: [{ row: 2, cells: ['乙'] }],
          merges: [],
          leadingLines: ['单位名称（盖章）：古县'],
        },
      ],
    };
    const back = roundTrip(workbook);
    expect(back).toStrictEqual(workbook);
    expect(Object.is(back.sheets[0]?.rows[0]?.cells[2], -0)).toBe(true);
    expect(1 in (back.sheets[0]?.rows[1]?.cells ?? [])).toBe(true);
    expect(0 in (back.sheets[0]?.rows[1]?.cells ?? [])).toBe(false);
  });
});
