import { readdirSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ResolvedCampaign } from '@jianshen/plugin-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aggregateSources, collectReport } from '../aggregate.js';
import { fixturesDirectory, linfenCampaign } from '../fixtures.test-support.js';
import { resolveLimits } from '../limits.js';
import { createMemoryRowStore } from '../merge/row-store.js';
import { aggregateWithReadingThread, readBounded } from './aggregate-files.js';
import { createGridReader } from './grid-reader.js';
import { writeWorkerBootstrap } from './worker-bootstrap.test-support.js';
import type { DiskSource } from './worker-pool.js';

let scratch: string;
let bootstrap: string;
let campaign: ResolvedCampaign;

beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'jianshen-reading-thread-'));
  bootstrap = await writeWorkerBootstrap(scratch, 'grid-worker.ts');
  campaign = await linfenCampaign();
});
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

/** Every fixture, as the Node entry gives files to the merge. */
function diskSources(): DiskSource[] {
  const limits = resolveLimits();
  return readdirSync(fixturesDirectory)
    .filter((name) => !name.endsWith('.py'))
    .map((name) => ({
      path: name,
      absolutePath: `${fixturesDirectory}${name}`,
      modified: new Date('2024-05-20T00:00:00Z'),
      load: () => readBounded(`${fixturesDirectory}${name}`, limits.maxFileBytes),
    }));
}

describe('aggregateWithReadingThread', () => {
  it('gives the report one thread gives, with the files read on the reading thread', async () => {
    const reader = createGridReader(bootstrap);
    const streamed = await aggregateWithReadingThread(diskSources(), campaign, {
      options: { lang: 'zh' },
      store: createMemoryRowStore(),
      reader,
    });
    const threaded = await collectReport(streamed);
    const single = await aggregateSources(diskSources(), campaign, { lang: 'zh' });
    expect(JSON.stringify(threaded)).toBe(JSON.stringify(single));
    expect(single.summary.rowsAccepted).toBeGreaterThan(50);
    // Stamped copies and files that are no submission are settled before reading.
    expect(reader.counts()).toMatchObject({ thread: expect.any(Number), here: 0 });
    expect(reader.counts().thread).toBeGreaterThan(30);
  }, 120_000);
});
