import { Command, CommanderError, Option } from 'commander';
import { registerAggregateCommand } from './commands/aggregate/index.js';
import { registerInitCommand } from './commands/init/index.js';
import { registerNoticeCommand } from './commands/notice/index.js';
import { registerReportCommand } from './commands/report/index.js';
import { registerTemplateCommand } from './commands/template/index.js';
import { registerValidateCommand } from './commands/validate/index.js';
import type { CommandContext } from './shared/command-context.js';
import { helpConfiguration } from './shared/help-format.js';
import { helpText } from './shared/lang.js';
import { version } from './version.js';

/** Builds the `jianshen` program; each command lives in its own folder and registers itself. */
export function createProgram(context: CommandContext): Command {
  const { lang } = context;
  const program = new Command('jianshen')
    .description(
      helpText(
        lang,
        '健身 Jianshen Kit：生成通知与统计表模板，校验并汇总各单位报送',
        'Jianshen Kit: generate the notice and the table template, validate and aggregate submissions',
      ),
    )
    .version(version, '-v, --version', helpText(lang, '显示版本号', 'print the version'))
    .helpOption('-h, --help', helpText(lang, '显示帮助', 'show help'))
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
      .option(
        '-c, --campaign <file>',
        helpText(
          lang,
          '活动配置文件（YAML/JSON/TS），缺省为内置的临汾 2024 活动',
          'campaign file (YAML, JSON or TS); default: the built-in Linfen 2024 campaign',
        ),
      )
      .addOption(
        new Option('--lang <lang>', helpText(lang, '消息语言', 'message language'))
          .choices(['zh', 'en'])
          .default('zh'),
      )
      .option('--debug', helpText(lang, '出错时显示调用栈', 'print stack traces on errors'))
      .helpOption('-h, --help', helpText(lang, '显示帮助', 'show help'))
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
