import fc from 'fast-check';
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { describe, expect, it } from 'vitest';
import { normalizePhones } from './phone.js';

// normalizePhones builds 0 + non-zero numbers directly (new PhoneNumber('+86…')) and checks only
// getType(); before, it parsed them with region CN and checked isValid() too. This is the old
// check, kept as the reference (with the whole max metadata, every country): both must accept and
// format exactly the same numbers. Only Chinese numbers are landlines here: 00 + another country's
// code is a call abroad, not 0 + a Chinese area code. And a landline is 0 + area code + a 7–8 digit
// subscriber (a 10–11 digit national number) however it is dialled: parsing 0086 + 8 digits finds
// short service numbers (0086 391 95000 → 0391-95000, 0086 791 1230 → 0791-1230), which no
// spelling of them makes a 联系方式 (see the test below).
function referenceLandline(digits: string): string | undefined {
  if (!/^0\d{10,11}$/.test(digits)) return undefined;
  const phone = parsePhoneNumberFromString(digits, 'CN');
  if (!phone?.isValid() || phone.countryCallingCode !== '86') return undefined;
  if (!/^\d{10,11}$/.test(phone.nationalNumber)) return undefined;
  const type = phone.getType();
  if (type !== 'FIXED_LINE' && type !== 'FIXED_LINE_OR_MOBILE') return undefined;
  const areaLength = /^(?:10|2)/.test(phone.nationalNumber) ? 2 : 3;
  return `0${phone.nationalNumber.slice(0, areaLength)}-${phone.nationalNumber.slice(areaLength)}`;
}

function landlineOf(digits: string): string | undefined {
  const result = normalizePhones(digits);
  return result.ok ? result.value[0] : undefined;
}

describe('landlines checked without parsing', () => {
  it('accept the same numbers as parsing with region CN, for every area code', () => {
    const differing: string[] = [];
    // Every 2- and 3-digit area code, subscribers of 7 and 8 digits starting with each digit.
    for (let area = 10; area <= 999; area++) {
      for (const first of '0123456789') {
        for (const digits of [`0${area}${first}234567`, `0${area}${first}2345678`]) {
          if (digits.length > 12) continue;
          const expected = referenceLandline(digits);
          if (landlineOf(digits) !== expected) differing.push(`${digits} → ${expected}`);
        }
      }
    }
    expect(differing).toEqual([]);
  });

  it('accept the same numbers as parsing on random trunk-0 digits (00… included)', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^0\d{10,11}$/), (digits) => {
        expect(landlineOf(digits)).toBe(referenceLandline(digits));
      }),
      { numRuns: 5_000 },
    );
  });

  it('never read a number dialled abroad as a Chinese landline', () => {
    // With every country's metadata these became 0320-0494 and 0619-7013.
    expect(landlineOf('002433200494')).toBeUndefined();
    expect(landlineOf('009616197013')).toBeUndefined();
  });

  it('refuse a short service number in every spelling, 0086 included', () => {
    // Found by the random property above (seed 228793979): the parser alone took 008639195000.
    for (const spelling of ['008639195000', '+86 391 95000', '0086 391 95000', '0391-95000', '039195000']) {
      expect(landlineOf(spelling), spelling).toBeUndefined();
    }
    expect(landlineOf('00863572123456')).toBe('0357-2123456');
  });

  it('give the same answer twice (the cache of recent numbers)', () => {
    expect(landlineOf('03572123456')).toBe('0357-2123456');
    expect(landlineOf('03572123456')).toBe('0357-2123456');
    expect(landlineOf('03570123456')).toBe(referenceLandline('03570123456'));
    expect(landlineOf('03570123456')).toBe(referenceLandline('03570123456'));
  });
});
