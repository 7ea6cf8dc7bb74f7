import { resolve } from 'node:path';
import type { ResolvedCampaign } from '@jianshen/plugin-kit';
import { loadCampaign } from '@jianshen/plugin-kit/node';
import type { CommandContext, GlobalOptions } from './command-context.js';

/** `--campaign FILE`, or the built-in Linfen 2024 campaign when absent. */
export function loadCampaignOption(
  options: GlobalOptions,
  context: CommandContext,
): Promise<ResolvedCampaign> {
  return loadCampaign(options.campaign === undefined ? undefined : resolve(context.cwd, options.campaign), {
    lang: context.lang,
  });
}
