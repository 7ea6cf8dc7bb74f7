import { deflateSync } from 'fflate';

/**
 * A deliberately naive zip writer for test inputs. Unlike a real writer it lets a test lie:
 * declared sizes that are not the real ones, names with `../`, raw deflate streams built by hand.
 * Browser-safe (no node:), so the same inputs drive `aggregate` over bytes.
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

export function concatBytes(chunks: readonly Uint8Array[]): Uint8Array {
  const total = chunks.reduce((sum, chunk) => sum + chunk.length, 0);
  const out = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

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
