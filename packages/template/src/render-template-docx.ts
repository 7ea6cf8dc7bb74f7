import * as notice from '@jianshen/notice';
import type { ResolvedCampaign } from '@jianshen/plugin-kit';

export interface RenderTemplateDocxOptions {
  /** Empty rows in the table; default `campaign.table.rows`. */
  rows?: number;
}

type AttachmentRenderer = (
  campaign: ResolvedCampaign,
  options?: RenderTemplateDocxOptions,
) => Promise<Uint8Array>;

/**
 * The statistics table as a Word attachment (landscape, header repeated), for bureaus that
 * circulate Word. It is the notice's attachment page, so both always match.
 */
export async function renderTemplateDocx(
  campaign: ResolvedCampaign,
  options: RenderTemplateDocxOptions = {},
): Promise<Uint8Array> {
  // TEMPORARY until @jianshen/notice exports renderAttachmentDocx (being written concurrently).
  const render = (notice as Record<string, unknown>).renderAttachmentDocx as AttachmentRenderer | undefined;
  if (!render) throw new Error('@jianshen/notice does not export renderAttachmentDocx yet');
  return render(campaign, options);
}
