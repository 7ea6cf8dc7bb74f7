import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { UsageError } from './cli-error.js';

/**
 * Writes through a temporary file and a rename, so a crash never leaves half a document, and
 * refuses to write over any of the inputs.
 */
export async function writeFileAtomic(
  path: string,
  data: Uint8Array | string,
  protectedInputs: readonly string[] = [],
): Promise<void> {
  const target = resolve(path);
  if (protectedInputs.some((input) => resolve(input) === target)) {
    throw new UsageError(`拒绝覆盖输入文件 ${path} (refusing to overwrite an input file)`);
  }
  await mkdir(dirname(target), { recursive: true });
  const temporary = `${target}.${process.pid}.${Date.now()}.tmp`;
  try {
    await writeFile(temporary, data);
    await rename(temporary, target);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}
