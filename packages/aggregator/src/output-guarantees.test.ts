import { mkdir, mkdtemp, readdir, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { aggregate } from '@jianshen/aggregator';
import { aggregateFiles, writeAggregateOutputs } from '@jianshen/aggregator/node';
import { readZipText } from '@jianshen/ooxml';
import { type ResolvedCampaign, resolveCampaign } from '@jianshen/plugin-kit';
import { linfen2024Campaign } from '@jianshen/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { goodWorkbook } from './hostile/hostile-files.js';
import { submissionSheet, validRow } from './hostile/submission.js';
import { buildXlsx } from './hostile/workbook-bytes.js';

let campaign: ResolvedCampaign;
let scratch: string;
beforeAll(async () => {
  campaign = await resolveCampaign(linfen2024Campaign);
  scratch = await mkdtemp(join(tmpdir(), 'jianshen-outputs-'));
});
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

/** A batch with accepted rows, rejected rows, a duplicate and a broken file: every output has content. */
function batch() {
  const second = [validRow(1, '吉县'), validRow(2, '吉县'), validRow(3, '吉县')];
  second[1]![4] = '电话';
  second[2] = validRow(1, '尧都区');
  return [
    { path: '尧都区.xlsx', data: goodWorkbook('尧都区', 4), modified: new Date('2024-05-20T02:00:00Z') },
    {
      path: '吉县.xlsx',
      data: buildXlsx({ sheets: [submissionSheet('吉县', second)] }),
      modified: new Date('2024-05-30T02:00:00Z'),
    },
    { path: 'broken.xlsx', data: new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]) },
  ];
}

async function outputs(directory: string): Promise<Map<string, Buffer>> {
  const names = (await readdir(directory)).sort();
  return new Map(
    await Promise.all(names.map(async (name) => [name, await readFile(join(directory, name))] as const)),
  );
}

describe('determinism', () => {
  it('the same inputs give byte-identical outputs (report.json and every workbook)', async () => {
    const first = await aggregate(batch(), campaign, { lang: 'zh' });
    // Time passes between runs: nothing may depend on the clock.
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const second = await aggregate(batch(), campaign, { lang: 'zh' });
    expect(JSON.stringify(second)).toBe(JSON.stringify(first));
    const one = join(scratch, 'one');
    const two = join(scratch, 'two');
    await writeAggregateOutputs(first, campaign, one, { lang: 'zh' });
    await writeAggregateOutputs(second, campaign, two, { lang: 'zh' });
    const a = await outputs(one);
    const b = await outputs(two);
    expect([...b.keys()]).toEqual([...a.keys()]);
    expect([...a.keys()].some((name) => name.endsWith('.xlsx'))).toBe(true);
    for (const [name, bytes] of a) expect(b.get(name)?.equals(bytes), name).toBe(true);
  });

  it('from disk too: same files with the same times give the same bytes', async () => {
    const inputs = join(scratch, 'inputs');
    await rm(inputs, { recursive: true, force: true });
    await mkdir(inputs, { recursive: true });
    for (const input of batch()) {
      const path = join(inputs, input.path);
      await writeFile(path, input.data);
      const time = input.modified ?? new Date('2024-05-25T00:00:00Z');
      await utimes(path, time, time);
    }
    const runs: Map<string, Buffer>[] = [];
    for (const name of ['disk-one', 'disk-two']) {
      const report = await aggregateFiles([inputs], campaign, { lang: 'zh', cwd: scratch });
      await writeAggregateOutputs(report, campaign, join(scratch, name), { lang: 'zh', cwd: scratch });
      runs.push(await outputs(join(scratch, name)));
    }
    const [a, b] = runs as [Map<string, Buffer>, Map<string, Buffer>];
    expect([...b.keys()]).toEqual([...a.keys()]);
    for (const [name, bytes] of a) expect(b.get(name)?.equals(bytes), name).toBe(true);
  });
});

describe('maskPhone', () => {
  it('hides the middle of every contact number in report.json, the workbooks and the CSV', async () => {
    const rows = [validRow(1, '曲沃县'), validRow(2, '曲沃县'), validRow(3, '曲沃县')];
    rows[0]![7] = '13912345678';
    rows[1]![7] = '0357-1234567';
    rows[2]![7] = '1391234567'; // one digit short: an issue that quotes the number
    const report = await aggregate(
      [{ path: '曲沃县.xlsx', data: buildXlsx({ sheets: [submissionSheet('曲沃县', rows)] }) }],
      campaign,
      { lang: 'zh' },
    );
    expect(report.rows.map((row) => row.phone)).toEqual([['13912345678'], ['0357-1234567']]);
    const directory = join(scratch, 'masked');
    const written = await writeAggregateOutputs(report, campaign, directory, { lang: 'zh', maskPhone: true });
    const texts: [string, string][] = [];
    for (const path of written) {
      if (path.endsWith('.xlsx')) {
        const bytes = new Uint8Array(await readFile(path));
        const parts = [
          ...(readZipText(bytes, '[Content_Types].xml') ?? '').matchAll(/PartName="\/([^"]+\.xml)"/g),
        ];
        texts.push([path, parts.map((part) => readZipText(bytes, part[1]!) ?? '').join('\n')]);
      } else {
        texts.push([path, await readFile(path, 'utf8')]);
      }
    }
    const all = texts.map(([, text]) => text).join('\n');
    for (const [path, text] of texts) {
      expect(text, path).not.toContain('13912345678');
      expect(text, path).not.toContain('1234567');
      expect(text, path).not.toContain('1391234567');
    }
    expect(all).toContain('139****5678');
    expect(all).toContain('0357-***4567');
    const json = JSON.parse(await readFile(join(directory, 'report.json'), 'utf8'));
    expect(json.rows.map((row: { phone: string[] }) => row.phone)).toEqual([
      ['139****5678'],
      ['0357-***4567'],
    ]);
    // The report in memory is untouched: masking is for what travels upward.
    expect(report.rows[0]?.phone).toEqual(['13912345678']);
  });
});
