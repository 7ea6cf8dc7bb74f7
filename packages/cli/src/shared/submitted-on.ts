import { UsageError } from './cli-error.js';
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
    throw new UsageError(
      context.lang === 'zh'
        ? `--submitted-on 的取值「${value}」不是日期，请写如 2024-05-27`
        : `--submitted-on "${value}" is not a date; write it like 2024-05-27`,
    );
  }
}
