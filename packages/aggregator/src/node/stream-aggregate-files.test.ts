import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  utimesSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ResolvedCampaign } from '@jianshen/plugin-kit';
import { loadCampaign } from '@jianshen/plugin-kit/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixturesDirectory, linfenCampaign } from '../fixtures.test-support.js';
import { pluginCampaign } from '../plugin.test-support.js';
import type { ReportRow, StreamedReport } from '../report.js';
import { type AggregateFilesOptions, aggregateFiles, streamAggregateFiles } from './aggregate-files.js';
import { writeAggregateOutputs } from './write-outputs.js';

const examples = fileURLToPath(new URL('../../../../examples/', import.meta.url));
const linfenSubmissions = join(examples, 'linfen-2024', 'submissions');
const datongSubmissions = join(examples, 'datong-2025', 'submissions');

// os.tmpdir() follows TMPDIR: the spill folders of this file's streamed reports are made in a
// folder of its own, where they can be counted without racing other test files.
let savedTmpdir: string | undefined;
let spillRoot: string;
let outRoot: string;
beforeAll(() => {
  outRoot = mkdtempSync(join(tmpdir(), 'jianshen-stream-files-'));
  spillRoot = join(outRoot, 'spill');
  savedTmpdir = process.env.TMPDIR;
  mkdirSync(spillRoot);
  process.env.TMPDIR = spillRoot;
});
afterAll(() => {
  if (savedTmpdir === undefined) delete process.env.TMPDIR;
  else process.env.TMPDIR = savedTmpdir;
  rmSync(outRoot, { recursive: true, force: true });
});

/**
 * A folder with the submissions twice: old/ received on `oldDay`, new/ a week later (with the
 * first file left out of new/, so its old rows stay), for --replace to supersede the old ones.
 */
function resent(submissions: string, oldDay: string): string {
  const root = mkdtempSync(join(outRoot, 'resent-'));
  const names = readdirSync(submissions).filter((name) => !name.endsWith('.py'));
  for (const [folder, day, kept] of [
    ['old', new Date(`${oldDay}T02:00:00Z`), names],
    ['new', new Date(new Date(`${oldDay}T02:00:00Z`).getTime() + 7 * 86_400_000), names.slice(1)],
  ] as const) {
    mkdirSync(join(root, folder));
    for (const name of kept) {
      cpSync(join(submissions, name), join(root, folder, name));
      utimesSync(join(root, folder, name), day, day);
    }
  }
  return root;
}

function spillFolders(): string[] {
  return readdirSync(spillRoot).filter((name) => name.startsWith('jianshen-rows-'));
}

async function rowsOf(report: StreamedReport): Promise<ReportRow[]> {
  const rows: ReportRow[] = [];
  for await (const row of report.rows) rows.push(row);
  return rows;
}

let datong: Promise<ResolvedCampaign> | undefined;
function datongCampaign(): Promise<ResolvedCampaign> {
  datong ??= loadCampaign(join(examples, 'datong-2025', 'campaign.ts'));
  return datong;
}

interface Case {
  name: string;
  campaign: () => Promise<ResolvedCampaign>;
  inputs: () => string[];
  options: AggregateFilesOptions;
  /** Whether rules or --replace make the merge wait for every file. */
  deferred: boolean;
}

const cases: Case[] = [
  {
    name: 'linfen-2024 example submissions',
    campaign: linfenCampaign,
    inputs: () => [linfenSubmissions],
    options: { submittedOn: '2024-05-27' },
    deferred: false,
  },
  {
    name: 'linfen-2024 submissions resent and the package fixtures, with --replace',
    campaign: linfenCampaign,
    inputs: () => [resent(linfenSubmissions, '2024-05-20'), fixturesDirectory],
    options: { replace: true },
    deferred: true,
  },
  {
    name: 'the package fixtures with a plugin rule',
    campaign: pluginCampaign,
    inputs: () => [fixturesDirectory, linfenSubmissions],
    options: { submittedOn: '2024-05-27' },
    deferred: true,
  },
  {
    name: 'datong-2025 (plugin rules)',
    campaign: datongCampaign,
    inputs: () => [datongSubmissions],
    options: { submittedOn: '2025-11-01' },
    deferred: true,
  },
  {
    name: 'datong-2025 with --replace, in English',
    campaign: datongCampaign,
    inputs: () => [resent(datongSubmissions, '2025-10-01')],
    options: { replace: true, lang: 'en' },
    deferred: true,
  },
];

