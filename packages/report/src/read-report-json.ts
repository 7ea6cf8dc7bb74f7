import type { ResolvedCampaign } from '@jianshen/plugin-kit';
import { type IssueFinding, reportIssue } from '@jianshen/schema';
import type { ReportJson } from './report-input.js';

type ReportJsonCode = 'report-json-invalid' | 'report-json-other-campaign';

/** A report.json the report cannot be drafted from: an issue, worded at the edge (renderMessage). */
export class ReportJsonError extends Error {
  override readonly name = 'ReportJsonError';
  readonly issue: IssueFinding;
  constructor(code: ReportJsonCode, data: Readonly<Record<string, string>>) {
    super(`${code}: ${JSON.stringify(data)}`);
    this.issue = reportIssue(code, { ...data }, {});
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Checks that parsed JSON is a report.json of this campaign (version 1, the parts the report
 * reads) before anything is drafted from it; the figures themselves are taken as written.
 */
export function readReportJson(json: unknown, campaign: Pick<ResolvedCampaign, 'id'>): ReportJson {
  if (!isObject(json) || json.version !== 1)
    throw new ReportJsonError('report-json-invalid', { field: 'version' });
  for (const field of ['files', 'rows', 'issues'] as const) {
    if (!Array.isArray(json[field])) throw new ReportJsonError('report-json-invalid', { field });
  }
  const summary = json.summary;
  if (!isObject(summary) || !Array.isArray(summary.byUnit) || !Array.isArray(summary.byMode)) {
    throw new ReportJsonError('report-json-invalid', { field: 'summary' });
  }
  const reportCampaign = isObject(json.campaign) ? json.campaign.id : undefined;
  if (typeof reportCampaign !== 'string')
    throw new ReportJsonError('report-json-invalid', { field: 'campaign' });
  if (reportCampaign !== campaign.id) {
    throw new ReportJsonError('report-json-other-campaign', { reportCampaign, campaign: campaign.id });
  }
  return json as unknown as ReportJson;
}
