import { relative, resolve } from 'node:path';
import type { Command } from 'commander';
import type { CommandContext, GlobalOptions } from '../../shared/command-context.js';
import { helpText } from '../../shared/lang.js';
import { loadCampaignOption } from '../../shared/load-campaign-option.js';
import { writeFileAtomic } from '../../shared/write-file-atomic.js';

export function registerNoticeCommand(program: Command, context: CommandContext): void {
  const { lang } = context;
  program
    .command('notice')
    .description(
      helpText(
        lang,
        '生成符合 GB/T 9704-2012 的通知 .docx（含附件统计表）',
        'write the notice as .docx laid out to GB/T 9704-2012, with its attachment',
      ),
    )
    .option('-o, --output <file>', helpText(lang, '输出文件', 'output file'), 'notice.docx')
    .action(async (options: GlobalOptions & { output: string }) => {
      const campaign = await loadCampaignOption(options, context);
      const output = resolve(context.cwd, options.output);
      await writeFileAtomic(
        output,
        await (await import('@jianshen/notice')).renderNotice(campaign, { lang }),
      );
      const shown = relative(context.cwd, output) || output;
      context.stdout(lang === 'zh' ? `已生成通知：${shown}` : `Notice written: ${shown}`);
    });
}
