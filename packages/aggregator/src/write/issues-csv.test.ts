import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { aggregate } from '../aggregate.js';
import { fixture, fixturesDirectory, linfenCampaign } from '../fixtures.test-support.js';
import type { ReportIssue, ReportLike } from '../report.js';
import { writeIssuesCsv, writeIssuesCsvTo } from './issues-csv.js';

const received = new Date('2024-05-27T02:00:00Z');

function streamed(report: ReportLike, options: Parameters<typeof writeIssuesCsvTo>[2] = {}) {
  const chunks: Uint8Array[] = [];
  writeIssuesCsvTo(report, (chunk) => chunks.push(chunk), options);
  return { bytes: Buffer.concat(chunks), chunks: chunks.length };
}

describe('writeIssuesCsvTo', () => {
  it('hands over exactly the bytes of writeIssuesCsv, masked or not, in whole-character pieces', async () => {
    const campaign = await linfenCampaign();
    const inputs = readdirSync(fixturesDirectory)
      .filter((name) => !name.endsWith('.py'))
      .sort()
      .map((name) => fixture(name, received));
    const report = await aggregate(inputs, campaign);
    expect(report.issues.length).toBeGreaterThan(10);
    for (const maskPhone of [false, true]) {
      const options = { campaign, maskPhone };
      const { bytes } = streamed(report, options);
      expect(bytes.equals(Buffer.from(writeIssuesCsv(report, options), 'utf8'))).toBe(true);
    }
    // Many issues: several pieces, each whole UTF-8.
    const many: ReportIssue[] = Array.from({ length: 3_000 }, (_, index) => ({
      ...(report.issues[index % report.issues.length] as ReportIssue),
      message: `第 ${index} 个问题：联系方式“13912345678”不像电话号码`,
    }));
    const big = { ...report, issues: many };
    const chunks: Uint8Array[] = [];
    writeIssuesCsvTo(big, (chunk) => chunks.push(chunk), { campaign });
    expect(chunks.length).toBeGreaterThan(3);
    const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
    expect(chunks.map((chunk) => decoder.decode(chunk)).join('')).toBe(writeIssuesCsv(big, { campaign }));
    // No issues: the BOM and the header line.
    expect(streamed({ ...report, issues: [] }).bytes.toString('utf8')).toBe(
      writeIssuesCsv({ ...report, issues: [] }),
    );
  });
});
