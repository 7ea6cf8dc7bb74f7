import { describe, expect, it } from 'vitest';
import { normalizePhones } from './phone.js';
import type { CellValue } from './result.js';

const phones = (...value: string[]) => ({ ok: true, value, notes: [] });

describe('normalizePhones: text cells', () => {
  it.each<[string, ReturnType<typeof phones>]>([
    ['13912345678', phones('13912345678')],
    ['139-1234-5678', phones('13912345678')],
    ['139 1234 5678', phones('13912345678')],
    ['+86 139 1234 5678', phones('13912345678')],
    ['+8613912345678', phones('13912345678')],
    ['(+86)139-1234-5678', phones('13912345678')],
    ['008613912345678', phones('13912345678')],
    ['１３９１２３４５６７８', phones('13912345678')],
    ['0357-1234567', phones('0357-1234567')],
    ['(0357)1234567', phones('0357-1234567')],
    ['（0357）1234567', phones('0357-1234567')],
    ['（０３５７）１２３４５６７', phones('0357-1234567')],
    ['0357 1234567', phones('0357-1234567')],
    ['03571234567', phones('0357-1234567')],
    ['０３５７－１２３４５６７', phones('0357-1234567')],
    ['0357—1234567', phones('0357-1234567')],
    ['+86 357 1234567', phones('0357-1234567')],
    ['010-12345678', phones('010-12345678')],
    ['021 1234 5678', phones('021-12345678')],
    ['0755-12345678', phones('0755-12345678')],
    ['0311-81234567', phones('0311-81234567')],
    ['0357-1234567转801', phones('0357-1234567转801')],
    ['0357-1234567 转 801', phones('0357-1234567转801')],
    ['0357-1234567-801', phones('0357-1234567转801')],
    ['0357-1234567分机801', phones('0357-1234567转801')],
    ['0357-1234567 分机：801', phones('0357-1234567转801')],
    ['0357-1234567 ext 801', phones('0357-1234567转801')],
    ['0357-1234567 ext. 801', phones('0357-1234567转801')],
    ['13912345678/0357-1234567', phones('13912345678', '0357-1234567')],
    ['13912345678、13812345678', phones('13912345678', '13812345678')],
    ['13912345678，13812345678', phones('13912345678', '13812345678')],
    ['13912345678,13812345678', phones('13912345678', '13812345678')],
    ['13912345678;13812345678', phones('13912345678', '13812345678')],
    ['13912345678或13812345678', phones('13912345678', '13812345678')],
    ['13912345678\n0357-1234567', phones('13912345678', '0357-1234567')],
    ['13912345678 13812345678', phones('13912345678', '13812345678')],
    ['0357 1234567 139 1234 5678', phones('0357-1234567', '13912345678')],
    ['0357-1234567-801/13912345678', phones('0357-1234567转801', '13912345678')],
    ['0357-1234567-0357-7654321', phones('0357-1234567', '0357-7654321')],
    ['13912345678、13912345678', phones('13912345678')],
    ['张三 13912345678', phones('13912345678')],
    ['张三13912345678，李四0357-1234567', phones('13912345678', '0357-1234567')],
    ['13912345678（王科长）', phones('13912345678')],
    ['手机：13912345678 座机：0357-1234567', phones('13912345678', '0357-1234567')],
    ['Tel: 0357-1234567', phones('0357-1234567')],
  ])('%j', (input, expected) => {
    expect(normalizePhones(input)).toEqual(expected);
  });

  it.each<[string, ReturnType<typeof phones>]>([
    ['2123456', phones('0357-2123456')],
    ['212-3456', phones('0357-2123456')],
    ['２１２３４５６', phones('0357-2123456')],
    ['2123456转801', phones('0357-2123456转801')],
    ['2123456、13912345678', phones('0357-2123456', '13912345678')],
    ['0357-1234567 2123456', phones('0357-1234567', '0357-2123456')],
  ])('%j with defaultAreaCode 0357', (input, expected) => {
    expect(normalizePhones(input, { defaultAreaCode: '0357' })).toEqual(expected);
  });

  it('accepts the default area code without its 0', () => {
    expect(normalizePhones('2123456', { defaultAreaCode: '357' })).toEqual(phones('0357-2123456'));
  });

  it.each<[string, string, string | undefined]>([
    ['1.39E+10', 'phone-precision-lost', undefined],
    ['1.39123E+10', 'phone-precision-lost', undefined],
    ['张三 1.39E+10', 'phone-precision-lost', undefined],
    ['2123456', 'phone-invalid', undefined], // no area code and no default
    ['21234567', 'phone-invalid', undefined],
    ['1391234567', 'phone-invalid', undefined],
    ['139123456789', 'phone-invalid', undefined],
    ['12345678901', 'phone-invalid', undefined],
    ['0311-1234567', 'phone-invalid', undefined], // 石家庄 numbers have 8 digits
    ['0357-123456', 'phone-invalid', undefined],
    ['0357-123456789', 'phone-invalid', undefined],
    ['13912345678、1381234567', 'phone-invalid', undefined], // a mistyped second number is not dropped
    ['13912345678转801', 'phone-invalid', undefined],
    ['张三', 'phone-invalid', undefined],
    ['无', 'phone-invalid', undefined],
    ['', 'phone-invalid', undefined],
    ['   ', 'phone-invalid', undefined],
    ['12-34567', 'phone-invalid', '0357'],
    ['0123456', 'phone-invalid', '0357'],
    ['2123456', 'phone-invalid', '99999'],
    ['1391234', 'phone-invalid', '0357'], // a mobile cut short, not a local number
  ])('%j → %s', (input, code, defaultAreaCode) => {
    const options = defaultAreaCode === undefined ? {} : { defaultAreaCode };
    expect(normalizePhones(input, options)).toEqual({ ok: false, code, data: { value: input.trim() } });
  });
});

