// The max metadata, not min: min only checks number lengths, so 0311-1234567 (石家庄 numbers have
// 8 digits) or an invented area code would pass. max knows each Chinese area code and its
// subscriber-number length. Only China's part of it (cn-phone-metadata.generated.ts): the whole
// max metadata put 157 kB of JSON (39 kB gzip) into every browser bundle that checks a phone,
// China's is 5.5 kB (1.1 kB gzip), and no cell is read as another country's number (00 + a
// foreign country code was formatted as a Chinese landline: 009616197013, a Lebanese number, became
// 0619-7013).
// The core functions with the metadata passed in, not 'libphonenumber-js/max': that entry's
// CommonJS build exports the bare core PhoneNumber (and no Metadata), which throws "`metadata`
// argument not passed" on every landline, so the CJS build of this package failed where the ESM
// one worked. core + metadata is the same code in both formats.
import { Metadata, PhoneNumber, parsePhoneNumberFromString } from 'libphonenumber-js/core';
import { chinaPhoneMetadata } from './cn-phone-metadata.generated.js';
import { accept, type CellValue, type NormalizeNote, type NormalizeResult, reject } from './result.js';
import { isAsciiDigits, normalizeText } from './text.js';
import { toHalfWidth } from './width.js';

export interface NormalizePhonesOptions {
  /** Area code for 7–8 digit local numbers written without one, e.g. '0357' (临汾). */
  defaultAreaCode?: string;
}

// Mobile numbers by shape (1[3-9] + 9 digits), not by metadata: new ranges open every year and
// an outdated table would reject a clerk's real phone.
const mobilePattern = /^1[3-9]\d{9}$/;
// A local subscriber number never starts with 0 or 1.
const localPattern = /^[2-9]\d{6,7}$/;
// 0 + area code (2 or 3 digits) + subscriber (7 or 8 digits): 10–11 digits after the 0.
const trunkPattern = /^0\d{10,11}$/;
// 010 (北京) and 02x are the only 2-digit area codes; all others have 3.
const twoDigitAreaPattern = /^(?:10|2)/;

/**
 * The national number (without the trunk 0) libphonenumber-js validates as a fixed line.
 * For 0 + a non-zero digit, parsing with region CN only strips the 0 (no IDD 00, the national
 * pattern never starts with 0), so the number is built directly: a third of the cost of
 * parsing. The type check alone decides, because with the max metadata isValid() is exactly
 * getType() !== undefined. 00… would be read as an international call: left to the parser.
 */
function fixedLineNationalNumber(digits: string): string | undefined {
  if (digits.charCodeAt(1) !== 0x30) {
    const national = digits.slice(1);
    const fixedLine = chineseFixedLine();
    if (fixedLine) return fixedLine(national) ? national : undefined;
    const type = new PhoneNumber(`+86${national}`, chinaPhoneMetadata).getType();
    return type === 'FIXED_LINE' || type === 'FIXED_LINE_OR_MOBILE' ? national : undefined;
  }
  const phone = parsePhoneNumberFromString(digits, 'CN', chinaPhoneMetadata);
  if (!phone?.isValid()) return undefined;
  const type = phone.getType();
  return type === 'FIXED_LINE' || type === 'FIXED_LINE_OR_MOBILE' ? phone.nationalNumber : undefined;
}

/** What the metadata's numbering plan has at runtime beyond its published type. */
interface PlanPatterns {
  nationalNumberPattern(): string;
  type(name: 'FIXED_LINE'): { pattern(): string; possibleLengths(): number[] | undefined } | undefined;
}

let fixedLineTest: ((national: string) => boolean) | null | undefined;

/**
 * getType() answers FIXED_LINE (or FIXED_LINE_OR_MOBILE) exactly when the number matches the
 * country's general pattern and then the fixed-line one: it checks those two first, in that
 * order. It builds each RegExp anew on every call, though (a 1,000-character pattern for CN), which
 * made landlines a tenth of reading a file; compiled once here, the same test is ~10× faster.
 * null when the metadata lacks these (a future libphonenumber-js): getType() is used then.
 */
