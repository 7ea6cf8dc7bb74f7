import { UsageError } from './cli-error.js';
import { cliTexts } from './cli-text.js';
import type { CommandContext } from './command-context.js';

// Over a day is never a budget a clerk means: most likely a typo of units (seconds × 1000 twice).
const maxBudgetMs = 86_400_000;

/**
 * `--rule-budget <ms>` as the aggregator's `ruleBudgetMs`: milliseconds each plugin rule may run
 * on one file's rows. A value that is not a positive whole number is a mistake in the call (exit 2),
 * said before any file is read.
 */
export function ruleBudgetOption(value: string | undefined, context: CommandContext): number | undefined {
  if (value === undefined) return undefined;
  const trimmed = value.trim();
  const budget = /^\d+$/.test(trimmed) ? Number(trimmed) : Number.NaN;
  if (!Number.isSafeInteger(budget) || budget < 1 || budget > maxBudgetMs) {
    throw new UsageError(cliTexts(context.lang)('ruleBudgetInvalid', { value }));
  }
  return budget;
}
