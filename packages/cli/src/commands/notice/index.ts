import { relative, resolve } from 'node:path';
import type { Command } from 'commander';
import { cliTexts } from '../../shared/cli-text.js';
import type { CommandContext, GlobalOptions } from '../../shared/command-context.js';
import { loadCampaignOption } from '../../shared/load-campaign-option.js';
import { writeFileAtomic } from '../../shared/write-file-atomic.js';

export function registerNoticeCommand(program: Command, context: CommandContext): void {
  const { lang } = context;
  const say = cliTexts(lang);
  program
    .command('notice')
    .description(say('noticeDescription'))
    .option('-o, --output <file>', say('noticeOutput'), 'notice.docx')
    .action(async (options: GlobalOptions & { output: string }) => {
      const campaign = await loadCampaignOption(options, context);
      const output = resolve(context.cwd, options.output);
      await writeFileAtomic(
        output,
        await (await import('@jianshen/notice')).renderNotice(campaign, { lang }),
      );
      const shown = relative(context.cwd, output) || output;
      context.stdout(say('noticeDone', { shown }));
    });
}
