import { deflateSync } from 'fflate';
import { concatBytes } from './bytes.js';

/**
 * A deliberately naive zip writer for test inputs. Unlike a real writer it lets a test lie:
 * declared sizes that are not the real ones, names with `../`, raw deflate streams built by hand.
 * Browser-safe (no node:), so the same inputs drive the aggregator's `aggregate` over bytes
 * (its hostile-file tests build on it).
 */
export interface ZipInput {
  name: string;
  /** Content, deflated here. */
  data?: Uint8Array | string;
  /** Already-deflated content (raw deflate), with the values the headers should carry. */
  deflated?: { chunks: Uint8Array[]; crc: number; size: number };
  /** Uncompressed size to declare instead of the real one. */
  declaredSize?: number;
}

const crcTable = (() => {
  const table = new Uint32Array(256);
  for (let index = 0; index < 256; index++) {
    let value = index;
    for (let bit = 0; bit < 8; bit++) value = value & 1 ? 0xedb88320 ^ (value >>> 1) : value >>> 1;
    table[index] = value >>> 0;
  }
  return table;
})();

/** CRC-32 over a chunk, continuing from `crc` (start with 0). */
export function crc32(bytes: Uint8Array, crc = 0): number {
  let value = ~crc >>> 0;
  for (let index = 0; index < bytes.length; index++) {
    value = crcTable[(value ^ (bytes[index] as number)) & 0xff]! ^ (value >>> 8);
  }
  return ~value >>> 0;
}

const encoder = new TextEncoder();
export const utf8 = (text: string): Uint8Array => encoder.encode(text);

function header(size: number): { bytes: Uint8Array; view: DataView } {
  const bytes = new Uint8Array(size);
  return { bytes, view: new DataView(bytes.buffer) };
}

/** Packs entries into a zip (deflate, fixed 1980-01-01 timestamps, UTF-8 names). */
export function writeZip(entries: readonly ZipInput[]): Uint8Array {
  const parts: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = utf8(entry.name);
    let chunks: Uint8Array[];
    let crc: number;
    let size: number;
    if (entry.deflated) {
      ({ chunks, crc, size } = entry.deflated);
    } else {
      const data = typeof entry.data === 'string' ? utf8(entry.data) : (entry.data ?? new Uint8Array());
      chunks = [deflateSync(data, { level: 6 })];
      crc = crc32(data);
      size = data.length;
    }
    const compressedSize = chunks.reduce((sum, chunk) => sum + chunk.length, 0);
    const declared = entry.declaredSize ?? size;
    const local = header(30 + name.length);
    local.view.setUint32(0, 0x04034b50, true);
    local.view.setUint16(4, 20, true);
    local.view.setUint16(6, 0x0800, true);
    local.view.setUint16(8, 8, true);
    local.view.setUint16(10, 0, true);
    local.view.setUint16(12, 0x21, true);
    local.view.setUint32(14, crc, true);
    local.view.setUint32(18, compressedSize, true);
    local.view.setUint32(22, declared, true);
    local.view.setUint16(26, name.length, true);
    local.bytes.set(name, 30);
    const record = header(46 + name.length);
    record.view.setUint32(0, 0x02014b50, true);
    record.view.setUint16(4, 20, true);
    record.view.setUint16(6, 20, true);
    record.view.setUint16(8, 0x0800, true);
    record.view.setUint16(10, 8, true);
    record.view.setUint16(14, 0x21, true);
    record.view.setUint32(16, crc, true);
    record.view.setUint32(20, compressedSize, true);
    record.view.setUint32(24, declared, true);
    record.view.setUint16(28, name.length, true);
    record.view.setUint32(42, offset, true);
    record.bytes.set(name, 46);
    parts.push(local.bytes, ...chunks);
    central.push(record.bytes);
    offset += local.bytes.length + compressedSize;
  }
  const directory = concatBytes(central);
  const end = header(22);
  end.view.setUint32(0, 0x06054b50, true);
  end.view.setUint16(8, entries.length, true);
  end.view.setUint16(10, entries.length, true);
  end.view.setUint32(12, directory.length, true);
  end.view.setUint32(16, offset, true);
  return concatBytes([...parts, directory, end.bytes]);
}

/** Writes deflate bits least significant first, as RFC 1951 packs them. */
class BitWriter {
  private bytes: Uint8Array;
  private length = 0;
  private bit = 0;
  constructor(capacity: number) {
    this.bytes = new Uint8Array(capacity);
  }
  /** `count` bits of `value`, least significant first (header fields, extra bits). */
  write(value: number, count: number): void {
    for (let index = 0; index < count; index++) this.push((value >>> index) & 1);
  }
  /** A Huffman code, most significant bit first. */
  code(value: number, count: number): void {
    for (let index = count - 1; index >= 0; index--) this.push((value >>> index) & 1);
  }
  alignToByte(): void {
    if (this.bit > 0) {
      this.bit = 0;
      this.length += 1;
    }
  }
  bytesOut(bytes: Uint8Array): void {
    this.alignToByte();
    this.bytes.set(bytes, this.length);
    this.length += bytes.length;
  }
  private push(bit: number): void {
    if (bit) this.bytes[this.length] = (this.bytes[this.length] as number) | (1 << this.bit);
    this.bit += 1;
    if (this.bit === 8) {
      this.bit = 0;
      this.length += 1;
    }
  }
  result(): Uint8Array {
    return this.bytes.slice(0, this.length + (this.bit > 0 ? 1 : 0));
  }
}

/** Deflate distance codes: first distance of each code and its extra bits (RFC 1951 3.2.5). */
const distanceBases = [1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193];
const distanceExtraBits = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6];

/**
 * A raw deflate stream that inflates to `prefix` followed by `repeat` more bytes repeating its
 * last `period` bytes: a stored block for the prefix, then a fixed-Huffman block of
 * length-258/distance-`period` matches (13–19 bits per 258 bytes, about the best deflate can do).
 * Built by hand: compressing gigabytes with a real deflater would take minutes.
 */
export function repeatingDeflate(
  prefix: Uint8Array,
  repeat: number,
  period = 1,
): { chunks: Uint8Array[]; size: number } {
  if (period < 1 || period > 256 || period > prefix.length) throw new Error(`period ${period} out of range`);
  let code = distanceBases.length - 1;
  while ((distanceBases[code] as number) > period) code--;
  const extraBits = distanceExtraBits[code] as number;
  const extra = period - (distanceBases[code] as number);
  const matches = Math.floor(repeat / 258);
  const writer = new BitWriter(prefix.length + 16 + Math.ceil((matches * (13 + extraBits)) / 8) + 16);
  writer.write(0, 1); // BFINAL = 0
  writer.write(0, 2); // BTYPE = stored
  writer.alignToByte();
  const lengths = new Uint8Array(4);
  new DataView(lengths.buffer).setUint16(0, prefix.length, true);
  new DataView(lengths.buffer).setUint16(2, ~prefix.length & 0xffff, true);
  writer.bytesOut(lengths);
  writer.bytesOut(prefix);
  writer.write(1, 1); // BFINAL = 1
  writer.write(1, 2); // BTYPE = fixed Huffman
  for (let index = 0; index < matches; index++) {
    writer.code(0b11000101, 8); // length symbol 285: 258 bytes
    writer.code(code, 5); // distance code
    if (extraBits > 0) writer.write(extra, extraBits);
  }
  writer.code(0, 7); // end of block (symbol 256)
  return { chunks: [writer.result()], size: prefix.length + matches * 258 };
}
