import { isAbsolute, relative, resolve } from 'node:path';
import type { StreamedReport } from '@jianshen/aggregator';
import type { ResolvedCampaign } from '@jianshen/plugin-kit';
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

interface AggregateCommandOptions extends GlobalOptions {
  out: string;
  replace?: boolean;
  submittedOn?: string;
  maskPhone?: boolean;
  ruleBudget?: string;
}

export function registerAggregateCommand(program: Command, context: CommandContext): void {
  const { lang } = context;
  const say = cliTexts(lang);
  program
    .command('aggregate')
    .description(say('aggregateDescription'))
    .argument('<inputs...>', say('aggregateInputs'))
    .requiredOption('-o, --out <dir>', say('aggregateOut'))
    .option('--replace', say('replaceOption'))
    .option('--submitted-on <date>', say('submittedOnOption'))
    .option('--mask-phone', say('maskPhoneOption'))
    .option('--rule-budget <ms>', say('ruleBudgetOption'))
    .action(async (inputs: string[], options: AggregateCommandOptions) => {
      await requireInputs(inputs, context);
      const submittedOn = await submittedOnOption(options.submittedOn, context);
      const ruleBudgetMs = ruleBudgetOption(options.ruleBudget, context);
      const campaign = await loadCampaignOption(options, context, { pluginFailures: 'report' });
      await sayLeftOutPlugins(campaign, context);
      const aggregator = await import('@jianshen/aggregator/node');
      if (context.ownsProcess) aggregator.takeOverProcess();
      // The output folder is locked before anything is read: a second run into it refuses at once
      // (after a short wait) instead of reading for minutes and then overwriting this run's set.
      const outDir = resolve(context.cwd, options.out);
      const lock = await aggregator.lockOutputFolder(outDir, { lang });
      try {
        const progress = await createProgress(context, say('aggregating'));
        const maskPhone = options.maskPhone === true;
        // Rows wait in a temporary file, not in memory: a whole province fits on a laptop. The
        // consolidated workbook's rows are written as they are read, for the outputs below.
        const report = await aggregator
          .streamAggregateFiles(inputs, campaign, {
            lang,
            cwd: context.cwd,
            workbookRows: { maskPhone },
            ...(options.replace ? { replace: true } : {}),
            ...(submittedOn ? { submittedOn } : {}),
            ...(ruleBudgetMs !== undefined ? { ruleBudgetMs } : {}),
            onProgress: (state) => progress.update(state),
          })
          .finally(() => progress.stop());
        const { renderReportFromAggregate, reportFileName } = await import('@jianshen/report/node');
        const written = await aggregator
          .writeAggregateOutputs(report, campaign, outDir, {
            lang,
            lock,
            ...(maskPhone ? { maskPhone } : {}),
            // The draft upward report (…开展情况的报告.docx) is written with the other outputs.
            document: {
              fileName: reportFileName(campaign, lang),
              render: () => renderReportFromAggregate({ campaign, report, lang, maskPhone }),
            },
          })
          .finally(() => report.dispose());
        printOutcome(report, written, context);
      } finally {
        lock.release();
      }
    });
}

/** A plugin left out (it failed to load) is said at once: the run goes on without its columns. */
async function sayLeftOutPlugins(campaign: ResolvedCampaign, context: CommandContext): Promise<void> {
  if (!campaign.issues?.length) return;
  const { renderIssue } = await import('@jianshen/schema');
  const say = cliTexts(context.lang);
  for (const issue of campaign.issues) {
    context.stderr(
      `${formatIssueLine(renderIssue(issue, context.lang), context.lang)} ${say('pluginLeftOut')}`,
    );
  }
}

function printOutcome(report: StreamedReport, written: readonly string[], context: CommandContext): void {
  const say = cliTexts(context.lang);
  const errors = report.issues.filter((issue) => issue.severity === 'error').length;
  const warnings = report.issues.length - errors;
  const { summary } = report;
  // Every file is counted: data, stamped copies (盖章件) and the ones set aside.
  context.stdout(
    say('aggregateDone', {
      files: report.files.length,
      data: report.files.length - summary.filesStamp - summary.filesIgnored,
      stamps: summary.filesStamp,
      ignored: summary.filesIgnored,
      accepted: summary.rowsAccepted,
      rejected: summary.rowsRejected,
      errors,
      warnings,
    }),
  );
  for (const file of written) {
    const shown = relative(context.cwd, file);
    context.stdout(`  ${shown === '' || shown.startsWith('..') || isAbsolute(shown) ? file : shown}`);
  }
  context.exitCode = errors > 0 ? exitCodes.dataErrors : exitCodes.ok;
}
