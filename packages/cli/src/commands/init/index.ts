import { access } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import type { Command } from 'commander';
import { UsageError } from '../../shared/cli-error.js';
import { cliTexts } from '../../shared/cli-text.js';
import type { CommandContext } from '../../shared/command-context.js';
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
  const say = cliTexts(lang);
  program
    .command('init')
    .argument('[dir]', say('initDir'), '.')
    .description(say('initDescription'))
    .option('--force', say('forceOption'))
    .action(async (dir: string, options: { force?: boolean }) => {
      const folder = resolve(context.cwd, dir);
      const target = join(folder, 'campaign.yaml');
      if (!options.force && (await exists(target))) {
        throw new UsageError(say('initExists', { target }));
      }
      const { campaignYaml } = await import('@jianshen/plugin-kit');
      await writeFileAtomic(target, campaignYaml(undefined, { schemaPath: campaignSchemaPath(folder) }));
      const shown = relative(context.cwd, target) || target;
      context.stdout(say('initDone', { shown }));
    });
}
