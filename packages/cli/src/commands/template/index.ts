import { extname, relative, resolve } from 'node:path';
import { type Command, InvalidArgumentError } from 'commander';
import { UsageError } from '../../shared/cli-error.js';
import { cliTexts } from '../../shared/cli-text.js';
import type { CommandContext, GlobalOptions } from '../../shared/command-context.js';
import { loadCampaignOption } from '../../shared/load-campaign-option.js';
import { writeFileAtomic } from '../../shared/write-file-atomic.js';

function positiveInteger(value: string): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1 || number > 1000) throw new InvalidArgumentError('1–1000');
  return number;
}

export function registerTemplateCommand(program: Command, context: CommandContext): void {
  const { lang } = context;
  const say = cliTexts(lang);
  program
    .command('template')
    .description(say('templateDescription'))
    .option('-o, --output <file>', say('templateOutput'), 'template.xlsx')
    .option('--rows <n>', say('rowsOption'), positiveInteger)
    .action(async (options: GlobalOptions & { output: string; rows?: number }) => {
      const output = resolve(context.cwd, options.output);
      const format = extname(output).toLowerCase();
      if (format !== '.xlsx' && format !== '.docx') {
        throw new UsageError(say('templateBadOutput', { output: options.output }));
      }
      const campaign = await loadCampaignOption(options, context);
      // --lang also switches the template's labels, prompts and instructions.
      const renderOptions = { lang, ...(options.rows === undefined ? {} : { rows: options.rows }) };
      // Loaded on use, one format's entry only: `jianshen --version` pays for neither exceljs nor
      // docx, and a .docx template does not load exceljs.
      const data =
        format === '.xlsx'
          ? await (await import('@jianshen/template/xlsx')).renderTemplateXlsx(campaign, renderOptions)
          : await (await import('@jianshen/template/docx')).renderTemplateDocx(campaign, renderOptions);
      await writeFileAtomic(output, data);
      const shown = relative(context.cwd, output) || output;
      context.stdout(say('templateDone', { shown }));
    });
}
