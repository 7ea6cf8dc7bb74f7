import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

/** Where a face is: its file and, in a collection (.ttc), its index. */
export interface FontLocation {
  file: string;
  index: number;
}

/**
 * Asks fontconfig (`fc-match`, on every Linux machine with fonts) where the family's face of a
 * style (fontconfig's pattern: `bold`, `regular`) is. Resolves to undefined when fontconfig is missing or answers with another family (it always
 * answers: without the family, with its fallback, e.g. DejaVu Sans, which has no 汉字).
 */
export async function locateFont(family: string, style: string): Promise<FontLocation | undefined> {
  try {
    const { stdout } = await promisify(execFile)(
      'fc-match',
      ['-f', '%{file}|%{index}|%{family}', `${family}:${style}`],
      {
        encoding: 'utf8',
        timeout: 10_000,
      },
    );
    const [file, index, families] = stdout.split('|');
    const wanted = family.toLowerCase();
    const found = (families ?? '').split(',').some((name) => name.trim().toLowerCase() === wanted);
    return file && found ? { file, index: Number(index) || 0 } : undefined;
  } catch {
    return undefined;
  }
}
