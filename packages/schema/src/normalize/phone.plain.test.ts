import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizePhones } from './phone.js';

// A bare mobile and 0 + area code, hyphen or space, subscriber are read without splitting the cell into groups.
// A leading space (trimmed away before anything else) sends the same text the general way: both
// must give exactly the same answer, accepted or refused, for every area code and subscriber.
const generalWay = (text: string) => normalizePhones(` ${text}`);

describe('normalizePhones: the plain shapes read directly', () => {
  it('give what the general path gives, for mobiles and hyphenated landlines', () => {
    const digits = (min: number, max: number) =>
      fc.array(fc.constantFrom(...'0123456789'), { minLength: min, maxLength: max }).map((d) => d.join(''));
    const shapes = fc.oneof(
      digits(11, 11).map((rest) => `1${rest.slice(1)}`),
      fc.tuple(digits(2, 3), digits(6, 8)).map(([area, subscriber]) => `0${area}-${subscriber}`),
      fc.tuple(digits(1, 4), digits(1, 9)).map(([area, subscriber]) => `0${area}-${subscriber}`),
      fc
        .tuple(digits(1, 4), fc.constantFrom(' ', '  ', '-', '--', '—', '(', ')'), digits(1, 9))
        .map(([area, separator, subscriber]) => `0${area}${separator}${subscriber}`),
    );
    fc.assert(
      fc.property(shapes, (text) => {
        expect(normalizePhones(text)).toEqual(generalWay(text));
      }),
      { numRuns: 3000 },
    );
  });

  it.each([
    '13912345678',
    '12912345678',
    '0357-2172071',
    '0357 2172071',
    '010 12345678',
    '0357  2172071',
    '010-12345678',
    '020-1234567',
    '0357-02172071',
    '0086-1234567',
    '0357-0086123',
    '0111-1234567',
    '0357-123456',
    '0111-1234567',
    '0100-1234567',
  ])('%s', (text) => {
    expect(normalizePhones(text)).toEqual(generalWay(text));
  });

  it('reads the usual shapes as before', () => {
    expect(normalizePhones('13912345678')).toEqual({ ok: true, value: ['13912345678'], notes: [] });
    expect(normalizePhones('0357-2172071')).toEqual({ ok: true, value: ['0357-2172071'], notes: [] });
    expect(normalizePhones('0357 2172071')).toEqual({ ok: true, value: ['0357-2172071'], notes: [] });
    expect(normalizePhones('0111-1234567')).toEqual({
      ok: false,
      code: 'phone-invalid',
      data: { value: '0111-1234567' },
    });
  });
});
