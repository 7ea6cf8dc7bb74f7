import { type Lang, type RenderedIssue, renderIssue, safeParseCampaign } from '@jianshen/schema';

/** The schema's own findings for a campaign, rendered in the page's language (none when it is valid). */
export function validateCampaign(input: unknown, options: { lang: Lang; path: string }): RenderedIssue[] {
  const parsed = safeParseCampaign(input, { path: options.path });
  return parsed.ok ? [] : parsed.issues.map((issue) => renderIssue(issue, options.lang));
}
