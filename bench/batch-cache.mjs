// A batch of submissions cached on disk: a folder of .xlsx files and its manifest.json.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

/** The batch cached in `directory` when it is whole (every file of its manifest there), else undefined. */
export async function cachedBatch(directory) {
  try {
    const manifest = JSON.parse(await readFile(join(directory, 'manifest.json'), 'utf8'));
    const names = (await readdir(directory)).filter((name) => name.endsWith('.xlsx'));
    if (names.length === manifest.files.length) return { directory, ...manifest, cached: true };
  } catch {
    // No manifest, or a folder left half made: the caller makes the batch again.
  }
  return undefined;
}
