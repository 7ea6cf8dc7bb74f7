import activityCategory from '@jianshen/plugin-activity-category';
import groupsServed from '@jianshen/plugin-groups-served';
import { instantiatePlugin, type Plugin } from '@jianshen/plugin-kit';
import participation from '@jianshen/plugin-participation';
import type { Lang } from '@jianshen/schema';

/**
 * The plugins a page can run: the first-party ones, bundled. A browser cannot import a file
 * from the clerk's disk next to the campaign (file:// pages have no module loader for it), so
 * a campaign naming a local .mjs/.js/.ts plugin resolves in the CLI only.
 */
export interface FirstPartyPlugin {
  /** The name a campaign file writes under `plugins:` (the package name). */
  specifier: string;
  label: Readonly<Record<Lang, string>>;
}

const bundled: Readonly<Record<string, unknown>> = {
  '@jianshen/plugin-activity-category': activityCategory,
  '@jianshen/plugin-groups-served': groupsServed,
  '@jianshen/plugin-participation': participation,
};

export const firstPartyPlugins: readonly FirstPartyPlugin[] = [
  {
    specifier: '@jianshen/plugin-activity-category',
    label: { zh: '志愿服务类别与“六进”场所', en: 'Service category and outreach venue' },
  },
  {
    specifier: '@jianshen/plugin-participation',
    label: { zh: '参与人数、志愿者人数与服务时长', en: 'Participants, volunteers and service hours' },
  },
  {
    specifier: '@jianshen/plugin-groups-served',
    label: { zh: '服务对象（老年人、残疾人、青少年……）', en: 'Groups served (elderly, disabled, youth…)' },
  },
];

/** A specifier that names a file rather than a package: `./x.mjs`, `../y.ts`, `/abs/z.js`, `C:\…`. */
export function isFilePluginSpecifier(specifier: string): boolean {
  return (
    /^\.{1,2}[\\/]/.test(specifier) ||
    /^[\\/]/.test(specifier) ||
    /^[a-z]:[\\/]/i.test(specifier) ||
    /^file:/i.test(specifier) ||
    /\.(?:[cm]?js|[cm]?ts)$/i.test(specifier)
  );
}

/** Says, in both languages (the message travels inside a plugin-not-found issue), why a plugin cannot load here. */
export class BrowserPluginError extends Error {
  override readonly name = 'BrowserPluginError';
  /** Node's code for a module that is not there: `resolveCampaign` then says plugin-not-found, not plugin-failed. */
  readonly code = 'ERR_MODULE_NOT_FOUND';
  constructor(
    readonly specifier: string,
    readonly reason: 'file-plugin' | 'unknown-package',
  ) {
    super(
      reason === 'file-plugin'
        ? `插件文件只能在命令行（jianshen CLI）中运行，网页中不可用 (file plugins run in the CLI only)：${specifier}`
        : `网页只内置第一方插件 ${Object.keys(bundled).join('、')}，没有 ${specifier} (the page bundles only the first-party plugins)`,
    );
  }
}

/**
 * `resolveCampaign`'s `loadPlugin` for the page and its workers: first-party package names give
 * the bundled plugin (a factory export is called with the kit, as the Node loader does).
 */
export async function loadBrowserPlugin(specifier: string): Promise<Plugin> {
  if (isFilePluginSpecifier(specifier)) throw new BrowserPluginError(specifier, 'file-plugin');
  const exported = bundled[specifier];
  if (exported === undefined) throw new BrowserPluginError(specifier, 'unknown-package');
  return (await instantiatePlugin(exported)) as Plugin;
}

/** A campaign as the page can run it, and the plugin names it had to leave out. */
export interface PageCampaign<T> {
  campaign: T;
  /** Local plugin files and packages the page does not bundle, in the campaign's order. */
  leftOut: string[];
}

/**
 * Leaves out the plugins the page cannot load, so the notice, templates and aggregation still
 * work (without those plugins' columns); the page says so beside the plugin list.
 */
export function runnableInPage<T extends { plugins?: readonly unknown[] | undefined }>(
  input: T,
): PageCampaign<T> {
  const plugins = input.plugins ?? [];
  const leftOut = plugins.filter(
    (plugin): plugin is string => typeof plugin === 'string' && !(plugin in bundled),
  );
  if (leftOut.length === 0) return { campaign: input, leftOut };
  return {
    campaign: { ...input, plugins: plugins.filter((plugin) => !leftOut.includes(plugin as string)) },
    leftOut,
  };
}
