import type { RawDeflater } from '@jianshen/ooxml';
import { concatBytes } from '@jianshen/ooxml';

/** Sheet-like text: rows that repeat within and across a deflater's batches, as a table's do. */
export function sheetLikeText(rows: number): Uint8Array {
  const parts: string[] = [];
  for (let row = 1; row <= rows; row++) {
    parts.push(
      `<row r="${row}"><c r="A${row}"><v>${row}</v></c><c r="B${row}" t="inlineStr"><is><t>尧都区体育局第${row % 97}场健步走</t></is></c></row>`,
    );
  }
  return new TextEncoder().encode(parts.join(''));
}

/** Pushes `input` into `deflater` in pieces of the sizes given (cycling), then ends; every output joined. */
export async function deflateInPieces(
  deflater: RawDeflater,
  input: Uint8Array,
  pieceSizes: readonly number[],
): Promise<Uint8Array> {
  const out: (Uint8Array | Promise<Uint8Array>)[] = [];
  let at = 0;
  for (let index = 0; at < input.length; index++) {
    const size = pieceSizes[index % pieceSizes.length] ?? 1;
    out.push(deflater.push(input.subarray(at, Math.min(input.length, at + size)), false));
    at += size;
  }
  out.push(deflater.push(new Uint8Array(0), true));
  return concatBytes(await Promise.all(out));
}