function chineseFixedLine(): ((national: string) => boolean) | null {
  if (fixedLineTest !== undefined) return fixedLineTest;
  fixedLineTest = null;
  try {
    const metadata = new Metadata(chinaPhoneMetadata);
    metadata.selectNumberingPlan('CN');
    const plan = metadata.numberingPlan as unknown as Partial<PlanPatterns> | undefined;
    const general = plan?.nationalNumberPattern?.();
    const fixed = plan?.type?.('FIXED_LINE');
    const pattern = fixed?.pattern();
    if (general && pattern) {
      const generalPattern = new RegExp(`^(?:${general})$`);
      const fixedPattern = new RegExp(`^(?:${pattern})$`);
      const lengths = fixed?.possibleLengths();
      fixedLineTest = (national) =>
        generalPattern.test(national) &&
        (!lengths || lengths.includes(national.length)) &&
        fixedPattern.test(national);
    }
  } catch {
    fixedLineTest = null;
  }
  return fixedLineTest;
}

// One unit's clerk types the same office number on every row: remember up to a few thousand
// (forgotten all at once when full, so memory stays bounded).
const landlineCache = new Map<string, string | null>();
const landlineCacheSize = 4096;

/** Canonical landline (0357-1234567) for digits starting with 0, if it is a real Chinese number. */
function landline(digits: string): string | undefined {
  if (!trunkPattern.test(digits)) return undefined;
  const cached = landlineCache.get(digits);
  if (cached !== undefined) return cached ?? undefined;
  const national = fixedLineNationalNumber(digits);
  let phone: string | undefined;
  if (national !== undefined) {
    const areaLength = twoDigitAreaPattern.test(national) ? 2 : 3;
    phone = `0${national.slice(0, areaLength)}-${national.slice(areaLength)}`;
  }
  if (landlineCache.size >= landlineCacheSize) landlineCache.clear();
  landlineCache.set(digits, phone ?? null);
  return phone;
}

/** Mobile or landline for a run of digits; `international` digits came after +86 (no trunk 0). */
function completeNumber(
  digits: string,
  international: boolean,
): { phone: string; landline: boolean } | undefined {
  if (mobilePattern.test(digits)) return { phone: digits, landline: false };
  const fixed =
    landline(digits) ?? (international && !digits.startsWith('0') ? landline(`0${digits}`) : undefined);
  return fixed === undefined ? undefined : { phone: fixed, landline: true };
}

// The campaign's area code is the same for every row: cleaned once, not once per cell.
let lastAreaCode: string | undefined;
let lastArea: string | undefined;

/** The default area code's digits without the trunk 0 (357 for 0357), if it can be one. */
function areaDigits(areaCode: string): string | undefined {
  if (areaCode !== lastAreaCode) {
    const area = toHalfWidth(areaCode).replace(/\D/g, '').replace(/^0/, '');
    lastArea = /^\d{2,3}$/.test(area) ? area : undefined;
    lastAreaCode = areaCode;
  }
  return lastArea;
}

function localWithArea(digits: string, areaCode: string | undefined): string | undefined {
  if (areaCode === undefined || !localPattern.test(digits)) return undefined;
  const area = areaDigits(areaCode);
  if (area === undefined) return undefined;
  return landline(`0${area}${digits}`);
}

/** How a digit group is joined to the one before it. */
type Join = 'start' | 'break' | 'extension' | 'hyphen' | 'space';

interface Group {
  digits: string;
  join: Join;
  /** Preceded by +86 / 0086. */
  international: boolean;
}

const countryCodePattern = /(?:\+\s*86|(?<!\d)0086)(?=[\s\-()]*\d)/g;
const extensionDigitsPattern = /^\d{1,6}$/;
const shortHyphenPattern = /^\d{1,5}$/;
// 1.39E+10: Excel's scientific notation saved as text; the digits are gone.
const scientificPattern = /\d(?:\.\d+)?e\+\d/i;
// A whole number written with a zero decimal (13903573101.0, 3573101.00): the digits are all there.
const exportedDecimalPattern = /^\s*(\d{7,})\.0+\s*$/;
// 13900000000: what 1.39E+10 becomes when it is typed back or re-read as a number.
const roundedPattern = /0{5}$/;
// 转801, 分机801, 转分机 801, ext. 801, x801: the extension markers.
const tokenPattern =
  /(\d+)|(转分机号?|分机号?|转|ext\.?|x)|([ \t().:]+)|([-\u2010-\u2015\u2212]+)|(\u0001)|([\s\S])/giy;

