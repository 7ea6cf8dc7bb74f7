import { readFile } from 'node:fs/promises';
import { extname, resolve } from 'node:path';
import { CampaignError, defaultLang, formatMessage, type Lang, linfen2024Campaign } from '@jianshen/schema';
import { createJiti } from 'jiti';
import { parseDocument } from 'yaml';
import type { Plugin } from '../plugin.js';
import { instantiatePlugin } from '../plugin-factory.js';
import { type ResolvedCampaign, resolveCampaign } from '../resolve-campaign.js';

export interface LoadCampaignOptions {
  lang?: Lang;
}

const codeExtensions = new Set(['.ts', '.mts', '.cts', '.js', '.mjs', '.cjs']);

function fileError(path: string, reason: string, lang: Lang, line?: number): CampaignError {
  const where = line === undefined ? '' : lang === 'zh' ? `第 ${line} 行：` : `line ${line}: `;
  return new CampaignError(
    [
      {
        path,
        code: 'campaign-invalid',
        severity: 'error',
        message: formatMessage('campaign-invalid', { field: '(file)', reason: `${where}${reason}` }, lang),
      },
    ],
    path,
  );
}

/** Reads a campaign file as data: YAML, JSON, or a TS/JS module whose default export is the campaign. */
export async function readCampaignFile(path: string, options: LoadCampaignOptions = {}): Promise<unknown> {
  const lang = options.lang ?? defaultLang;
  const extension = extname(path).toLowerCase();
  if (codeExtensions.has(extension)) {
    const jiti = createJiti(resolve(path), { interopDefault: true, moduleCache: false });
    try {
      return await jiti.import(resolve(path), { default: true });
    } catch (error) {
      throw fileError(path, error instanceof Error ? error.message.split('\n')[0]! : String(error), lang);
    }
  }
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw fileError(
      path,
      code === 'ENOENT' ? (lang === 'zh' ? '文件不存在' : 'no such file') : String(error),
      lang,
    );
  }
  if (extension === '.json') {
    try {
      return JSON.parse(text.replace(/^\uFEFF/, ''));
    } catch (error) {
      throw fileError(path, (error as Error).message, lang);
    }
  }
  const document = parseDocument(text.replace(/^\uFEFF/, ''), { prettyErrors: true });
  const problem = document.errors[0];
  if (problem) throw fileError(path, problem.message.split('\n')[0]!, lang, problem.linePos?.[0]?.line);
  return document.toJS();
}

/** Imports a plugin by package name or by a path relative to the campaign file. */
export async function importPlugin(specifier: string, campaignPath: string): Promise<Plugin> {
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
  const lang = options.lang ?? defaultLang;
  if (path === undefined)
    return resolveCampaign(linfen2024Campaign, { path: '(built-in: linfen-2024)', lang });
  const input = await readCampaignFile(path, options);
  return resolveCampaign(input, { path, lang, loadPlugin: (specifier) => importPlugin(specifier, path) });
}
