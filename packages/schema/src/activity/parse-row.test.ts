import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { renderMessage } from '../issues/render-issue.js';
import { coreFields } from './core-fields.js';
import { resolveField } from './field-definition.js';
import { parseRow } from './parse-row.js';

const fields = coreFields.map((field) => resolveField(field));
const context = {
  defaultYear: 2024,
  period: { start: '2024-06-01', end: '2024-11-30' },
  defaultAreaCode: '0357',
};
const valid = {
  seq: '1',
  organizer: '尧都区体育中心',
  name: '社会体育指导员进社区',
  summary: '太极拳教学',
  mode: '线下',
  date: '2024年6月15日',
  contact: '王明',
  phone: '13912345678',
  note: '',
};

describe('parseRow', () => {
  it('normalises a valid row', () => {
    const result = parseRow(valid, fields, context);
    expect(result).toEqual({
      ok: true,
      issues: [],
      values: {
        seq: 1,
        organizer: '尧都区体育中心',
        name: '社会体育指导员进社区',
        summary: '太极拳教学',
        mode: 'offline',
        date: { start: '2024-06-15', end: '2024-06-15' },
        contact: '王明',
        phone: ['13912345678'],
      },
    });
  });

  it('answers a date typed again as the first time, under each campaign context, in objects of its own', () => {
    const first = parseRow({ ...valid, date: '2024年12月5日' }, fields, context);
    const firstIssues = structuredClone(first.issues);
    (first.values.date as { start: string }).start = 'changed';
    (first.issues[0]?.data as Record<string, unknown>).start = 'changed';
    const again = parseRow({ ...valid, date: '2024年12月5日' }, fields, context);
    expect(again.values.date).toEqual({ start: '2024-12-05', end: '2024-12-05' });
    expect(again.issues).toEqual(firstIssues);
    expect(again.issues).toEqual([expect.objectContaining({ code: 'date-outside-period' })]);
    // Another period or year is another answer, not the remembered one.
    const wider = parseRow({ ...valid, date: '2024年12月5日' }, fields, {
      ...context,
      period: { start: '2024-01-01', end: '2024-12-31' },
    });
    expect(wider.issues).toEqual([]);
    const otherYear = parseRow({ ...valid, date: '12月5日' }, fields, { ...context, defaultYear: 2025 });
    expect(otherYear.values.date).toEqual({ start: '2025-12-05', end: '2025-12-05' });
    const thisYear = parseRow({ ...valid, date: '12月5日' }, fields, context);
    expect(thisYear.values.date).toEqual({ start: '2024-12-05', end: '2024-12-05' });
    // The same context object changed in place is another context too.
    const shared = { ...context };
    expect(parseRow({ ...valid, date: '2024年12月5日' }, fields, shared).issues).toHaveLength(1);
    shared.period = { start: '2024-01-01', end: '2024-12-31' };
    expect(parseRow({ ...valid, date: '2024年12月5日' }, fields, shared).issues).toEqual([]);
    // Rejections too.
    const bad = parseRow({ ...valid, date: '2024年13月45日' }, fields, context);
    const badAgain = parseRow({ ...valid, date: '2024年13月45日' }, fields, context);
    expect(badAgain.issues).toEqual(bad.issues);
    expect(bad.ok).toBe(false);
  });

  it('answers a date cell and a serial number again as the first time, per date system', () => {
    const instant = new Date(Date.UTC(2024, 11, 5));
    const first = parseRow({ ...valid, date: instant }, fields, context);
    (first.values.date as { start: string }).start = 'changed';
    const again = parseRow({ ...valid, date: new Date(instant.getTime()) }, fields, context);
    expect(again.values.date).toEqual({ start: '2024-12-05', end: '2024-12-05' });
    expect(again.issues).toEqual([expect.objectContaining({ code: 'date-outside-period' })]);
    // 45448 is 2024-06-05 in the 1900 date system and 2028-06-06 in the 1904 one.
    const serial = parseRow({ ...valid, date: 45448 }, fields, context);
    expect(serial.values.date).toEqual({ start: '2024-06-05', end: '2024-06-05' });
    const serial1904 = parseRow({ ...valid, date: 45448 }, fields, { ...context, date1904: true });
    expect(serial1904.values.date).toEqual({ start: '2028-06-06', end: '2028-06-06' });
    expect(parseRow({ ...valid, date: 45448 }, fields, context).values.date).toEqual(serial.values.date);
    const invalid = parseRow({ ...valid, date: new Date(Number.NaN) }, fields, context);
    expect(invalid.ok).toBe(false);
    expect(parseRow({ ...valid, date: new Date(Number.NaN) }, fields, context).issues).toEqual(
      invalid.issues,
    );
  });

  it('keeps a row with warnings (date outside the period)', () => {
    const result = parseRow({ ...valid, date: '2024年12月5日' }, fields, context);
    expect(result.ok).toBe(true);
    expect(result.issues).toEqual([
      expect.objectContaining({
        field: 'date',
        code: 'date-outside-period',
        severity: 'warning',
        value: '2024年12月5日',
      }),
    ]);
  });

  it('keeps a row out for each error, naming the field', () => {
    const result = parseRow(
      { ...valid, name: '  ', mode: '电视', date: '2024年2月30日', phone: '无' },
      fields,
      context,
    );
    expect(result.ok).toBe(false);
    expect(result.issues.map((issue) => [issue.field, issue.code])).toEqual([
      ['name', 'required'],
      ['mode', 'mode-unknown'],
      ['date', 'date-impossible'],
      ['phone', 'phone-invalid'],
    ]);
  });

  it('treats a hand-typed or formula 序号 as optional, never as an error', () => {
    expect(parseRow({ ...valid, seq: '=ROW()-3' }, fields, context).ok).toBe(true);
    expect(parseRow({ ...valid, seq: undefined }, fields, context).values.seq).toBeUndefined();
  });

  it('rejects text longer than the column allows', () => {
    const result = parseRow({ ...valid, name: '长'.repeat(101) }, fields, context);
    expect(result.issues).toEqual([expect.objectContaining({ field: 'name', code: 'text-too-long' })]);
  });

  it('validates plugin fields with their zod schema, numbers typed as text included', () => {
    const participants = resolveField({
      key: 'participants',
      label: '参与人数',
      schema: z.number().int().nonnegative(),
      source: 'participation',
    });
    const withPlugin = [...fields, participants];
    expect(parseRow({ ...valid, participants: '120' }, withPlugin, context).values.participants).toBe(120);
    expect(parseRow({ ...valid, participants: 35 }, withPlugin, context).values.participants).toBe(35);
    const bad = parseRow({ ...valid, participants: '约一百' }, withPlugin, context);
    expect(bad.ok).toBe(false);
    expect(bad.issues).toEqual([
      expect.objectContaining({ field: 'participants', code: 'value-invalid', value: '约一百' }),
    ]);
  });

  it('keeps the row when a plugin schema throws, naming the plugin, the column and the value', () => {
    const exploding = (message: string) => () => {
      throw new Error(message);
    };
    const refined = resolveField({
      key: 'venue',
      label: '场地',
      schema: z.string().refine(exploding('refine exploded\nat venue.mjs:3')),
      source: 'venues',
    });
    const transformed = resolveField({
      key: 'hours',
      label: '时长',
      schema: z.string().transform(exploding('transform exploded')),
      source: 'hours',
    });
    // A custom schema object whose parse throws before zod is even reached.
    const custom = resolveField({
      key: 'custom',
      label: '自定义',
      schema: Object.assign(z.string(), {
        safeParse: () => {
          throw new TypeError('custom parse exploded');
        },
      }),
      source: 'custom-plugin',
    });
    const parsed = parseRow(
      { ...valid, venue: '体育馆', hours: '3', custom: 'x' },
      [...fields, refined, transformed, custom],
      context,
    );
    expect(parsed.ok).toBe(true);
    expect(parsed.values).toMatchObject({ name: '社会体育指导员进社区' });
    expect(parsed.values).not.toHaveProperty('venue');
    expect(parsed.issues.map((issue) => [issue.code, issue.field, issue.value])).toEqual([
      ['plugin-failed', 'venue', '体育馆'],
      ['plugin-failed', 'hours', '3'],
      ['plugin-failed', 'custom', 'x'],
    ]);
    expect(renderMessage(parsed.issues[0]!, 'zh')).toBe(
      '插件「venues」在列「场地」的校验（schema）出错：refine exploded',
    );
    expect(renderMessage(parsed.issues[2]!, 'en')).toContain('Plugin "custom-plugin" failed in');
  });

  it('still throws when a built-in normaliser fails: that is a bug of ours, not a plugin’s', () => {
    const broken = fields.map((field) =>
      field.key === 'name'
        ? {
            ...field,
            normalize: () => {
              throw new Error('bug');
            },
          }
        : field,
    );
    expect(() => parseRow(valid, broken, context)).toThrow('bug');
  });

  it('reads numeric text for number fields exactly as the text-first order did', () => {
    const count = z.number().int().nonnegative();
    const fieldsWith = (schema: z.ZodType) => [
      ...fields,
      resolveField({ key: 'participants', label: '参与人数', schema, source: 'participation' }),
    ];
    // Text first, then the number: what parseRow did before number schemas skipped the text.
    const textFirst = (schema: z.ZodType, text: string) => {
      const first = schema.safeParse(text);
      if (first.success) return first;
      const number = Number(text.replace(/,/g, ''));
      if (!Number.isFinite(number)) return first;
      const second = schema.safeParse(number);
      return second.success ? second : first;
    };
    for (const schema of [count, count.optional(), count.nullable(), count.default(0), z.coerce.number()]) {
      for (const text of ['120', '1,200', '-3', '1.5', '约一百', '0x10', 'Infinity']) {
        const parsed = parseRow({ ...valid, participants: text }, fieldsWith(schema), context);
        const expected = textFirst(schema, text);
        if (expected.success) {
          expect(parsed.values.participants).toEqual(expected.data);
        } else {
          expect(parsed.issues).toEqual([
            expect.objectContaining({
              field: 'participants',
              code: 'value-invalid',
              data: expect.objectContaining({
                reason: expected.error.issues.map((issue) => issue.message).join('；'),
              }),
            }),
          ]);
        }
      }
    }
  });
});
