import { isAbsolute, relative, resolve } from 'node:path';
import type { Command } from 'commander';
import { exitCodes } from '../../shared/cli-error.js';
import type { CommandContext, GlobalOptions } from '../../shared/command-context.js';
import { helpText } from '../../shared/lang.js';
import { loadCampaignOption } from '../../shared/load-campaign-option.js';
import { createProgress } from '../../shared/progress.js';
import { requireInputs } from '../../shared/require-inputs.js';
import { submittedOnOption } from '../../shared/submitted-on.js';

interface AggregateCommandOptions extends GlobalOptions {
  out: string;
  replace?: boolean;
  submittedOn?: string;
  maskPhone?: boolean;
}

export function registerAggregateCommand(program: Command, context: CommandContext): void {
  const { lang } = context;
  program
    .command('aggregate')
    .description(
      helpText(
        lang,
        '汇总各单位报送：合并工作簿、问题清单、report.json 和上报报告',
        'merge submissions into a consolidated workbook, an issues list, report.json and the upward report',
      ),
    )
    .argument('<inputs...>', helpText(lang, '报送文件或目录', 'submission files or folders'))
    .requiredOption('-o, --out <dir>', helpText(lang, '输出目录', 'output folder'))
    .option(
      '--replace',
      helpText(
        lang,
        '同一单位较新的文件替换较早的文件',
        'a newer file from the same unit replaces the older one',
      ),
    )
    .option(
      '--submitted-on <date>',
      helpText(
        lang,
        '按此日期判断是否逾期（缺省用文件修改时间）',
        'judge lateness by this date (default: file times)',
      ),
    )
    .option(
      '--mask-phone',
      helpText(lang, '在输出中隐去联系电话中间四位', 'mask contact numbers in the outputs'),
    )
    .action(async (inputs: string[], options: AggregateCommandOptions) => {
      await requireInputs(inputs, context);
      const submittedOn = await submittedOnOption(options.submittedOn, context);
      const campaign = await loadCampaignOption(options, context);
      const { streamAggregateFiles, writeAggregateOutputs } = await import('@jianshen/aggregator/node');
      const progress = createProgress(context, lang === 'zh' ? '汇总' : 'Aggregating');
      // Rows wait in a temporary file, not in memory: a whole province fits on a laptop.
      const report = await streamAggregateFiles(inputs, campaign, {
        lang,
        cwd: context.cwd,
        ...(options.replace ? { replace: true } : {}),
        ...(submittedOn ? { submittedOn } : {}),
        onProgress: (state) => progress.update(state),
      }).finally(() => progress.stop());
      const outDir = resolve(context.cwd, options.out);
      const { renderReportFromAggregate, reportFileName } = await import('@jianshen/report/node');
      const maskPhone = options.maskPhone === true;
      const written = await writeAggregateOutputs(report, campaign, outDir, {
        lang,
        ...(maskPhone ? { maskPhone } : {}),
        // The draft upward report (…开展情况的报告.docx) is written with the other outputs.
        document: {
          fileName: reportFileName(campaign, lang),
          render: () => renderReportFromAggregate({ campaign, report, lang, maskPhone }),
        },
      }).finally(() => report.dispose());
      const errors = report.issues.filter((issue) => issue.severity === 'error').length;
      const warnings = report.issues.length - errors;
      const { summary } = report;
      context.stdout(
        lang === 'zh'
          ? `汇总完成：${report.files.length} 个文件，有效 ${summary.rowsAccepted} 行，退回 ${summary.rowsRejected} 行，${errors} 个错误，${warnings} 个警告`
          : `Aggregated ${report.files.length} files: ${summary.rowsAccepted} rows accepted, ${summary.rowsRejected} rejected, ${errors} errors, ${warnings} warnings`,
      );
      for (const file of written) {
        const shown = relative(context.cwd, file);
        context.stdout(`  ${shown === '' || shown.startsWith('..') || isAbsolute(shown) ? file : shown}`);
      }
      context.exitCode = errors > 0 ? exitCodes.dataErrors : exitCodes.ok;
    });
}
