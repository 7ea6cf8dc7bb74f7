import { expect } from 'vitest';
import { concatBytes } from './bytes.js';
import type { CreateRawDeflater } from './native-zip-deflate.js';
import { type CellRow, type SheetSpec, styles, writeXlsxTo } from './xlsx-writer.js';
import { unpackZip } from './zip-entries.js';

/**
 * Writes a 3,000-row workbook with `createDeflater` and with fflate's own deflate, and expects
 * every part to be the same: a deflater may change the compressed bytes, never what they hold.
 */
export async function expectPartsAsFflateGives(createDeflater: CreateRawDeflater): Promise<void> {
  const rows: CellRow[] = Array.from({ length: 3000 }, (_, row) => [
    { value: row + 1, style: styles.center },
    { value: `第${row}场健步走`, style: styles.text },
  ]);
  const sheet = (): SheetSpec => ({ name: '汇总', widths: [6, 20], rows });
  const written = async (options: Parameters<typeof writeXlsxTo>[2]) => {
    const chunks: Uint8Array[] = [];
    await writeXlsxTo([sheet()], (chunk) => chunks.push(chunk), options);
    return unpackZip(concatBytes(chunks));
  };
  const given = await written({ createDeflater });
  const javascript = await written({});
  expect(Object.keys(given)).toEqual(Object.keys(javascript));
  for (const [name, bytes] of Object.entries(javascript))
    expect(Buffer.from(given[name] ?? []).equals(Buffer.from(bytes)), name).toBe(true);
}
