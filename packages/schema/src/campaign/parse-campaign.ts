import { defaultLang } from '../i18n/lang.js';
import type { Issue } from '../issues/issue.js';
import { renderMessage } from '../issues/render-issue.js';
import { type Campaign, campaignSchema } from './campaign.js';
import { campaignIssues } from './campaign-issues.js';

/**
 * Thrown when a campaign does not validate; `issues` name the file and each setting. The error's
 * own message is in Chinese (the default); the CLI and the page render `issues` in the user's.
 */
export class CampaignError extends Error {
  override readonly name = 'CampaignError';
  constructor(
    readonly issues: Issue[],
    readonly path: string,
  ) {
    super(
      issues
        .map(
          (issue) =>
            `${issue.path}: ${issue.field ? `${issue.field}: ` : ''}${renderMessage(issue, defaultLang)}`,
        )
        .join('\n'),
    );
  }
}

export type ParseCampaignResult = { ok: true; campaign: Campaign } | { ok: false; issues: Issue[] };

export interface ParseCampaignOptions {
  /** The campaign file, for messages (default `campaign`). */
  path?: string;
}

/** Validates a campaign object and applies defaults; never throws on bad input. */
export function safeParseCampaign(input: unknown, options: ParseCampaignOptions = {}): ParseCampaignResult {
  // reportInput: the catalogue's messages quote the value (a wrong date) and tell a missing
  // setting (input undefined) from a wrong one.
  const result = campaignSchema.safeParse(input, { reportInput: true });
  if (result.success) return { ok: true, campaign: result.data };
  return { ok: false, issues: campaignIssues(result.error, options.path ?? 'campaign') };
}

/** Validates a campaign object and applies defaults; throws `CampaignError` on bad input. */
export function parseCampaign(input: unknown, options: ParseCampaignOptions = {}): Campaign {
  const result = safeParseCampaign(input, options);
  if (!result.ok) throw new CampaignError(result.issues, options.path ?? 'campaign');
  return result.campaign;
}

export { campaignIssues };
