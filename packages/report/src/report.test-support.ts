import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type AggregateReport, aggregate, type SubmissionInput } from '@jianshen/aggregator';
import { readZipText } from '@jianshen/ooxml';
import { type ResolvedCampaign, resolveCampaign } from '@jianshen/plugin-kit';
import { linfen2024Campaign } from '@jianshen/schema';

/** Test helpers only: the Linfen example's county returns, one of them late. */
const submissions = fileURLToPath(new URL('../../../examples/linfen-2024/submissions/', import.meta.url));

export function linfenReturns(): SubmissionInput[] {
  return readdirSync(submissions)
    .filter((name) => !name.endsWith('.py'))
    .sort()
    .map((name) => ({
      path: name,
      data: new Uint8Array(readFileSync(`${submissions}${name}`)),
      // 霍州市 sent its table after the 28 May deadline.
      modified: new Date(name.startsWith('霍州市') ? '2024-06-03T02:00:00Z' : '2024-05-27T02:00:00Z'),
    }));
}

export async function linfenReportCampaign(): Promise<ResolvedCampaign> {
  return resolveCampaign({
    ...linfen2024Campaign,
    report: { recipients: '山西省体育局', signer: '王　强', docNumber: '临体字〔2024〕60号' },
  });
}

/** report.json as a file holds it: the aggregate report through JSON. */
export async function linfenReportJson(campaign: ResolvedCampaign): Promise<AggregateReport> {
  const report = await aggregate(linfenReturns(), campaign);
  return JSON.parse(JSON.stringify(report)) as AggregateReport;
}

/** Every w:t text of a generated .docx's document part, run together. */
export function documentText(bytes: Uint8Array): string {
  const xml = readZipText(bytes, 'word/document.xml') ?? '';
  return [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((match) => match[1]).join('');
}