/**
 * How the next digit group joins after a separator token: the strongest separator wins; anything
 * else (letters, 、 / , ; 或 newline …) breaks, as does a country code (a new number starts).
 */
function joinAfter(join: Join, match: RegExpExecArray): Join {
  let next: Join;
  if (match[5] !== undefined) next = 'break';
  else if (match[3] !== undefined) next = join;
  else if (match[4] !== undefined) next = join === 'space' ? 'hyphen' : join;
  else if (match[2] !== undefined) next = join === 'break' || join === 'start' ? 'break' : 'extension';
  else next = 'break';
  return next === 'start' ? 'break' : next;
}

/** Splits cell text into digit groups, remembering what separated each from the previous one. */
function digitGroups(text: string): Group[] {
  // Most cells are one bare number: one group, as the tokens below would make it.
  if (isAsciiDigits(text)) return [{ digits: text, join: 'start', international: false }];
  const groups: Group[] = [];
  let join: Join = 'start';
  let international = false;
  tokenPattern.lastIndex = 0;
  for (let match = tokenPattern.exec(text); match; match = tokenPattern.exec(text)) {
    // Read by index: destructuring went through the array iterator for every token.
    const digits = match[1];
    if (digits !== undefined) {
      groups.push({ digits, join, international });
      join = 'space';
      international = false;
      continue;
    }
    if (match[5] !== undefined) international = true;
    join = joinAfter(join, match);
  }
  return groups;
}

/** The first complete number made of groups[from..to] joined only by spaces/hyphens/brackets. */
function matchAt(
  groups: Group[],
  from: number,
): { phone: string; landline: boolean; to: number } | undefined {
  const first = groups[from];
  if (!first) return undefined;
  let digits = '';
  for (let to = from; to < groups.length; to++) {
    const group = groups[to];
    if (!group || (to > from && group.join !== 'space' && group.join !== 'hyphen')) break;
    digits += group.digits;
    if (digits.length > 13) break;
    const found = completeNumber(digits, first.international);
    // Spelled out: spreading `found` here made a mobile number cost ~7× more (V8 20).
    if (found) return { phone: found.phone, landline: found.landline, to };
  }
  return undefined;
}

/** A 7–8 digit local number starting at groups[from], completed with the default area code. */
function matchLocal(
  groups: Group[],
  from: number,
  areaCode: string | undefined,
): { phone: string; landline: boolean; to: number } | undefined {
  let digits = '';
  for (let to = from; to < groups.length; to++) {
    const group = groups[to];
    if (!group || (to > from && group.join !== 'space' && group.join !== 'hyphen')) break;
    digits += group.digits;
    if (digits.length > 8) break;
    const phone = localWithArea(digits, areaCode);
    if (phone) return { phone, landline: true, to };
  }
  return undefined;
}

/** An extension after a landline: 转801, ext 801, or a short -801 that starts no number. */
function extensionAt(groups: Group[], at: number): string | undefined {
  const group = groups[at];
  if (!group) return undefined;
  if (group.join === 'extension' && extensionDigitsPattern.test(group.digits)) return group.digits;
  if (group.join === 'hyphen' && shortHyphenPattern.test(group.digits) && !matchAt(groups, at)) {
    return group.digits;
  }
  return undefined;
}

function phonesFromText(text: string, areaCode: string | undefined): string[] | undefined {
  // +86 and 0086 both contain 86: most cells have no country code and need no replace.
  const groups = digitGroups(text.includes('86') ? text.replace(countryCodePattern, '\u0001') : text);
  if (groups.length === 0) return undefined;
  const phones: string[] = [];
  let at = 0;
  while (at < groups.length) {
    const found = matchAt(groups, at) ?? matchLocal(groups, at, areaCode);
    // Digits that form no number: refuse the cell rather than drop a mistyped second number.
    if (!found) return undefined;
    let phone = found.phone;
    at = found.to + 1;
    if (found.landline) {
      const extension = extensionAt(groups, at);
      if (extension !== undefined) {
        phone = `${phone}转${extension}`;
        at += 1;
      }
    }
    if (!phones.includes(phone)) phones.push(phone);
  }
  return phones;
}

