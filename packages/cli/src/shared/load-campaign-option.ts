import { resolve } from 'node:path';
import type { ResolvedCampaign } from '@jianshen/plugin-kit';
import type { LoadCampaignOptions } from '@jianshen/plugin-kit/node';
import type { CommandContext, GlobalOptions } from './command-context.js';

/**
 * `--campaign FILE`, or the built-in Linfen 2024 campaign when absent. `validate` and `aggregate`
 * pass `pluginFailures: 'report'`: a plugin that fails to load is left out and becomes an issue
 * of the run, so the clerk's rows are still checked and delivered; `notice`, `template` and
 * `report` keep the default and stop, since a document without a plugin's columns would be wrong.
 */
export function loadCampaignOption(
  options: GlobalOptions,
  context: CommandContext,
  load: LoadCampaignOptions = {},
): Promise<ResolvedCampaign> {
  // Loaded on use so start-up (help, version) stays fast.
  return import('@jianshen/plugin-kit/node').then(({ loadCampaign }) =>
    loadCampaign(options.campaign === undefined ? undefined : resolve(context.cwd, options.campaign), load),
  );
}