describe('normalizePhones: other cells', () => {
  it('a mobile stored as a number', () => {
    expect(normalizePhones(13912345678)).toEqual(phones('13912345678'));
  });

  it.each<[number, string]>([
    [3571234567, '0357-1234567'],
    [1012345678, '010-12345678'],
    [75512345678, '0755-12345678'],
  ])('a landline stored as a number lost its 0: %d → %s', (input, phone) => {
    expect(normalizePhones(input)).toEqual({
      ok: true,
      value: [phone],
      notes: [{ code: 'phone-leading-zero-restored', data: { value: String(input), phone } }],
    });
  });

  it('a local number stored as a number takes the default area code', () => {
    expect(normalizePhones(2123456, { defaultAreaCode: '0357' })).toEqual(phones('0357-2123456'));
  });

  it('full-width scientific notation is reported with what normalizeText shows', () => {
    expect(normalizePhones('１.３９Ｅ＋１０')).toEqual({
      ok: false,
      code: 'phone-precision-lost',
      data: { value: '1.39E＋10' },
    });
  });

  it.each<[CellValue, string, string]>([
    [13900000000, 'phone-precision-lost', '13900000000'], // 1.39E+10 typed back as a number
    [13912300000, 'phone-precision-lost', '13912300000'],
    [1.39e25, 'phone-precision-lost', '1.39e+25'],
    [13912345678.5, 'phone-precision-lost', '13912345678.5'],
    [2123456, 'phone-invalid', '2123456'],
    [3111234567, 'phone-invalid', '3111234567'],
    [12345, 'phone-invalid', '12345'],
    [0, 'phone-invalid', '0'],
    [-13912345678, 'phone-invalid', '-13912345678'],
    [null, 'phone-invalid', ''],
    [undefined, 'phone-invalid', ''],
    [true, 'phone-invalid', '是'],
    [new Date(Date.UTC(2024, 5, 15)), 'phone-invalid', '2024-06-15'],
  ])('%j → %s', (input, code, shown) => {
    expect(normalizePhones(input)).toEqual({ ok: false, code, data: { value: shown } });
  });
});
