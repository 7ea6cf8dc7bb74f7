import { expect } from 'vitest';
import { concatBytes } from './bytes.js';
import { findEntry, type InflateRaw, readZipDirectory, streamEntry } from './zip-reader.js';

/**
 * Everything `streamEntry` hands over for `name` (through `inflateRaw` when given, else fflate),
 * or the error it stopped with, and the budget left.
 */
export function inflateEntry(bytes: Uint8Array, name: string, budget: number, inflateRaw?: InflateRaw) {
  const zip = readZipDirectory(bytes, budget, 200, inflateRaw);
  const entry = findEntry(zip, name);
  if (!entry) throw new Error(`no ${name}`);
  const chunks: Uint8Array[] = [];
  let error: unknown;
  try {
    streamEntry(zip, entry, (chunk) => chunks.push(chunk.slice()));
  } catch (caught) {
    error = caught;
  }
  return { chunks, error, remaining: zip.budget.remaining };
}

/** The chunks joined are exactly `content`. */
export function expectSameBytes(chunks: readonly Uint8Array[], content: Uint8Array): void {
  const inflated = concatBytes(chunks);
  expect(inflated.length).toBe(content.length);
  // Compared by hand: a deep equality over megabytes takes minutes.
  expect(inflated.findIndex((byte, index) => byte !== content[index])).toBe(-1);
}