function phonesFromNumber(value: number, areaCode: string | undefined): NormalizeResult<string[]> {
  const shown = normalizeText(value);
  if (!Number.isFinite(value) || value <= 0) return reject('phone-invalid', { value: shown });
  // A fraction or an unsafe integer cannot be a phone that Excel kept intact.
  if (!Number.isSafeInteger(value)) return reject('phone-precision-lost', { value: shown });
  const digits = String(value);
  if (digits.length >= 10 && roundedPattern.test(digits))
    return reject('phone-precision-lost', { value: shown });
  if (mobilePattern.test(digits)) return accept([digits]);
  const restored = landline(`0${digits}`);
  if (restored) {
    const note: NormalizeNote = {
      code: 'phone-leading-zero-restored',
      data: { value: shown, phone: restored },
    };
    return accept([restored], [note]);
  }
  const local = localWithArea(digits, areaCode);
  if (local) return accept([local]);
  return reject('phone-invalid', { value: shown });
}

// 0 + a 2–3 digit area code not starting with 0, a hyphen or a space, a 7–8 digit subscriber
// not starting with 0.
const plainLandlinePattern = /^0[1-9]\d{1,2}[- ][1-9]\d{6,7}$/;

/**
 * The two shapes most 联系方式 cells have, read without the tokenizer: a bare mobile
 * (13912345678) and 0 + area code, hyphen or space, subscriber (0357-1234567, 0357 1234567).
 * Exactly what the general path makes of them (one group, or two joined by a hyphen or a space,
 * neither able to hold +86 or 0086: the area code's second digit and the subscriber's first are
 * not 0); undefined for anything else, which takes the general path. Phones were the costliest column to read (~0.2 s of the medium
 * bench batch's 96,000 rows), most of it splitting these into groups.
 */
function plainPhone(text: string): NormalizeResult<string[]> | undefined {
  const length = text.length;
  if (length === 11 && mobilePattern.test(text)) return accept([text]);
  if (length < 11 || length > 13 || text.charCodeAt(0) !== 0x30) return undefined;
  if (!plainLandlinePattern.test(text)) return undefined;
  // The hyphen or space after a 2-digit area code (010-…) or a 3-digit one (0357-…).
  const separator = text.charCodeAt(3) < 0x30 ? 3 : 4;
  const phone = landline(`${text.slice(0, separator)}${text.slice(separator + 1)}`);
  return phone === undefined ? reject('phone-invalid', { value: text }) : accept([phone]);
}

/**
 * Reads a 联系方式 cell into canonical phones: mobile 13912345678, landline 0357-1234567,
 * extension 0357-1234567转801. Several numbers in one cell are all returned (duplicates once).
 * An empty cell is phone-invalid; whether the field is required is the caller's decision.
 */
export function normalizePhones(
  value: CellValue,
  options: NormalizePhonesOptions = {},
): NormalizeResult<string[]> {
  if (typeof value === 'number') return phonesFromNumber(value, options.defaultAreaCode);
  const plain = typeof value === 'string' ? plainPhone(value) : undefined;
  if (plain !== undefined) return plain;
  const shown = normalizeText(value);
  if (typeof value !== 'string') return reject('phone-invalid', { value: shown });
  // 13903573101.0: a number exported as text with its decimal (as many systems write numbers).
  const text = toHalfWidth(shown, { punctuation: true }).replace(exportedDecimalPattern, '$1');
  if (scientificPattern.test(text)) return reject('phone-precision-lost', { value: shown });
  const phones = phonesFromText(text, options.defaultAreaCode);
  if (!phones || phones.length === 0) return reject('phone-invalid', { value: shown });
  return accept(phones);
}
