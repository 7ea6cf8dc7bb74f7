import { describe, expect, it } from 'vitest';
import { coreFields } from '../activity/core-fields.js';
import { resolveField } from '../activity/field-definition.js';
import { parseRow } from '../activity/parse-row.js';
import { normalizeMode } from './mode.js';
import { normalizePhones } from './phone.js';

describe('a bracketed note after 举办方式', () => {
  it.each([
    ['线下（室外）', 'offline', '室外'],
    ['线上(直播)', 'online', '直播'],
    ['线下【社区活动室】', 'offline', '社区活动室'],
    ['线上线下 （同步直播）', 'hybrid', '同步直播'],
  ])('reads %s as the mode before the note and sets the note aside', (cell, mode, aside) => {
    expect(normalizeMode(cell)).toEqual({ ok: true, value: mode, notes: [], aside });
  });

  it('still refuses a note after something that is no mode', () => {
    expect(normalizeMode('室外（线下）')).toMatchObject({ ok: false, code: 'mode-unknown' });
    expect(normalizeMode('（线下）')).toMatchObject({ ok: false, code: 'mode-unknown' });
  });

  it('keeps the note in 备注, after what the clerk wrote there', () => {
    const fields = coreFields.map((field) => resolveField(field));
    const cells = {
      organizer: '隰县体育中心',
      name: '小西天登山',
      mode: '线下（室外）',
      date: '2024-06-01',
      contact: '武亮',
      phone: '13903573101',
    };
    expect(parseRow(cells, fields).values.note).toBe('室外');
    expect(parseRow({ ...cells, note: '每周一次' }, fields).values.note).toBe('每周一次；室外');
    expect(parseRow({ ...cells, mode: '线下' }, fields).values.note).toBeUndefined();
  });
});

describe('phones exported as numbers with a decimal', () => {
  it.each([
    ['13903573101.0', ['13903573101']],
    ['13903573101.00', ['13903573101']],
    ['03577923456.0', ['0357-7923456']],
  ])('reads %s', (cell, value) => {
    expect(normalizePhones(cell)).toEqual({ ok: true, value, notes: [] });
  });

  it('reads a local number with a decimal with the campaign area code', () => {
    expect(normalizePhones('3573101.0', { defaultAreaCode: '0357' })).toMatchObject({ ok: true });
  });

  it('does not take a real fraction for a phone', () => {
    expect(normalizePhones('13903573101.5')).toMatchObject({ ok: false });
  });
});
