import { extname, relative, resolve } from 'node:path';
import { type Command, InvalidArgumentError } from 'commander';
import { UsageError } from '../../shared/cli-error.js';
import type { CommandContext, GlobalOptions } from '../../shared/command-context.js';
import { helpText } from '../../shared/lang.js';
import { loadCampaignOption } from '../../shared/load-campaign-option.js';
import { writeFileAtomic } from '../../shared/write-file-atomic.js';

function positiveInteger(value: string): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1 || number > 1000) throw new InvalidArgumentError('1–1000');
  return number;
}

export function registerTemplateCommand(program: Command, context: CommandContext): void {
  const { lang } = context;
  program
    .command('template')
    .description(
      helpText(
        lang,
        '生成统计表模板：.xlsx（带数据验证）或 .docx',
        'write the table template: .xlsx with validation, or .docx',
      ),
    )
    .option(
      '-o, --output <file>',
      helpText(lang, '输出文件（.xlsx 或 .docx）', 'output file (.xlsx or .docx)'),
      'template.xlsx',
    )
    .option(
      '--rows <n>',
      helpText(lang, '空白填报行数（默认取活动配置）', 'number of input rows (default: from the campaign)'),
      positiveInteger,
    )
    .action(async (options: GlobalOptions & { output: string; rows?: number }) => {
      const output = resolve(context.cwd, options.output);
      const format = extname(output).toLowerCase();
      if (format !== '.xlsx' && format !== '.docx') {
        throw new UsageError(
          lang === 'zh'
            ? `输出文件须以 .xlsx 或 .docx 结尾：${options.output}`
            : `the output must end in .xlsx or .docx: ${options.output}`,
        );
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
      context.stdout(lang === 'zh' ? `已生成模板：${shown}` : `Template written: ${shown}`);
    });
}
