import { access } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import type { Command } from 'commander';
import { UsageError } from '../../shared/cli-error.js';
import type { CommandContext } from '../../shared/command-context.js';
import { helpText } from '../../shared/lang.js';
import { writeFileAtomic } from '../../shared/write-file-atomic.js';
import { campaignSchemaPath } from './schema-path.js';

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}

export function registerInitCommand(program: Command, context: CommandContext): void {
  const { lang } = context;
  program
    .command('init')
    .argument('[dir]', helpText(lang, '目标目录', 'target directory'), '.')
    .description(
      helpText(
        lang,
        '为新的城市或活动生成 campaign.yaml（以临汾 2024 为范本）',
        'write a starter campaign.yaml for a new city (from the Linfen 2024 example)',
      ),
    )
    .option('--force', helpText(lang, '覆盖已有的 campaign.yaml', 'overwrite an existing campaign.yaml'))
    .action(async (dir: string, options: { force?: boolean }) => {
      const folder = resolve(context.cwd, dir);
      const target = join(folder, 'campaign.yaml');
      if (!options.force && (await exists(target))) {
        throw new UsageError(
          lang === 'zh'
            ? `${target} 已存在；如需覆盖请加 --force`
            : `${target} already exists; add --force to overwrite it`,
        );
      }
      const { campaignYaml } = await import('@jianshen/plugin-kit');
      await writeFileAtomic(target, campaignYaml(undefined, { schemaPath: campaignSchemaPath(folder) }));
      const shown = relative(context.cwd, target) || target;
      context.stdout(
        lang === 'zh'
          ? `已生成 ${shown}。请修改其中的发文机关、文号、正文和日期，然后运行 jianshen notice --campaign ${shown}`
          : `Wrote ${shown}. Edit the issuer, number, body and dates, then run jianshen notice --campaign ${shown}`,
      );
    });
}
