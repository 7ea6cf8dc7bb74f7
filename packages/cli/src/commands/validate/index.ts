import type { Command } from 'commander';
import { exitCodes } from '../../shared/cli-error.js';
import { cliTexts } from '../../shared/cli-text.js';
import type { CommandContext, GlobalOptions } from '../../shared/command-context.js';
import { loadCampaignOption } from '../../shared/load-campaign-option.js';
import { formatIssueLine } from '../../shared/print-issues.js';
import { createProgress } from '../../shared/progress.js';
import { requireInputs } from '../../shared/require-inputs.js';
import { ruleBudgetOption } from '../../shared/rule-budget.js';
import { submittedOnOption } from '../../shared/submitted-on.js';

export function registerValidateCommand(program: Command, context: CommandContext): void {
  const { lang } = context;
  const say = cliTexts(lang);
  program
    .command('validate')
    .description(say('validateDescription'))
    .argument('<files...>', say('validateInputs'))
    .option('--submitted-on <date>', say('submittedOnOption'))
    .option('--rule-budget <ms>', say('ruleBudgetOption'))
    .action(
      async (files: string[], options: GlobalOptions & { submittedOn?: string; ruleBudget?: string }) => {
        await requireInputs(files, context);
        const submittedOn = await submittedOnOption(options.submittedOn, context);
        const ruleBudgetMs = ruleBudgetOption(options.ruleBudget, context);
        const campaign = await loadCampaignOption(options, context, { pluginFailures: 'report' });
        const { streamAggregateFiles, takeOverProcess } = await import('@jianshen/aggregator/node');
        if (context.ownsProcess) takeOverProcess();
        const progress = await createProgress(context, say('checking'));
        const report = await streamAggregateFiles(files, campaign, {
          lang,
          cwd: context.cwd,
          // Only the issues and counts are shown: no row is kept to be read back.
          keepRows: false,
          ...(submittedOn ? { submittedOn } : {}),
          ...(ruleBudgetMs !== undefined ? { ruleBudgetMs } : {}),
          onProgress: (state) => progress.update(state),
        }).finally(() => progress.stop());
        await report.dispose();
        // Checking files is about the files: who else has not submitted belongs to `aggregate`.
        const issues = report.issues.filter((issue) => issue.code !== 'unit-not-submitted');
        for (const issue of issues) context.stdout(formatIssueLine(issue, lang));
        const errors = issues.filter((issue) => issue.severity === 'error').length;
        const warnings = issues.length - errors;
        context.stdout(
          say('validateDone', {
            files: report.files.length,
            read: report.summary.rowsRead,
            accepted: report.summary.rowsAccepted,
            errors,
            warnings,
          }),
        );
        context.exitCode = errors > 0 ? exitCodes.dataErrors : exitCodes.ok;
      },
    );
}