describe('streamAggregateFiles is aggregateFiles with the rows on disk', () => {
  it('loads the Datong campaign with its plugin rules', async () => {
    const campaign = await datongCampaign();
    expect(campaign.rules.length).toBeGreaterThan(0);
  });

  for (const { name, campaign: load, inputs: folders, options, deferred } of cases) {
    it(`${name}: same report, same output files, spill folder gone after dispose`, async () => {
      const campaign = await load();
      const inputs = folders();
      expect(campaign.rules.length > 0 || options.replace === true).toBe(deferred);
      const inMemory = await aggregateFiles(inputs, campaign, options);
      const before = spillFolders();
      const streamed = await streamAggregateFiles(inputs, campaign, options);
      const made = spillFolders().filter((folder) => !before.includes(folder));
      expect(made).toHaveLength(1);
      const spill = join(spillRoot, made[0] ?? '');
      try {
        expect(readdirSync(spill)).toEqual(['rows.ndjson']);
        expect(streamed.version).toBe(inMemory.version);
        expect(streamed.campaign).toEqual(inMemory.campaign);
        expect(streamed.files).toEqual(inMemory.files);
        expect(streamed.issues).toEqual(inMemory.issues);
        expect(streamed.summary).toEqual(inMemory.summary);
        expect(streamed.rows.count).toBe(inMemory.rows.length);
        expect(inMemory.rows.length).toBeGreaterThan(0);
        if (options.replace) expect(streamed.summary.rowsSuperseded).toBeGreaterThan(0);
        // Datong's rules find errors in its submissions (participation/…, datong/…).
        if (name.startsWith('datong')) {
          expect(streamed.summary.rowsRejected).toBeGreaterThan(0);
          expect(streamed.issues.some((issue) => issue.code.startsWith('datong/'))).toBe(true);
        }
        const rows = await rowsOf(streamed);
        expect(rows).toEqual(inMemory.rows);
        // The rows can be read again (each output reads them once).
        expect(await rowsOf(streamed)).toEqual(rows);

        // Counts add up per file.
        for (const file of streamed.files) {
          expect(file.rowsRead).toBe(
            file.rowsAccepted + file.rowsRejected + file.rowsDuplicate + file.rowsSuperseded,
          );
        }

        for (const maskPhone of [false, true]) {
          const lang = options.lang ?? 'zh';
          const fromStream = join(outRoot, `${made[0]}-stream-${maskPhone}`);
          const fromMemory = join(outRoot, `${made[0]}-memory-${maskPhone}`);
          const streamedPaths = await writeAggregateOutputs(streamed, campaign, fromStream, {
            lang,
            maskPhone,
          });
          const memoryPaths = await writeAggregateOutputs(inMemory, campaign, fromMemory, {
            lang,
            maskPhone,
          });
          expect(streamedPaths.map((path) => path.slice(fromStream.length))).toEqual(
            memoryPaths.map((path) => path.slice(fromMemory.length)),
          );
          expect(streamedPaths).toHaveLength(4);
          for (const [index, path] of streamedPaths.entries()) {
            const bytes = readFileSync(path);
            expect(bytes.length).toBeGreaterThan(0);
            expect(bytes.equals(readFileSync(memoryPaths[index] ?? '')), path).toBe(true);
          }
          // Only the outputs: no temporary file is left beside them.
          expect(readdirSync(fromStream).sort()).toEqual(readdirSync(fromMemory).sort());
          expect(JSON.parse(readFileSync(join(fromStream, 'report.json'), 'utf8')).rows).toHaveLength(
            rows.length,
          );
        }
      } finally {
        await streamed.dispose();
      }
      expect(existsSync(spill)).toBe(false);
      expect(spillFolders()).toEqual(before);
      await expect(rowsOf(streamed)).rejects.toThrow('the row store was disposed');
    });
  }

  for (const { name, campaign: load, inputs: folders, options, deferred } of cases) {
    it(`${name}, keepRows: false: the same issues and counts, ${deferred ? 'rows kept for the merge' : 'no row kept'}`, async () => {
      const campaign = await load();
      const inputs = folders();
      const kept = await streamAggregateFiles(inputs, campaign, options);
      const before = spillFolders();
      const counted = await streamAggregateFiles(inputs, campaign, { ...options, keepRows: false });
      try {
        expect(counted.files).toEqual(kept.files);
        expect(counted.issues).toEqual(kept.issues);
        expect(counted.summary).toEqual(kept.summary);
        expect(counted.rows.count).toBe(kept.rows.count);
        // Rules and --replace read the rows back, so the merge keeps them whatever was asked.
        expect(spillFolders().length - before.length).toBe(deferred ? 1 : 0);
        if (deferred) expect(await rowsOf(counted)).toEqual(await rowsOf(kept));
        else await expect(rowsOf(counted)).rejects.toThrow('the rows were not kept (keepRows: false)');
      } finally {
        await Promise.all([kept.dispose(), counted.dispose()]);
      }
      expect(spillFolders().length).toBe(before.length - 1);
    });
  }

  it('leaves no spill folder when aggregating from disk fails', async () => {
    const before = spillFolders();
    const campaign = await linfenCampaign();
    await expect(
      streamAggregateFiles([linfenSubmissions], campaign, { submittedOn: 'not a day' }),
    ).rejects.toThrow(RangeError);
    expect(spillFolders()).toEqual(before);
  });

  it('aggregateFiles spills nothing', async () => {
    const before = spillFolders();
    await aggregateFiles([linfenSubmissions], await linfenCampaign());
    expect(spillFolders()).toEqual(before);
  });
});
