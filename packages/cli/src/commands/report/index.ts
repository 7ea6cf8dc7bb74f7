import { readFile } from 'node:fs/promises';
import { relative, resolve } from 'node:path';
import type { ResolvedCampaign } from '@jianshen/plugin-kit';
import type { Command } from 'commander';
import { UsageError } from '../../shared/cli-error.js';
import type { CommandContext, GlobalOptions } from '../../shared/command-context.js';
import { helpText } from '../../shared/lang.js';
import { loadCampaignOption } from '../../shared/load-campaign-option.js';
import { writeFileAtomic } from '../../shared/write-file-atomic.js';

interface ReportCommandOptions extends GlobalOptions {
  output?: string;
}

async function readReportJson(path: string, context: CommandContext): Promise<unknown> {
  const { lang } = context;
  const text = await readFile(path, 'utf8').catch(() => {
    throw new UsageError(helpText(lang, `找不到 report.json：${path}`, `no such report.json: ${path}`));
  });
  try {
    return JSON.parse(text);
  } catch {
    throw new UsageError(helpText(lang, `${path} 不是 JSON`, `${path} is not JSON`));
  }
}

/** report.json checked against the campaign; a wrong file is a usage error in the CLI's language. */
async function checkedReport(json: unknown, campaign: ResolvedCampaign, context: CommandContext) {
  const { ReportJsonError, readReportJson: check } = await import('@jianshen/report');
  const { renderMessage } = await import('@jianshen/schema');
  try {
    return check(json, campaign);
  } catch (error) {
    if (error instanceof ReportJsonError) {
      throw new UsageError(renderMessage(error.issue, context.lang));
    }
    throw error;
  }
}

export function registerReportCommand(program: Command, context: CommandContext): void {
  const { lang } = context;
  program
    .command('report')
    .description(
      helpText(
        lang,
        '由 report.json 重新生成上报省体育局的开展情况报告 .docx（含图表、考核表、汇总附件）',
        'rebuild the upward report (.docx with charts, assessment and the consolidated table) from report.json',
      ),
    )
    .argument(
      '<report-json>',
      helpText(lang, 'jianshen aggregate 写出的 report.json', 'report.json from jianshen aggregate'),
    )
    .option(
      '-o, --output <file>',
      helpText(lang, '输出文件（缺省为报告标题.docx）', 'output file (default: the report title .docx)'),
    )
    .action(async (reportPath: string, options: ReportCommandOptions) => {
      const campaign = await loadCampaignOption(options, context);
      const input = resolve(context.cwd, reportPath);
      const json = await readReportJson(input, context);
      const { reportFileName, renderReportWithCharts } = await import('@jianshen/report/node');
      const report = await checkedReport(json, campaign, context);
      const output = resolve(context.cwd, options.output ?? reportFileName(campaign, lang));
      await writeFileAtomic(output, await renderReportWithCharts({ campaign, report, lang }), [input]);
      const shown = relative(context.cwd, output) || output;
      context.stdout(lang === 'zh' ? `已生成报告：${shown}` : `Report written: ${shown}`);
    });
}
