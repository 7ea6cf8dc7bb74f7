import { access } from 'node:fs/promises';
import { resolve } from 'node:path';
import { UsageError } from './cli-error.js';
import { cliTexts } from './cli-text.js';
import type { CommandContext } from './command-context.js';

/**
 * A path on the command line that does not exist is a mistake in the call (exit 2), not a problem
 * in the data (exit 1): `jianshen validate 报送/*.xlsx` in the wrong folder must not look like a
 * county's bad submission. Every missing path is named in one line.
 */
export async function requireInputs(inputs: readonly string[], context: CommandContext): Promise<void> {
  const missing: string[] = [];
  for (const input of inputs) {
    await access(resolve(context.cwd, input)).catch(() => missing.push(input));
  }
  if (missing.length === 0) return;
  const say = cliTexts(context.lang);
  throw new UsageError(say('inputsMissing', { list: missing.join(say('listSeparator')) }));
}
