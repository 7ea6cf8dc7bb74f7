import { renderAttachmentDocx } from '@jianshen/notice';
import type { ResolvedCampaign } from '@jianshen/plugin-kit';
import type { Lang } from '@jianshen/schema';

export interface RenderTemplateDocxOptions {
  /** Empty rows in the table; default `campaign.table.rows`. */
  rows?: number;
  /** Language of the labels; default Chinese. */
  lang?: Lang;
}

/**
 * The statistics table as a Word attachment (landscape, header repeated), for bureaus that
 * circulate Word. It is the notice's own attachment page, so the two never differ.
 */
export async function renderTemplateDocx(
  campaign: ResolvedCampaign,
  options: RenderTemplateDocxOptions = {},
): Promise<Uint8Array> {
  return renderAttachmentDocx(campaign, options);
}
