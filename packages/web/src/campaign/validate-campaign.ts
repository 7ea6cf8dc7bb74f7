import { type Issue, type Lang, safeParseCampaign } from '@jianshen/schema';

/** The schema's own findings for a campaign, in the page's language (none when it is valid). */
export function validateCampaign(input: unknown, options: { lang: Lang; path: string }): Issue[] {
  const parsed = safeParseCampaign(input, options);
  return parsed.ok ? [] : parsed.issues;
}
