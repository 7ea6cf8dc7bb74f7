import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { escapeBidiControls } from '@jianshen/ooxml';
import type { ResolvedCampaign } from '@jianshen/plugin-kit';
import { describe, expect, it } from 'vitest';
import { aggregate, collectReport, type SubmissionSource, streamAggregate } from '../aggregate.js';
import { fixture, fixturesDirectory, linfenCampaign } from '../fixtures.test-support.js';
import { csvHead } from '../hostile/submission.js';
import { createFileRowStore } from '../node/file-row-store.js';
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

/** A CSV cell: quoted, its quotes doubled. */
const cell = (text: string | number) => `"${String(text).replaceAll('"', '""')}"`;

/**
 * County files shaped like the bench's medium batch, small: plugin columns, a column the campaign
 * does not know (extra), bidi controls and quotes in the text, phones to mask, rows repeated
 * (duplicates) and rows a plugin rule rejects between the accepted ones.
 */
function mediumLikeSources(): SubmissionSource[] {
  const header = `${csvHead('').at(-1)},参与人数,志愿者人数,其他说明`;
  return ['尧都区', '侯马市', '霍州市'].map((unit, file) => {
    const lines = [...csvHead(`${unit}体育局`).slice(0, 2), header];
    for (let index = 1; index <= 300; index++) {
      const copy = index % 50 === 0 ? index - 1 : index;
      const name =
        index % 7 === 0 ? `gpj.\u202eexe 第${copy}场 \u2066“健步走”\u2069` : `社区健步走第${copy}场`;
      const participants = index % 45 === 0 ? 20_000 : copy * 3;
      const cells = [index, `${unit}体育中心`, name, '简介, 含逗号与"引号"', index % 3 ? '线下' : '线上'];
      cells.push(`2024-06-${String((copy % 28) + 1).padStart(2, '0')}`, '王明', `1391234${5000 + copy}`);
      cells.push(
        index % 11 === 0 ? '备注\u200f' : '',
        participants,
        copy % 9,
        index % 4 ? `说明${index}` : '',
      );
      lines.push(cells.map(cell).join(','));
    }
    const data = new TextEncoder().encode(lines.join('\n'));
    return { path: `第${file + 1}批/${unit}.csv`, modified: received, load: async () => data };
  });
}

/** report.json as written from the spill file, and as written from the same rows in memory. */
async function fromSpillAndMemory(campaign: ResolvedCampaign, options: ReportJsonOptions) {
  const writeOut = async (report: ReportLike) => {
    const chunks: Uint8Array[] = [];
    await writeReportJsonTo(report, (chunk) => chunks.push(chunk), options);
    return Buffer.concat(chunks).toString('utf8');
  };
  const store = createFileRowStore();
  const streamed = await streamAggregate(mediumLikeSources(), campaign, { store });
  try {
    expect(streamed.rows.json).toBeDefined();
    const spilled = await writeOut(streamed);
    const collected = await collectReport(await streamAggregate(mediumLikeSources(), campaign));
    expect(streamed.rows.count).toBe(collected.rows.length);
    return { spilled, inMemory: await writeOut(collected), collected };
  } finally {
    await streamed.dispose();
  }
}

describe('report.json from a row spill', () => {
  it('copies the rows’ stored text: the same bytes as JSON.stringify each row, bidi escaped', async () => {
    for (const campaign of [await pluginCampaign(), await linfenCampaign()]) {
      const { spilled, inMemory, collected } = await fromSpillAndMemory(campaign, {});
      expect(spilled).toBe(inMemory);
      const { rows } = collected;
      // The shape the copy must keep: plugin values, extra, bidi controls, numbers renumbered
      // past rows left out (duplicates, and the rule's rejections with the plugin).
      expect(rows.some((row) => row.participants !== undefined) === campaign.rules.length > 0).toBe(true);
      expect(rows.some((row) => row.extra !== undefined)).toBe(true);
      expect(rows.some((row) => row.name.includes('\u202e'))).toBe(true);
      expect(collected.summary.rowsDuplicate).toBeGreaterThan(0);
      expect(rows.map((row) => row.seq)).toEqual(rows.map((_, index) => index + 1));
      const lines = spilled.split('\n').slice(0, rows.length + 20);
      for (const row of rows.slice(0, 60))
        expect(lines).toContain(`    ${escapeBidiControls(JSON.stringify(row))},`);
      expect(spilled).not.toMatch(/[\u200F\u202E\u2066\u2069]/);
      expect(JSON.parse(spilled).rows).toEqual(rows);
    }
    expect(
      (await collectReport(await streamAggregate(mediumLikeSources(), await pluginCampaign()))).summary
        .rowsRejected,
    ).toBeGreaterThan(0);
  });

  it('masks phones and lays out pretty from the spill exactly as from memory', async () => {
    const campaign = await pluginCampaign();
    const maskedOut = await fromSpillAndMemory(campaign, { maskPhone: true });
    expect(maskedOut.spilled).toBe(maskedOut.inMemory);
    expect(maskedOut.spilled).not.toContain('13912345001');
    const pretty = await fromSpillAndMemory(campaign, { layout: 'pretty' });
    expect(pretty.spilled).toBe(pretty.inMemory);
    expect(pretty.spilled).toBe(escapeBidiControls(expected(pretty.collected)));
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
