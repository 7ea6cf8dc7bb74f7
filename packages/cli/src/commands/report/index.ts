import { readFile } from 'node:fs/promises';
import { relative, resolve } from 'node:path';
import type { ResolvedCampaign } from '@jianshen/plugin-kit';
import type { Command } from 'commander';
import { UsageError } from '../../shared/cli-error.js';
import { cliTexts } from '../../shared/cli-text.js';
import type { CommandContext, GlobalOptions } from '../../shared/command-context.js';
import { loadCampaignOption } from '../../shared/load-campaign-option.js';
import { writeFileAtomic } from '../../shared/write-file-atomic.js';

interface ReportCommandOptions extends GlobalOptions {
  output?: string;
}

async function readReportJson(path: string, context: CommandContext): Promise<unknown> {
  const say = cliTexts(context.lang);
  const text = await readFile(path, 'utf8').catch(() => {
    throw new UsageError(say('reportJsonMissing', { path }));
  });
  try {
    return JSON.parse(text);
  } catch {
    throw new UsageError(say('reportJsonNotJson', { path }));
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
  const say = cliTexts(lang);
  program
    .command('report')
    .description(say('reportDescription'))
    .argument('<report-json>', say('reportJsonArgument'))
    .option('-o, --output <file>', say('reportOutput'))
    .action(async (reportPath: string, options: ReportCommandOptions) => {
      const campaign = await loadCampaignOption(options, context);
      const input = resolve(context.cwd, reportPath);
      const json = await readReportJson(input, context);
      const { reportFileName, renderReportWithCharts } = await import('@jianshen/report/node');
      const report = await checkedReport(json, campaign, context);
      const output = resolve(context.cwd, options.output ?? reportFileName(campaign, lang));
      await writeFileAtomic(output, await renderReportWithCharts({ campaign, report, lang }), [input]);
      const shown = relative(context.cwd, output) || output;
      context.stdout(say('reportDone', { shown }));
    });
}
