import { defaultLang, type Lang, type PhraseCode, phrase, renderMessage } from '@jianshen/schema';

/** Thrown when the output folder cannot be written (full disk, no permission, read-only). */
export class OutputWriteError extends Error {
  override readonly name = 'OutputWriteError';
}

// What the system says, in the clerk's words; any other error is a fault of ours and stays as is.
const reasons: Readonly<Record<string, PhraseCode>> = {
  ENOSPC: 'disk-full',
  EDQUOT: 'disk-full',
  EACCES: 'no-write-permission',
  EPERM: 'no-write-permission',
  EROFS: 'read-only-folder',
};

/**
 * A system error met while writing into `directory`, as an `OutputWriteError` that names the
 * folder and says the previous outputs are unchanged (the set is replaced only once whole).
 */
export function outputWriteError(error: unknown, directory: string, lang: Lang = defaultLang): unknown {
  const reason = reasons[(error as NodeJS.ErrnoException | undefined)?.code ?? ''];
  if (!reason) return error;
  const data = { dir: directory, reason: phrase(reason) };
  return new OutputWriteError(renderMessage({ code: 'output-write-failed', data }, lang), { cause: error });
}
