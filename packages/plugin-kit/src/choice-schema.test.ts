import { resolveField } from '@jianshen/schema';
import { describe, expect, it } from 'vitest';
import { choiceSchema, multiChoiceSchema, splitMultiChoice } from './choice-schema.js';

const venues = ['机关', '校园', '社区'] as const;

describe('choiceSchema', () => {
  const schema = choiceSchema(venues, {
    aliases: { 学校: '校园', 农村: '社区' },
    prepare: (text) => text.replace(/^进/, ''),
  });

  it.each([
    ['校园', '校园'],
    [' 校 园 ', '校园'],
    ['学校', '校园'],
    ['进社区', '社区'],
    ['进农村', '社区'],
  ])('reads %j as %j', (input, expected) => {
    expect(schema.parse(input)).toBe(expected);
  });

  it('rejects anything else, naming the choices in both languages', () => {
    const result = schema.safeParse('医院');
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe(
      '须为以下之一：机关、校园、社区 (one of: 机关, 校园, 社区)',
    );
  });

  it('is a dropdown of the choices in the template', () => {
    const field = resolveField({ key: 'venue', label: '场所', schema });
    expect(field.column.kind).toBe('choice');
    expect(field.column.options).toEqual(['机关', '校园', '社区']);
  });

  it('refuses an alias for a value that is not a choice', () => {
    expect(() => choiceSchema(venues, { aliases: { 公园: '广场' } })).toThrow(/广场/);
  });
});

describe('multiChoiceSchema', () => {
  const schema = multiChoiceSchema(['老年人', '残疾人', '青少年'] as const, {
    aliases: { 老人: '老年人', 学生: '青少年' },
  });

  it.each([
    ['老年人', '老年人'],
    ['青少年、老年人', '老年人、青少年'],
    ['老年人,残疾人', '老年人、残疾人'],
    ['老年人，残疾人；青少年', '老年人、残疾人、青少年'],
    ['老人和学生', '老年人、青少年'],
    ['老年人 老年人', '老年人'],
    [['残疾人', '老人'], '老年人、残疾人'],
  ])('reads %j as %j', (input, expected) => {
    expect(schema.parse(input)).toBe(expected);
  });

  it('is idempotent: a stored value reads back as itself', () => {
    expect(schema.parse(schema.parse('学生、老人'))).toBe('老年人、青少年');
  });

  it('names the parts it does not recognise', () => {
    const result = schema.safeParse('老年人、外星人');
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toMatch(
      /^无法识别「外星人」；须为以下之一：老年人、残疾人、青少年/,
    );
    expect(schema.safeParse('、').success).toBe(false);
    expect(schema.safeParse(3).success).toBe(false);
  });

  it('splits a stored value back into its choices', () => {
    expect(splitMultiChoice('老年人、青少年')).toEqual(['老年人', '青少年']);
    expect(splitMultiChoice(['幼儿'])).toEqual(['幼儿']);
    expect(splitMultiChoice(undefined)).toEqual([]);
  });
});
