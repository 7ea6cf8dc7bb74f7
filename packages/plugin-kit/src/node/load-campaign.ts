import { readFile } from 'node:fs/promises';
import { extname, resolve } from 'node:path';
import { errorReason, linfen2024Campaign } from '@jianshen/schema';
import { campaignFileError, parseCampaignText } from '../campaign-text.js';
import type { Plugin } from '../plugin.js';
import { instantiatePlugin } from '../plugin-factory.js';
import {
  defaultLoadTimeoutMs,
  type ResolveCampaignOptions,
  type ResolvedCampaign,
  resolveCampaign,
} from '../resolve-campaign.js';
import { pluginsThatHang } from './trial-load.js';

export interface LoadCampaignOptions {
  /** See `ResolveCampaignOptions.pluginFailures`: `report` leaves a failing plugin out with an issue. */
  pluginFailures?: ResolveCampaignOptions['pluginFailures'];
  /** See `ResolveCampaignOptions.skipPlugins`. */
  skipPlugins?: readonly number[];
  /** See `ResolveCampaignOptions.pluginLoadTimeoutMs` (default 30 s). */
  pluginLoadTimeoutMs?: number;
  /**
   * Try the plugins on a worker thread first (default true), so one whose module or factory
   * loops forever fails with the load timeout's reason (an issue, or `CampaignError` under
   * `pluginFailures: 'throw'`) instead of hanging this thread. Costs a worker start (~0.1 s).
   */
  trialLoad?: boolean;
}

/**
 * jiti (TS/JS campaign files and plugins) is loaded on first use: importing it cost 80–200 ms of
 * every `aggregate`/`validate` run, most of which use the built-in campaign or a YAML file.
 */
function loadJiti(): Promise<typeof import('jiti')> {
  return import('jiti');
}

const codeExtensions = new Set(['.ts', '.mts', '.cts', '.js', '.mjs', '.cjs']);

/** Reads a campaign file as data: YAML, JSON, or a TS/JS module whose default export is the campaign. */
export async function readCampaignFile(path: string): Promise<unknown> {
  const extension = extname(path).toLowerCase();
  if (codeExtensions.has(extension)) {
    const { createJiti } = await loadJiti();
    const jiti = createJiti(resolve(path), { interopDefault: true, moduleCache: false });
    try {
      return await jiti.import(resolve(path), { default: true });
    } catch (error) {
      throw campaignFileError(path, 'campaign-file-unreadable', { reason: errorReason(error) });
    }
  }
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw code === 'ENOENT'
      ? campaignFileError(path, 'campaign-file-missing', {})
      : campaignFileError(path, 'campaign-file-unreadable', { reason: String(error) });
  }
  return parseCampaignText(text, { path });
}

/** Imports a plugin by package name or by a path relative to the campaign file. */
export async function importPlugin(specifier: string, campaignPath: string): Promise<Plugin> {
  const { createJiti } = await loadJiti();
  const jiti = createJiti(resolve(campaignPath), { interopDefault: true });
  const loaded = (await jiti.import(specifier, { default: true })) as unknown;
  // A plugin module may export the plugin or a factory that returns one (given zod and the kit).
  return (await instantiatePlugin(loaded)) as Plugin;
}

/**
 * Reads a campaign file, loads the plugins it names (relative to the file) and resolves it.
 * Without a path, the built-in Linfen 2024 campaign.
 */
export async function loadCampaign(
  path?: string,
  options: LoadCampaignOptions = {},
): Promise<ResolvedCampaign> {
  if (path === undefined) return resolveCampaign(linfen2024Campaign, { path: '(built-in: linfen-2024)' });
  const input = await readCampaignFile(path);
  const timeoutMs = options.pluginLoadTimeoutMs ?? defaultLoadTimeoutMs;
  const hung =
    options.trialLoad !== false
      ? await pluginsThatHang({
          specifiers: pluginSpecifiers(input, options.skipPlugins),
          campaignPath: path,
          timeoutMs,
        })
      : undefined;
  return resolveCampaign(input, {
    path,
    loadPlugin: (specifier) => importPlugin(specifier, path),
    ...(hung && hung.size > 0 ? { hungPlugins: hung } : {}),
    ...(options.pluginFailures ? { pluginFailures: options.pluginFailures } : {}),
    ...(options.skipPlugins ? { skipPlugins: options.skipPlugins } : {}),
    pluginLoadTimeoutMs: timeoutMs,
  });
}

/** The plugins a campaign file names to be loaded (package names or paths), but those skipped. */
function pluginSpecifiers(input: unknown, skip: readonly number[] = []): string[] {
  const plugins = (input as { plugins?: unknown } | null)?.plugins;
  if (!Array.isArray(plugins)) return [];
  return plugins.filter(
    (reference, index): reference is string => typeof reference === 'string' && !skip.includes(index),
  );
}
