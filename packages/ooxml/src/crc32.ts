/**
 * CRC-32 (zip's, polynomial 0xEDB88320) eight bytes a step ("slicing-by-8"). fflate's byte-at-a-time
 * CRC was ~220 ms of writing the consolidated workbook of 93,000 rows (76 MB of XML), as much as
 * making the rows' XML; this is about three times faster, in plain JavaScript (pages and workers too).
 */

/** Eight tables of 256: table k gives the CRC of a byte followed by k zero bytes. */
const tables = makeTables();

function makeTables(): Int32Array {
  const table = new Int32Array(256 * 8);
  for (let byte = 0; byte < 256; byte++) {
    let crc = byte;
    for (let bit = 0; bit < 8; bit++) crc = crc & 1 ? 0xedb88320 ^ (crc >>> 1) : crc >>> 1;
    table[byte] = crc;
  }
  for (let index = 256; index < table.length; index++) {
    const previous = table[index - 256] ?? 0;
    table[index] = (table[previous & 0xff] ?? 0) ^ (previous >>> 8);
  }
  return table;
}

/**
 * The running CRC after `bytes`, from the running CRC before them. Start at `crc32Start`; the
 * checksum is `crc32Final(running)`. Kept as fflate keeps it, so the bytes written are the same.
 */
export function crc32Update(running: number, bytes: Uint8Array): number {
  const table = tables;
  let crc = running;
  let at = 0;
  const whole = bytes.length - (bytes.length % 8);
  for (; at < whole; at += 8) {
    const low = crc ^ (bytes[at]! | (bytes[at + 1]! << 8) | (bytes[at + 2]! << 16) | (bytes[at + 3]! << 24));
    crc =
      table[1792 + (low & 0xff)]! ^
      table[1536 + ((low >>> 8) & 0xff)]! ^
      table[1280 + ((low >>> 16) & 0xff)]! ^
      table[1024 + (low >>> 24)]! ^
      table[768 + bytes[at + 4]!]! ^
      table[512 + bytes[at + 5]!]! ^
      table[256 + bytes[at + 6]!]! ^
      table[bytes[at + 7]!]!;
  }
  for (; at < bytes.length; at++) crc = table[(crc ^ bytes[at]!) & 0xff]! ^ (crc >>> 8);
  return crc;
}

/** The running CRC before any byte. */
export const crc32Start = -1;

/** The checksum of the bytes a running CRC has seen. */
export function crc32Final(running: number): number {
  return ~running;
}

// CRC-32 as polynomials over GF(2), after zlib's crc32_combine (1.2.12 and later): a CRC of
// joined bytes is made from the parts' CRCs without reading the bytes again.
const polynomial = 0xedb88320;

/** a·b modulo the CRC polynomial (bit-reflected, x^0 in the top bit). */
function multiplyModulo(a: number, b: number): number {
  let product = 0;
  let factor = b;
  for (let mask = 0x80000000; mask !== 0; mask >>>= 1) {
    if (a & mask) {
      product ^= factor;
      if ((a & (mask - 1)) === 0) break;
    }
    factor = factor & 1 ? (factor >>> 1) ^ polynomial : factor >>> 1;
  }
  return product >>> 0;
}

/** x^(2^k) modulo the polynomial, k = 0…31. */
const powers = (() => {
  const table = new Uint32Array(32);
  let power = 0x40000000; // x^1
  for (let k = 0; k < 32; k++) {
    table[k] = power;
    power = multiplyModulo(power, power);
  }
  return table;
})();

/** x^(8·bytes) modulo the polynomial: what shifting a CRC past `bytes` bytes multiplies it by. */
function shiftPast(bytes: number): number {
  let product = 0x80000000; // x^0
  let k = 3; // 8 = 2^3 bits a byte
  for (let rest = bytes; rest > 0; rest = Math.floor(rest / 2), k++) {
    if (rest % 2 === 1) product = multiplyModulo(powers[k % 32] ?? 0, product);
  }
  return product;
}

/**
 * The CRC-32 of A followed by B from A's CRC, B's CRC and B's length (checksums as zip stores
 * them, `crc32Final` applied): zlib's `crc32_combine`, for a zip entry joined from parts made
 * apart (a sheet's rows deflated while they were read).
 */
export function crc32Combine(first: number, second: number, secondLength: number): number {
  return (multiplyModulo(shiftPast(secondLength), first >>> 0) ^ (second >>> 0)) >>> 0;
}

/** The CRC-32 of `bytes` as zip stores it. */
export function crc32Of(bytes: Uint8Array): number {
  return crc32Final(crc32Update(crc32Start, bytes)) >>> 0;
}
