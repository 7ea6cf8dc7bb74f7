import { UsageError } from './cli-error.js';
import { cliTexts } from './cli-text.js';
import type { CommandContext } from './command-context.js';

/**
 * `--submitted-on` as the ISO day the aggregator judges lateness by. A value that is no date is a
 * mistake in the call (exit 2), said in the CLI's language before any file is read.
 */
export async function submittedOnOption(
  value: string | undefined,
  context: CommandContext,
): Promise<string | undefined> {
  if (value === undefined) return undefined;
  // Loaded on use: `jianshen --version` stays light.
  const { submissionDay } = await import('@jianshen/aggregator');
  try {
    return submissionDay(value);
  } catch {
    throw new UsageError(cliTexts(context.lang)('submittedOnInvalid', { value }));
  }
}
