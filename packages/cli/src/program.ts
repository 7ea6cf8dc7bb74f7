import { Command, CommanderError, Option } from 'commander';
import { registerAggregateCommand } from './commands/aggregate/index.js';
import { registerInitCommand } from './commands/init/index.js';
import { registerNoticeCommand } from './commands/notice/index.js';
import { registerReportCommand } from './commands/report/index.js';
import { registerTemplateCommand } from './commands/template/index.js';
import { registerValidateCommand } from './commands/validate/index.js';
import { cliTexts } from './shared/cli-text.js';
import type { CommandContext } from './shared/command-context.js';
import { helpConfiguration } from './shared/help-format.js';
import { version } from './version.js';

/** Builds the `jianshen` program; each command lives in its own folder and registers itself. */
export function createProgram(context: CommandContext): Command {
  const { lang } = context;
  const say = cliTexts(lang);
  const program = new Command('jianshen')
    .description(say('programDescription'))
    .version(version, '-v, --version', say('versionOption'))
    .helpOption('-h, --help', say('helpOption'))
    .addHelpCommand(false)
    .showSuggestionAfterError(true)
    .configureOutput({
      writeOut: (text) => context.stdout(text.replace(/\n$/, '')),
      writeErr: (text) => context.stderr(text.replace(/\n$/, '')),
      // Errors are printed by run() from the CommanderError's code, in the CLI's language.
      outputError: () => {},
    })
    .configureHelp(helpConfiguration(lang))
    .exitOverride();
  const addGlobalOptions = (command: Command) =>
    command
      .option('-c, --campaign <file>', say('campaignOption'))
      .addOption(new Option('--lang <lang>', say('langOption')).choices(['zh', 'en']).default('zh'))
      .option('--debug', say('debugOption'))
      .helpOption('-h, --help', say('helpOption'))
      .exitOverride();
  for (const register of [
    registerNoticeCommand,
    registerTemplateCommand,
    registerValidateCommand,
    registerAggregateCommand,
    registerReportCommand,
    registerInitCommand,
  ]) {
    register(program, context);
  }
  for (const command of program.commands) addGlobalOptions(command);
  return program;
}

export { CommanderError };
