import type { Command } from 'commander';
import { exitCodes } from '../../shared/cli-error.js';
import type { CommandContext, GlobalOptions } from '../../shared/command-context.js';
import { helpText } from '../../shared/lang.js';
import { loadCampaignOption } from '../../shared/load-campaign-option.js';
import { formatIssueLine } from '../../shared/print-issues.js';
import { createProgress } from '../../shared/progress.js';
import { requireInputs } from '../../shared/require-inputs.js';
import { submittedOnOption } from '../../shared/submitted-on.js';

export function registerValidateCommand(program: Command, context: CommandContext): void {
  const { lang } = context;
  program
    .command('validate')
    .description(
      helpText(
        lang,
        '校验报送文件并列出问题（不写输出）',
        'check submissions and list the issues (writes nothing)',
      ),
    )
    .argument(
      '<files...>',
      helpText(lang, '报送文件或目录（.xlsx .csv .docx）', 'submission files or folders (.xlsx .csv .docx)'),
    )
    .option(
      '--submitted-on <date>',
      helpText(
        lang,
        '按此日期判断是否逾期（缺省用文件修改时间）',
        'judge lateness by this date (default: file times)',
      ),
    )
    .action(async (files: string[], options: GlobalOptions & { submittedOn?: string }) => {
      await requireInputs(files, context);
      const submittedOn = await submittedOnOption(options.submittedOn, context);
      const campaign = await loadCampaignOption(options, context);
      const { streamAggregateFiles, takeOverProcess } = await import('@jianshen/aggregator/node');
      if (context.ownsProcess) takeOverProcess();
      const progress = createProgress(context, lang === 'zh' ? '校验' : 'Checking');
      const report = await streamAggregateFiles(files, campaign, {
        lang,
        cwd: context.cwd,
        ...(submittedOn ? { submittedOn } : {}),
        onProgress: (state) => progress.update(state),
      }).finally(() => progress.stop());
      // Only the issues and counts are shown: the rows are not needed.
      await report.dispose();
      // Checking files is about the files: who else has not submitted belongs to `aggregate`.
      const issues = report.issues.filter((issue) => issue.code !== 'unit-not-submitted');
      for (const issue of issues) context.stdout(formatIssueLine(issue, lang));
      const errors = issues.filter((issue) => issue.severity === 'error').length;
      const warnings = issues.length - errors;
      context.stdout(
        lang === 'zh'
          ? `${report.files.length} 个文件，读取 ${report.summary.rowsRead} 行，有效 ${report.summary.rowsAccepted} 行；${errors} 个错误，${warnings} 个警告`
          : `${report.files.length} files, ${report.summary.rowsRead} rows read, ${report.summary.rowsAccepted} accepted; ${errors} errors, ${warnings} warnings`,
      );
      context.exitCode = errors > 0 ? exitCodes.dataErrors : exitCodes.ok;
    });
}
