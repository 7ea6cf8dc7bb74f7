import { resolveCampaign } from '@jianshen/plugin-kit';
import { CampaignError, linfen2024Campaign, renderMessage } from '@jianshen/schema';
import { describe, expect, it } from 'vitest';
import {
  BrowserPluginError,
  firstPartyPlugins,
  isFilePluginSpecifier,
  loadBrowserPlugin,
  runnableInPage,
} from './first-party-plugins.js';

describe('loadBrowserPlugin', () => {
  it.each(firstPartyPlugins.map((plugin) => plugin.specifier))(
    'loads %s under its own name',
    async (name) => {
      const plugin = await loadBrowserPlugin(name);
      expect(plugin.name).toBe(name);
      expect(plugin.fields?.length).toBeGreaterThan(0);
    },
  );

  it('rejects a local plugin file, saying file plugins run in the CLI only', async () => {
    await expect(loadBrowserPlugin('./fitness-test.mjs')).rejects.toThrow(BrowserPluginError);
    await expect(loadBrowserPlugin('./fitness-test.mjs')).rejects.toThrow(/CLI only/);
    await expect(loadBrowserPlugin('./fitness-test.mjs')).rejects.toThrow(/命令行/);
  });

  it('rejects a package it does not bundle', async () => {
    await expect(loadBrowserPlugin('jianshen-plugin-unknown')).rejects.toThrow(/first-party/);
  });

  it('tells files from packages', () => {
    for (const file of ['./a.mjs', '../p/b.js', '/x/c.ts', 'C:\\p\\d.mjs', 'file:///e.mjs', 'plugin.mjs'])
      expect(isFilePluginSpecifier(file), file).toBe(true);
    for (const name of ['@jianshen/plugin-participation', 'jianshen-plugin-x'])
      expect(isFilePluginSpecifier(name), name).toBe(false);
  });

  it('resolves a campaign naming all three, adding their columns', async () => {
    const resolved = await resolveCampaign(
      { ...linfen2024Campaign, plugins: firstPartyPlugins.map((plugin) => plugin.specifier) },
      { loadPlugin: loadBrowserPlugin },
    );
    expect(resolved.plugins.map((plugin) => plugin.name).sort()).toEqual(
      firstPartyPlugins.map((plugin) => plugin.specifier).sort(),
    );
    expect(resolved.fields.map((field) => field.key)).toContain('volunteerCategory');
  });

  it('turns a file plugin into a plugin-not-found issue that names the CLI', async () => {
    const error = await resolveCampaign(
      { ...linfen2024Campaign, plugins: ['./fitness-test.mjs'] },
      { loadPlugin: loadBrowserPlugin },
    ).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(CampaignError);
    const issue = (error as CampaignError).issues[0]!;
    expect(issue.code).toBe('plugin-not-found');
    expect(issue.field).toBe('plugins[0]');
    expect(renderMessage(issue, 'zh')).toMatch(/CLI only/);
  });

  it('turns a package the page does not bundle into plugin-not-found naming it', async () => {
    const error = await resolveCampaign(
      { ...linfen2024Campaign, plugins: ['jianshen-plugin-x'] },
      { loadPlugin: loadBrowserPlugin },
    ).catch((caught: unknown) => caught);
    const issue = (error as CampaignError).issues[0]!;
    expect(issue.code).toBe('plugin-not-found');
    expect(renderMessage(issue, 'zh')).toMatch(/没有 jianshen-plugin-x/);
  });
});

describe('runnableInPage', () => {
  it('leaves out file plugins and unbundled packages, keeping first-party ones', async () => {
    const input = {
      ...linfen2024Campaign,
      plugins: ['@jianshen/plugin-participation', './fitness-test.mjs', 'jianshen-plugin-x'],
    };
    const { campaign, leftOut } = runnableInPage(input);
    expect(leftOut).toEqual(['./fitness-test.mjs', 'jianshen-plugin-x']);
    expect(campaign.plugins).toEqual(['@jianshen/plugin-participation']);
    const resolved = await resolveCampaign(campaign, { loadPlugin: loadBrowserPlugin });
    expect(resolved.plugins.map((plugin) => plugin.name)).toEqual(['@jianshen/plugin-participation']);
  });

  it('returns the same object when every plugin runs here', () => {
    expect(runnableInPage(linfen2024Campaign).campaign).toBe(linfen2024Campaign);
  });
});
