import { resolve } from 'node:path';
import type { ResolvedCampaign } from '@jianshen/plugin-kit';
import type { CommandContext, GlobalOptions } from './command-context.js';

/** `--campaign FILE`, or the built-in Linfen 2024 campaign when absent. */
export function loadCampaignOption(
  options: GlobalOptions,
  context: CommandContext,
): Promise<ResolvedCampaign> {
  // Loaded on use so start-up (help, version) stays fast.
  return import('@jianshen/plugin-kit/node').then(({ loadCampaign }) =>
    loadCampaign(options.campaign === undefined ? undefined : resolve(context.cwd, options.campaign)),
  );
}
