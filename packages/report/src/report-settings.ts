import type { ResolvedCampaign } from '@jianshen/plugin-kit';
import { defaultReportRecipients, type Lang, parseDocNumber } from '@jianshen/schema';
import type { ReportJson } from './report-input.js';
import { reportText } from './report-text.js';

/** The campaign's `report:` section with every default filled in. */
export interface ReportSettings {
  title: string;
  /** 主送机关, ending with ： as GB/T 9704 §7.3.2 writes it. */
  recipients: string;
  /** 发文字号 as printed: the report's own, or {@link blankDocNumber} for the clerk to fill. */
  docNumber: string;
  /** 签发人 as printed: the report's own, or {@link blankSigner}. */
  signer: string;
  /** 成文日期 (ISO day). */
  date: string;
  opening?: readonly string[];
  closing: readonly string[];
  ending: string;
}

// A blank the width of two characters (U+3000 IDEOGRAPHIC SPACE): Word and WPS keep it where they
// would drop runs of plain spaces, and four digits of a year are two characters wide in 仿宋.
const blankSpace = '\u3000';

/**
 * The report's 发文字号 when its `report:` section gives none: the issuer's 机关代字 with the year
 * and the serial number left blank (临体字〔　　〕　　号). An upward report is numbered when it is
 * signed off, in the bureau's register of outgoing documents, which a draft cannot know; reusing
 * the notice's number (临体字〔2024〕44号) would send the province a second document under it.
 */
export function blankDocNumber(noticeDocNumber: string): string {
  const agencyCode = parseDocNumber(noticeDocNumber)?.agencyCode ?? noticeDocNumber.split('〔')[0] ?? '';
  return `${agencyCode}〔${blankSpace.repeat(2)}〕${blankSpace.repeat(2)}号`;
}

/**
 * 签发人 when the `report:` section names none: three characters of blank after 签发人：, room
 * for a name. An upward document always carries the line (GB/T 9704 §7.2.5–7.2.6); the leader who signs
 * the report off is not necessarily the one who signed the notice, so the campaign's signer is not
 * borrowed.
 */
export const blankSigner = blankSpace.repeat(3);

/**
 * 关于…开展情况的报告 from the notice's title: the issuer's name, 关于, 开展 and 的通知 come
 * off, so 临汾市体育局关于开展2024年“…”全民健身志愿服务活动的通知 reports on
 * 2024年“…”全民健身志愿服务活动.
 */
export function reportTitle(campaign: Pick<ResolvedCampaign, 'title' | 'issuer'>, lang: Lang = 'zh'): string {
  const subject = campaign.title
    .replace(campaign.issuer.name, '')
    .replace(/^\s*关于/, '')
    .replace(/^开展/, '')
    .replace(/的通知\s*$/, '')
    .trim();
  return reportText(lang, 'title', { subject });
}

/**
 * The report's 成文日期 when the campaign sets none: the day the last counted file came in (the
 * report is written after it), else the deadline. Never the clock: the same inputs give the
 * same document.
 */
function defaultDate(campaign: ResolvedCampaign, report: Pick<ReportJson, 'files'>): string {
  const days = report.files.flatMap((file) => (file.submittedOn ? [file.submittedOn] : [])).sort();
  return days.at(-1) ?? campaign.deadline;
}

export function reportSettings(
  campaign: ResolvedCampaign,
  report: Pick<ReportJson, 'files'>,
  lang: Lang = 'zh',
): ReportSettings {
  const section = campaign.report;
  const recipients = section?.recipients ?? defaultReportRecipients;
  return {
    title: section?.title ?? reportTitle(campaign, lang),
    recipients: /[：:]$/.test(recipients) ? recipients : `${recipients}：`,
    docNumber: section?.docNumber ?? blankDocNumber(campaign.docNumber),
    signer: section?.signer ?? blankSigner,
    date: section?.date ?? defaultDate(campaign, report),
    ...(section?.opening ? { opening: section.opening } : {}),
    closing: section?.closing ?? [],
    ending: section?.ending ?? reportText(lang, 'ending'),
  };
}
