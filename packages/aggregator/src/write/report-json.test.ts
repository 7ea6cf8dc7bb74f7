import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { aggregate, collectReport, streamAggregate } from '../aggregate.js';
import { fixture, fixturesDirectory, linfenCampaign } from '../fixtures.test-support.js';
import { pluginCampaign } from '../plugin.test-support.js';
import type { AggregateReport, ReportLike, SubmissionInput } from '../report.js';
import { maskIssuePhone, maskRowPhones } from './mask-phone.js';
import { type ReportJsonOptions, writeReportJsonTo } from './report-json.js';

const received = new Date('2024-05-27T02:00:00Z');
const linfenSubmissions = fileURLToPath(
  new URL('../../../../examples/linfen-2024/submissions/', import.meta.url),
);

/** Every fixture of the package (the broken and hostile ones included) as one batch. */
function fixtureInputs(): SubmissionInput[] {
  return readdirSync(fixturesDirectory)
    .filter((name) => !name.endsWith('.py'))
    .sort()
    .map((name) => fixture(name, received));
}

function linfenInputs(prefix = ''): SubmissionInput[] {
  return readdirSync(linfenSubmissions)
    .filter((name) => !name.endsWith('.py'))
    .sort()
    .map((name) => ({
      path: `${prefix}${name}`,
      data: new Uint8Array(readFileSync(`${linfenSubmissions}${name}`)),
      modified: received,
    }));
}

async function written(
  report: ReportLike,
  options?: ReportJsonOptions,
): Promise<{ text: string; chunks: number }> {
  const chunks: Uint8Array[] = [];
  // Byte for byte JSON.stringify(report, null, 2) in the pretty layout; `lines` is checked below.
  await writeReportJsonTo(report, (chunk) => chunks.push(chunk), { layout: 'pretty', ...options });
  const decoder = new TextDecoder('utf-8', { fatal: true });
  // Each chunk is whole UTF-8: decoded alone it gives its share of the text.
  const text = chunks.map((chunk) => decoder.decode(chunk)).join('');
  expect(Buffer.concat(chunks).toString('utf8')).toBe(text);
  return { text, chunks: chunks.length };
}

function expected(report: AggregateReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}

function masked(report: AggregateReport): AggregateReport {
  return { ...report, rows: report.rows.map(maskRowPhones), issues: report.issues.map(maskIssuePhone) };
}

describe('writeReportJsonTo', () => {
  it('lays out every row and issue on a line of its own by default, the same JSON value', async () => {
    const report = await aggregate(fixtureInputs(), await linfenCampaign());
    const chunks: Uint8Array[] = [];
    await writeReportJsonTo(report, (chunk) => chunks.push(chunk));
    const text = Buffer.concat(chunks).toString('utf8');
    expect(JSON.parse(text)).toEqual(JSON.parse(expected(report)));
    const lines = new Set(text.split('\n').map((line) => line.trim().replace(/,$/, '')));
    for (const row of report.rows) expect(lines.has(JSON.stringify(row))).toBe(true);
    for (const issue of report.issues) expect(lines.has(JSON.stringify(issue))).toBe(true);
    expect(text.length).toBeLessThan(expected(report).length * 0.8);
    expect(text.endsWith('}\n')).toBe(true);
  });

  it('writes every package fixture’s report exactly as JSON.stringify(report, null, 2) plus a newline', async () => {
    const report = await aggregate(fixtureInputs(), await linfenCampaign());
    expect(report.rows.length).toBeGreaterThan(20);
    expect(report.issues.length).toBeGreaterThan(20);
    expect(report.rows.some((row) => row.extra !== undefined)).toBe(true);
    expect((await written(report)).text).toBe(expected(report));
  });

  it('does so for the linfen-2024 example submissions, in Chinese and English', async () => {
    const campaign = await linfenCampaign();
    for (const lang of ['zh', 'en'] as const) {
      const report = await aggregate(linfenInputs(), campaign, { lang });
      expect(report.rows.length).toBeGreaterThan(0);
      expect((await written(report)).text).toBe(expected(report));
    }
  });

  it('does so with plugin fields and --replace', async () => {
    const report = await aggregate(
      [...fixtureInputs(), ...linfenInputs('examples/')],
      await pluginCampaign(),
      { replace: true },
    );
    expect(report.summary.totalLabels).not.toEqual({});
    expect(report.rows.some((row) => row.participants !== undefined)).toBe(true);
    expect((await written(report)).text).toBe(expected(report));
  });

  it('writes a big batch in several chunks with the same bytes', async () => {
    const inputs = Array.from({ length: 40 }, (_, copy) => linfenInputs(`第${copy + 1}批/`)).flat();
    const report = await aggregate(inputs, await linfenCampaign());
    const { text, chunks } = await written(report);
    expect(chunks).toBeGreaterThan(3);
    expect(text).toBe(expected(report));
  });

  it('writes a streamed report like the same report collected', async () => {
    const campaign = await linfenCampaign();
    const inputs = [...fixtureInputs(), ...linfenInputs('examples/')].map((input) => ({
      path: input.path,
      ...(input.modified ? { modified: input.modified } : {}),
      load: async () => input.data,
    }));
    const streamed = await streamAggregate(inputs, campaign);
    const fromStream = await written(streamed);
    const maskedStream = await written(streamed, { maskPhone: true });
    const collected = await collectReport(streamed);
    expect(fromStream.text).toBe(expected(collected));
    expect(maskedStream.text).toBe(expected(masked(collected)));
  });

  it('writes empty rows and empty issues as [] like JSON.stringify', async () => {
    const report = await aggregate(fixtureInputs(), await linfenCampaign());
    const cases: AggregateReport[] = [
      { ...report, rows: [] },
      { ...report, issues: [] },
      { ...report, rows: [], issues: [], files: [] },
    ];
    for (const emptied of cases) {
      expect((await written(emptied)).text).toBe(expected(emptied));
      expect((await written(emptied, { maskPhone: true })).text).toBe(expected(masked(emptied)));
    }
    const nothing = await aggregate([], await linfenCampaign());
    expect(nothing.rows).toEqual([]);
    expect((await written(nothing)).text).toBe(expected(nothing));
  });

  it('with maskPhone writes the report with masked rows and phone issues', async () => {
    const report = await aggregate(
      [...fixtureInputs(), ...linfenInputs('examples/')],
      await linfenCampaign(),
    );
    const maskedReport = masked(report);
    // The fixtures have numbers to hide in rows and in phone issues.
    expect(
      maskedReport.rows.some((row, index) => row.phone.join() !== report.rows[index]?.phone.join()),
    ).toBe(true);
    expect(maskedReport.issues.some((issue, index) => issue !== report.issues[index])).toBe(true);
    const { text } = await written(report, { maskPhone: true });
    expect(text).toBe(expected(maskedReport));
    expect(text).not.toContain('13912345678');
    // The report itself is untouched.
    expect((await written(report)).text).toBe(expected(report));
  });
});

describe('modes-phones fixture', () => {
  it('has phone issues whose values the mask hides', async () => {
    const report = await aggregate([fixture('modes-phones.xlsx', received)], await linfenCampaign());
    const phoneIssues = report.issues.filter((issue) => issue.field === 'phone' && issue.value);
    expect(phoneIssues.length).toBeGreaterThan(0);
    const { text } = await written(report, { maskPhone: true });
    expect(text).toBe(expected(masked(report)));
  });
});
