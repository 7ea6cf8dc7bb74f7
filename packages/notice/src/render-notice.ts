import type { ResolvedCampaign } from '@jianshen/plugin-kit';
import type { Lang } from '@jianshen/schema';
import { Document, type ISectionOptions } from 'docx';
import { attachmentHeading } from './attachment-heading.js';
import { bodyParagraphs } from './body-blocks.js';
import { attachmentNoteParagraphs, contactParagraphs, signatureParagraphs } from './closing.js';
import { documentStyles } from './document-styles.js';
import { imprintBlock } from './imprint.js';
import { type NoticeLabels, noticeLabels } from './labels.js';
import { textWidth } from './layout.js';
import { mastheadParagraphs } from './masthead.js';
import { packDocx } from './pack-docx.js';
import { pageNumberFooters } from './page-number-footers.js';
import { blankLine } from './paragraphs.js';
import { portraitProperties } from './sections.js';
import { buildStatisticsTableSection } from './statistics-table.js';
import { titleAndRecipients } from './title-block.js';

export interface RenderNoticeOptions {
  lang?: Lang;
}

/** 附件 when there is one attachment, 附件1, 附件2 … when there are several. */
export function attachmentLabel(campaign: ResolvedCampaign, index: number, labels: NoticeLabels): string {
  return labels.attachment(campaign.attachments.length > 1 ? index + 1 : undefined);
}

/** The day docProps carry: the signature's, else the imprint's, else a fixed one. */
export function documentDay(campaign: ResolvedCampaign): string | undefined {
  return campaign.signature?.date ?? campaign.imprint?.date;
}

export function noticeDocument(campaign: ResolvedCampaign, options: RenderNoticeOptions = {}): Document {
  const labels = noticeLabels(options.lang);
  const footers = () => pageNumberFooters(campaign.fonts);
  // A signature may not stand on a page of its own: tie the paragraph just above it (the
  // 附件说明, else the last contact line, else the last body paragraph) to it.
  const signed = campaign.signature !== undefined;
  const hasContacts =
    (campaign.contacts?.people.length ?? 0) > 0 ||
    Boolean(campaign.contacts?.email || campaign.contacts?.phone || campaign.contacts?.address);
  const hasNote = campaign.attachments.length > 0;
  const sections: ISectionOptions[] = [
    {
      properties: portraitProperties(),
      footers: footers(),
      children: [
        ...mastheadParagraphs(campaign),
        ...titleAndRecipients(campaign, textWidth),
        ...bodyParagraphs(campaign.fonts, campaign.body, {
          keepLastWithNext: signed && !hasContacts && !hasNote,
        }),
        ...contactParagraphs(campaign, labels, signed && !hasNote),
        ...attachmentNoteParagraphs(campaign, labels, signed),
        ...signatureParagraphs(campaign),
      ],
    },
  ];
  campaign.attachments.forEach((attachment, index) => {
    const label = attachmentLabel(campaign, index, labels);
    if (attachment.kind === 'statistics-table') {
      sections.push(buildStatisticsTableSection(campaign, { label, lang: options.lang ?? 'zh' }));
    } else {
      sections.push({
        properties: portraitProperties(),
        footers: footers(),
        children: [
          ...attachmentHeading(campaign.fonts, label, attachment.title, textWidth),
          blankLine(),
          ...bodyParagraphs(campaign.fonts, attachment.body),
        ],
      });
    }
  });
  if (campaign.imprint) {
    sections.push({
      properties: portraitProperties(),
      footers: footers(),
      children: imprintBlock(campaign, labels),
    });
  }
  return new Document({
    creator: campaign.issuer.name,
    lastModifiedBy: campaign.issuer.name,
    title: campaign.title,
    subject: campaign.docNumber,
    evenAndOddHeaderAndFooters: true,
    styles: documentStyles(campaign.fonts),
    sections,
  });
}

/**
 * The notice as .docx, laid out to GB/T 9704-2012: 版头, 标题, 主送机关, numbered body, contacts,
 * 附件说明, 署名 and 成文日期, each attachment on its own section (the statistics table landscape),
 * and the 版记 on the last page. Byte-identical for the same campaign.
 */
export async function renderNotice(
  campaign: ResolvedCampaign,
  options: RenderNoticeOptions = {},
): Promise<Uint8Array> {
  return packDocx(noticeDocument(campaign, options), documentDay(campaign));
}

export interface RenderAttachmentOptions {
  /** Empty rows; defaults to `campaign.table.rows`. */
  rows?: number;
  lang?: Lang;
}

/**
 * The statistics-table attachment page alone, as .docx: the same section the notice carries
 * (label, title, unit line, table on landscape A4), for the template's .docx twin.
 */
export async function renderAttachmentDocx(
  campaign: ResolvedCampaign,
  options: RenderAttachmentOptions = {},
): Promise<Uint8Array> {
  const labels = noticeLabels(options.lang);
  const index = campaign.attachments.findIndex((attachment) => attachment.kind === 'statistics-table');
  const label = index >= 0 ? attachmentLabel(campaign, index, labels) : labels.attachment();
  const document = new Document({
    creator: campaign.issuer.name,
    lastModifiedBy: campaign.issuer.name,
    title: campaign.tableTitle,
    evenAndOddHeaderAndFooters: true,
    styles: documentStyles(campaign.fonts),
    sections: [
      buildStatisticsTableSection(campaign, {
        label,
        lang: options.lang ?? 'zh',
        ...(options.rows !== undefined ? { rows: options.rows } : {}),
      }),
    ],
  });
  return packDocx(document, documentDay(campaign));
}
