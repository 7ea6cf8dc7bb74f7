import type { ResolvedCampaign } from '@jianshen/plugin-kit';
import { defaultReportRecipients, type Lang } from '@jianshen/schema';
import type { ReportJson } from './report-input.js';
import { reportText } from './report-text.js';

/** The campaign's `report:` section with every default filled in. */
export interface ReportSettings {
  title: string;
  /** 主送机关, ending with ： as GB/T 9704 §7.3.2 writes it. */
  recipients: string;
  docNumber: string;
  signer?: string;
  /** 成文日期 (ISO day). */
  date: string;
  opening?: readonly string[];
  closing: readonly string[];
  ending: string;
}

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
  const signer = section?.signer ?? campaign.signer;
  return {
    title: section?.title ?? reportTitle(campaign, lang),
    recipients: /[：:]$/.test(recipients) ? recipients : `${recipients}：`,
    docNumber: section?.docNumber ?? campaign.docNumber,
    ...(signer !== undefined ? { signer } : {}),
    date: section?.date ?? defaultDate(campaign, report),
    ...(section?.opening ? { opening: section.opening } : {}),
    closing: section?.closing ?? [],
    ending: section?.ending ?? reportText(lang, 'ending'),
  };
}
