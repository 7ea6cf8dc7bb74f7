import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { definePlugin, defineRule, resolveCampaign } from '@jianshen/plugin-kit';
import { linfen2024Campaign } from '@jianshen/schema';
import { describe, expect, it } from 'vitest';
import { aggregate, collectReport, streamAggregate } from './aggregate.js';
import { fixture, fixturesDirectory, linfenCampaign } from './fixtures.test-support.js';
import { createMemoryRowStore, type RowStore, type StoredRow } from './merge/row-store.js';
import type { AggregateReport, SubmissionInput } from './report.js';

const received = new Date('2024-05-27T02:00:00Z');
const linfenSubmissions = fileURLToPath(
  new URL('../../../examples/linfen-2024/submissions/', import.meta.url),
);

function fixtureInputs(): SubmissionInput[] {
  return readdirSync(fixturesDirectory)
    .filter((name) => !name.endsWith('.py'))
    .sort()
    .map((name) => fixture(name, received));
}

function linfenInputs(): SubmissionInput[] {
  return readdirSync(linfenSubmissions)
    .filter((name) => !name.endsWith('.py'))
    .sort()
    .map((name) => ({
      path: `examples/${name}`,
      data: new Uint8Array(readFileSync(`${linfenSubmissions}${name}`)),
      modified: received,
    }));
}

function sources(inputs: SubmissionInput[]) {
  return inputs.map((input) => ({
    path: input.path,
    ...(input.modified ? { modified: input.modified } : {}),
    load: async () => input.data,
  }));
}

/** A rule that finds nothing: with it the merge waits for every file before counting. */
const quiet = definePlugin({
  name: 'test-quiet',
  rules: {
    nothing: defineRule({ meta: { messages: {} }, create: () => ({ row() {}, table() {} }) }),
  },
});

function withoutCampaign(report: AggregateReport) {
  const { campaign: _campaign, ...rest } = report;
  return rest;
}

/** A memory store that records what is done to it. */
function watchedStore(): RowStore & { appended: number; reads: number; disposed: number } {
  const inner = createMemoryRowStore();
  const store = {
    appended: 0,
    reads: 0,
    disposed: 0,
    append(row: StoredRow) {
      store.appended++;
      inner.append(row);
    },
    read() {
      store.reads++;
      return inner.read();
    },
    async dispose() {
      store.disposed++;
      await inner.dispose();
    },
  };
  return store;
}

describe('the summary counted as rows come equals the one counted after the merge', () => {
  it('with a rule that finds nothing (every fixture and the linfen submissions)', async () => {
    const inputs = [...fixtureInputs(), ...linfenInputs()];
    const eager = await aggregate(inputs, await linfenCampaign());
    const deferred = await aggregate(
      inputs,
      await resolveCampaign({ ...linfen2024Campaign, plugins: [quiet] }),
    );
    expect(eager.rows.length).toBeGreaterThan(20);
    expect(withoutCampaign(deferred)).toEqual(withoutCampaign(eager));
  });

  it('with --replace when no unit sent twice (the linfen submissions)', async () => {
    const campaign = await linfenCampaign();
    const eager = await aggregate(linfenInputs(), campaign);
    const deferred = await aggregate(linfenInputs(), campaign, { replace: true });
    expect(deferred.summary.rowsSuperseded).toBe(0);
    expect(deferred).toEqual(eager);
  });
});

describe('streamAggregate and its row store', () => {
  it('reads the store once to write when nothing waits, twice with rules; collectReport disposes it', async () => {
    const inputs = [...fixtureInputs(), ...linfenInputs()];
    const plain = watchedStore();
    const streamed = await streamAggregate(sources(inputs), await linfenCampaign(), { store: plain });
    expect(plain.reads).toBe(0);
    expect(plain.appended).toBe(streamed.summary.rowsRead - streamed.summary.rowsRejected);
    const report = await collectReport(streamed);
    expect(plain.reads).toBe(1);
    expect(plain.disposed).toBe(1);
    expect(report).toEqual(await aggregate(inputs, await linfenCampaign()));

    const ruled = watchedStore();
    const campaign = await resolveCampaign({ ...linfen2024Campaign, plugins: [quiet] });
    const withRules = await streamAggregate(sources(inputs), campaign, { store: ruled });
    // Once for the rules, once for the summary.
    expect(ruled.reads).toBe(2);
    expect(withRules.rows.count).toBe(report.rows.length);
    await collectReport(withRules);
    expect(ruled.disposed).toBe(1);
  });

  it('disposes the store when the merge fails', async () => {
    const store = watchedStore();
    await expect(
      streamAggregate(sources(linfenInputs()), await linfenCampaign(), { store, submittedOn: '不是日期' }),
    ).rejects.toThrow(RangeError);
    expect(store.disposed).toBe(1);
  });

  it('yields the same rows on every iteration, numbered 1…n', async () => {
    const streamed = await streamAggregate(sources(linfenInputs()), await linfenCampaign());
    const first: number[] = [];
    for await (const row of streamed.rows) first.push(row.seq);
    const second: number[] = [];
    for await (const row of streamed.rows) second.push(row.seq);
    expect(first).toEqual(Array.from({ length: streamed.rows.count }, (_, index) => index + 1));
    expect(second).toEqual(first);
    await streamed.dispose();
  });
});
