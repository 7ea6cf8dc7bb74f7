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
  if (missing.length === 0) return refuseSpecialInputs(inputs, context);
  const say = cliTexts(context.lang);
  throw new UsageError(say('inputsMissing', { list: missing.join(say('listSeparator')) }));
}

/**
 * A pipe, device or socket on the command line is refused at once (exit 2): reading a FIFO
 * would wait for a writer forever. The aggregator's node entry decides what counts as one.
 */
async function refuseSpecialInputs(inputs: readonly string[], context: CommandContext): Promise<void> {
  const { refusedInputIssue, refusedInputs } = await import('@jianshen/aggregator/node');
  const [refused] = await refusedInputs(inputs, context.cwd);
  if (!refused) return;
  // Loaded here, not at the top: a static import of the schema (zod, every schema) cost each
  // start-up, `jianshen --version` included, ~150 ms of CPU.
  const { renderMessage } = await import('@jianshen/schema');
  throw new UsageError(renderMessage(refusedInputIssue(refused), context.lang));
}
