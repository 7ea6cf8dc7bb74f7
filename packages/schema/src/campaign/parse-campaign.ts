import { z } from 'zod';
import { defaultLang, type Lang } from '../i18n/lang.js';
import type { Issue } from '../issues/issue.js';
import { formatMessage } from '../issues/messages.js';
import { type Campaign, campaignSchema } from './campaign.js';

/** zod's own messages, in the user's language, for the cases our schema does not word itself. */
const localeErrors = { zh: z.locales.zhCN().localeError, en: z.locales.en().localeError };

/** A missing setting reads better as "required" than as zod's "expected string, received undefined". */
function errorMap(lang: Lang): z.core.$ZodErrorMap {
  return (issue) => {
    if (issue.code === 'invalid_type' && issue.input === undefined) {
      return lang === 'zh' ? '缺少此项（必填）' : 'is required';
    }
    return localeErrors[lang](issue);
  };
}

function fieldPath(path: readonly PropertyKey[]): string {
  return path
    .map((part) => (typeof part === 'number' ? `[${part}]` : String(part)))
    .join('.')
    .replace(/\.\[/g, '[');
}

/** Turns zod's findings into our issues, naming the campaign file and the setting. */
export function campaignIssues(error: z.ZodError, path: string, lang: Lang = defaultLang): Issue[] {
  return error.issues.map((issue) => {
    const unknownKeys = issue.code === 'unrecognized_keys' ? issue.keys : [];
    const parent = fieldPath(issue.path);
    const field =
      unknownKeys.length > 0
        ? unknownKeys.map((key) => (parent ? `${parent}.${key}` : key)).join(', ')
        : parent || '(root)';
    const params = (issue as { params?: { code?: string } }).params;
    const code = params?.code ?? 'campaign-invalid';
    const reason = issue.message;
    return {
      path,
      field,
      code,
      severity: 'error',
      message:
        code === 'campaign-invalid' ? formatMessage('campaign-invalid', { field, reason }, lang) : reason,
    } satisfies Issue;
  });
}

/** Thrown when a campaign does not validate; `issues` name the file and each setting. */
export class CampaignError extends Error {
  override readonly name = 'CampaignError';
  constructor(
    readonly issues: Issue[],
    readonly path: string,
  ) {
    super(
      issues
        .map((issue) => `${issue.path}: ${issue.field ? `${issue.field}: ` : ''}${issue.message}`)
        .join('\n'),
    );
  }
}

export type ParseCampaignResult = { ok: true; campaign: Campaign } | { ok: false; issues: Issue[] };

export interface ParseCampaignOptions {
  /** The campaign file, for messages (default `campaign`). */
  path?: string;
  lang?: Lang;
}

/** Validates a campaign object and applies defaults; never throws on bad input. */
export function safeParseCampaign(input: unknown, options: ParseCampaignOptions = {}): ParseCampaignResult {
  const lang = options.lang ?? defaultLang;
  const result = campaignSchema.safeParse(input, { error: errorMap(lang) });
  if (result.success) return { ok: true, campaign: result.data };
  return { ok: false, issues: campaignIssues(result.error, options.path ?? 'campaign', lang) };
}

/** Validates a campaign object and applies defaults; throws `CampaignError` on bad input. */
export function parseCampaign(input: unknown, options: ParseCampaignOptions = {}): Campaign {
  const result = safeParseCampaign(input, options);
  if (!result.ok) throw new CampaignError(result.issues, options.path ?? 'campaign');
  return result.campaign;
}
