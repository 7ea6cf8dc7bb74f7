import { CommanderError } from 'commander';
import { createProgram } from './program.js';
import { exitCodes, UsageError } from './shared/cli-error.js';
import { cliTexts } from './shared/cli-text.js';
import type { CommandContext } from './shared/command-context.js';
import { commanderErrorLine } from './shared/commander-messages.js';
import { detectLang } from './shared/lang.js';
import { terminalSafe } from './shared/terminal-text.js';

export interface RunOptions {
  cwd?: string;
  env?: Record<string, string | undefined>;
  stdout?: (text: string) => void;
  stderr?: (text: string) => void;
  interactive?: boolean;
  /**
   * The CLI is the whole process (the bin sets this): Ctrl+C then removes its temporary files and
   * stops it, and the aggregation may ask V8 for garbage collections. Off when embedded.
   */
  ownsProcess?: boolean;
}

function printer(sink: (text: string) => void): (text: string) => void {
  return (text) => sink(terminalSafe(text));
}

/**
 * Runs the CLI with the given arguments (without `node` and the script) and resolves to the
 * exit code: 0 ok, 1 data errors found, 2 usage or configuration error. Never calls process.exit.
 */
export async function run(argv: readonly string[], options: RunOptions = {}): Promise<number> {
  const environment = options.env ?? process.env;
  const context: CommandContext = {
    lang: detectLang(argv, environment),
    cwd: options.cwd ?? process.cwd(),
    // Every line printed passes through terminalSafe: text from submissions must not act on
    // the terminal (see terminal-text.ts); the CLI's own lines have no control characters.
    stdout: printer(options.stdout ?? ((text) => process.stdout.write(`${text}\n`))),
    stderr: printer(options.stderr ?? ((text) => process.stderr.write(`${text}\n`))),
    interactive: options.interactive ?? Boolean(process.stderr.isTTY),
    exitCode: exitCodes.ok,
    ...(options.ownsProcess ? { ownsProcess: true } : {}),
  };
  const debug = argv.includes('--debug');
  const program = createProgram(context);
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return context.exitCode;
  } catch (error) {
    return reportFailure(error, { context, debug });
  }
}

/**
 * What a failed run prints and its exit code: commander's own stops (help, version) are not
 * failures; a usage or campaign error is told in the person's language, one line each.
 */
async function reportFailure(
  error: unknown,
  options: { context: CommandContext; debug: boolean },
): Promise<number> {
  const { context, debug } = options;
  if (error instanceof CommanderError) return reportCommanderError(error, context);
  // The schema is loaded only on this path: start-up stays light.
  const { CampaignError, renderMessage } = await import('@jianshen/schema');
  const prefix = cliTexts(context.lang)('errorPrefix');
  if (error instanceof CampaignError) {
    for (const issue of error.issues) {
      context.stderr(
        `${prefix}${issue.path}${issue.field ? ` [${issue.field}]` : ''}: ${renderMessage(issue, context.lang)}`,
      );
    }
  } else {
    const message = error instanceof Error ? error.message : String(error);
    context.stderr(`${prefix}${message.split('\n')[0]}`);
  }
  if (debug && error instanceof Error && error.stack) context.stderr(error.stack);
  if (error instanceof CampaignError || error instanceof UsageError) return exitCodes.usage;
  // Anything else is a fault of ours or of the machine (disk full): still not a crash dump.
  return exitCodes.usage;
}

function reportCommanderError(error: CommanderError, context: CommandContext): number {
  // Help and version "errors" are commander's way of stopping after printing.
  if (
    error.code === 'commander.helpDisplayed' ||
    error.code === 'commander.version' ||
    error.exitCode === 0
  ) {
    return exitCodes.ok;
  }
  context.stderr(`${cliTexts(context.lang)('errorPrefix')}${commanderErrorLine(error, context.lang)}`);
  return exitCodes.usage;
}

export { exitCodes, UsageError };
