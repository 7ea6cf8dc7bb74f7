import { describe, expect, it } from 'vitest';
import { coreFields } from './core-fields.js';

const seq = coreFields.find((field) => field.key === 'seq');

describe('序号', () => {
  it.each([
    [3, 3],
    ['7', 7],
    [' 12 ', 12],
    [0, undefined],
    [-0, undefined],
    [-2, undefined],
    [2.5, undefined],
    [2 ** 53, 9007199254740990], // shown as Excel shows it: 15 significant digits
    [Number.NaN, undefined],
    ['第3', undefined],
  ])('%j reads as %j, never an error', (cell, expected) => {
    expect(seq?.normalize?.(cell, {})).toEqual({ ok: true, value: expected, notes: [] });
  });
});
