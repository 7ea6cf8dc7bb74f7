import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CampaignError, linfen2024Campaign, renderIssue } from '@jianshen/schema';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { loadCampaign } from './load-campaign.js';

// The worker imports the built Node entry (dist/), as an installed CLI does: `npm run build` first.
async function campaignWithPlugins(plugins: Record<string, string>): Promise<string> {
  const directory = await mkdtemp(join(tmpdir(), 'jianshen-trial-'));
  for (const [name, text] of Object.entries(plugins)) await writeFile(join(directory, name), text);
  const path = join(directory, 'campaign.yaml');
  await writeFile(
    path,
    stringify({ ...linfen2024Campaign, plugins: Object.keys(plugins).map((name) => `./${name}`) }),
  );
  return path;
}

const good = `export default { name: 'good', fields: [] };\n`;
// Synchronous loops: before the trial on a worker, loadCampaign never returned and no timer or
// signal handler could run on its thread.
const loopsAtImport = `while (true) {}\nexport default { name: 'loops-at-import' };\n`;
const factoryLoops = `export default () => { for (;;) {} };\n`;

describe('plugins that never finish loading', () => {
  it('are left out with the load-timeout issue; the others load', async () => {
    const path = await campaignWithPlugins({
      'loops-at-import.mjs': loopsAtImport,
      'good.mjs': good,
      'factory-loops.mjs': factoryLoops,
    });
    const campaign = await loadCampaign(path, { pluginFailures: 'report', pluginLoadTimeoutMs: 1500 });
    expect(campaign.plugins.map((plugin) => plugin.name)).toEqual(['good']);
    const issues = (campaign.issues ?? []).map((issue) => [
      issue.field,
      issue.code,
      renderIssue(issue, 'zh').message,
    ]);
    expect(issues).toEqual([
      ['plugins[0]', 'plugin-failed', expect.stringContaining('1.5 秒内未加载完成')],
      ['plugins[2]', 'plugin-failed', expect.stringContaining('1.5 秒内未加载完成')],
    ]);
  }, 30_000);

  it('stop a campaign that needs every plugin with a CampaignError, not a hang', async () => {
    const path = await campaignWithPlugins({ 'loops-at-import.mjs': loopsAtImport });
    await expect(loadCampaign(path, { pluginLoadTimeoutMs: 1000 })).rejects.toBeInstanceOf(CampaignError);
  }, 30_000);
});
