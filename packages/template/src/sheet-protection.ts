import type { Worksheet } from 'exceljs';

/**
 * Sheet protection as exceljs writes it (`worksheet.sheetProtection`): cells stay locked unless
 * unlocked, while clerks may still format, resize and insert rows.
 */
export interface SheetProtectionModel {
  sheet: true;
  objects: false;
  scenarios: false;
  formatCells: true;
  formatColumns: true;
  formatRows: true;
  insertRows: true;
  algorithmName?: 'SHA-512';
  hashValue?: string;
  saltValue?: string;
  spinCount?: number;
}

/** exceljs writes `worksheet.sheetProtection` but does not declare it; this sets it typed. */
export function protectSheet(sheet: Worksheet, protection: SheetProtectionModel): void {
  (sheet as unknown as { sheetProtection: SheetProtectionModel }).sheetProtection = protection;
}

/** What Excel itself uses: 100 000 rounds of SHA-512. */
const spinCount = 100_000;

function base64(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

function utf16le(text: string): Uint8Array {
  const bytes = new Uint8Array(text.length * 2);
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    bytes[index * 2] = code & 0xff;
    bytes[index * 2 + 1] = code >> 8;
  }
  return bytes;
}

function concat(first: Uint8Array, second: Uint8Array): Uint8Array {
  const joined = new Uint8Array(first.length + second.length);
  joined.set(first, 0);
  joined.set(second, first.length);
  return joined;
}

async function sha512(data: Uint8Array): Promise<Uint8Array> {
  return new Uint8Array(await globalThis.crypto.subtle.digest('SHA-512', data as Uint8Array<ArrayBuffer>));
}

/**
 * The ECMA-376 password hash Excel and LibreOffice verify: H0 = SHA-512(salt ‖ UTF-16LE password),
 * Hn = SHA-512(Hn-1 ‖ n as 32-bit little-endian). The salt comes from `saltSeed` rather than
 * chance so the same campaign gives a byte-identical template (sheet protection keeps honest
 * people from breaking the header; it was never encryption).
 */
export async function hashSheetPassword(
  password: string,
  saltSeed: string,
): Promise<{ hashValue: string; saltValue: string; spinCount: number }> {
  const salt = (await sha512(new TextEncoder().encode(`jianshen-template-salt:${saltSeed}`))).slice(0, 16);
  let hash = await sha512(concat(salt, utf16le(password)));
  const buffer = new Uint8Array(hash.length + 4);
  const counter = new DataView(buffer.buffer, hash.length, 4);
  for (let iteration = 0; iteration < spinCount; iteration++) {
    buffer.set(hash, 0);
    counter.setUint32(0, iteration, true);
    hash = await sha512(buffer);
  }
  return { hashValue: base64(hash), saltValue: base64(salt), spinCount };
}

/** Protection for a template sheet; a password only when the campaign sets one. */
export async function sheetProtection(
  password: string | undefined,
  saltSeed: string,
): Promise<SheetProtectionModel> {
  const model: SheetProtectionModel = {
    sheet: true,
    objects: false,
    scenarios: false,
    formatCells: true,
    formatColumns: true,
    formatRows: true,
    insertRows: true,
  };
  if (password === undefined || password === '') return model;
  return { ...model, algorithmName: 'SHA-512', ...(await hashSheetPassword(password, saltSeed)) };
}
