import { goodWorkbook } from '../hostile/hostile-files.js';
import { resolveLimits } from '../limits.js';
import type { GridReader } from './grid-reader.js';

/** Test helpers only (not exported by the package). */

/**
 * Resolves once the reader's thread takes files: until it has loaded the readers (through jiti in
 * tests, slower than a built file), files are read on this thread.
 */
export async function untilThreadReads(reader: GridReader): Promise<void> {
  const limits = resolveLimits();
  for (let attempt = 0; attempt < 200 && reader.counts().thread === 0; attempt++) {
    await reader.read(goodWorkbook('古县', 1), '古县.xlsx', limits);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
