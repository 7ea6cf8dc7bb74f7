import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { normalizeText } from '@jianshen/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixturesDirectory } from '../fixtures.test-support.js';
import { corruptZip, entityExpansionWorkbook, goodWorkbook, zipBomb } from '../hostile/hostile-files.js';
import { resolveLimits } from '../limits.js';
import { type ReadOutcome, readSubmission } from '../read/read-submission.js';
import { createGridReader } from './grid-reader.js';
import { nodeInflateRaw } from './inflate-raw.js';
import { writeWorkerBootstrap } from './worker-bootstrap.test-support.js';

let scratch: string;
let bootstrap: string;

beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'jianshen-grid-reader-'));
  bootstrap = await writeWorkerBootstrap(scratch, 'grid-worker.ts');
});
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

/** Every fixture and a few hostile files: read, refused, over a limit. */
function inputs(): [string, Uint8Array][] {
  const fixtures = readdirSync(fixturesDirectory)
    .filter((name) => !name.endsWith('.py'))
    .map((name): [string, Uint8Array] => [name, new Uint8Array(readFileSync(`${fixturesDirectory}${name}`))]);
  return [
    ...fixtures,
    ['坏文件.xlsx', corruptZip()],
    ['炸弹.xlsx', zipBomb({ gigabytes: 1, honest: true })],
    ['实体.xlsx', entityExpansionWorkbook('sharedStrings')],
    ['空.xlsx', new Uint8Array(0)],
  ];
}

/**
 * An outcome without the normalised texts the reading thread adds to each row, once they are
 * checked against the table finder's own.
 */
function withoutTexts(outcome: ReadOutcome | undefined): ReadOutcome | undefined {
  if (!outcome?.ok) return outcome;
  for (const sheet of outcome.workbook.sheets) {
    for (const row of sheet.rows) {
      expect(row.texts).toStrictEqual(row.cells.map((cell) => normalizeText(cell)));
      delete row.texts;
    }
  }
  return outcome;
}

describe('createGridReader', () => {
  it('gives the outcomes readSubmission gives, for files read on its thread', async () => {
    const reader = createGridReader(bootstrap);
    const limits = resolveLimits();
    try {
      const all = inputs();
      const outcomes = await Promise.all(all.map(([name, bytes]) => reader.read(bytes, name, limits)));
      expect(reader.counts()).toEqual({ thread: all.length, here: 0 });
      for (const [index, [name, bytes]] of all.entries()) {
        const here = await readSubmission(bytes, name, limits, { inflateRaw: nodeInflateRaw });
        expect({ name, outcome: withoutTexts(outcomes[index]) }).toStrictEqual({ name, outcome: here });
      }
    } finally {
      await reader.close();
    }
  }, 120_000);

  it('gives its thread files from the start, and reads them here once it is closed', async () => {
    const reader = createGridReader(bootstrap);
    const limits = resolveLimits();
    const bytes = goodWorkbook('吉县', 2);
    // Asked before the thread has loaded the readers: the file waits for it.
    const first = await reader.read(bytes, '吉县.xlsx', limits);
    expect(reader.counts()).toEqual({ thread: 1, here: 0 });
    await reader.close();
    const after = await reader.read(bytes, '吉县.xlsx', limits);
    expect(reader.counts()).toEqual({ thread: 1, here: 1 });
    expect(withoutTexts(first)).toStrictEqual(after);
    expect(first).toMatchObject({ ok: true, format: 'xlsx' });
  }, 30_000);

  it("keeps each file's grids until they are taken, in any order", async () => {
    const reader = createGridReader(bootstrap);
    const limits = resolveLimits();
    try {
      const files = ['吉县', '蒲县', '乡宁县'].map((unit, index) => ({
        unit,
        bytes: goodWorkbook(unit, index + 1),
      }));
      const sent = files.map(({ unit, bytes }) => reader.send(bytes, `${unit}.xlsx`, limits));
      // The last first: the grids of the two before it wait until they are asked for.
      const outcomes = [await sent[2]?.take(), await sent[0]?.take(), await sent[1]?.take()];
      const expected = await Promise.all(
        [2, 0, 1].map((index) => {
          const file = files[index] as (typeof files)[number];
          return readSubmission(file.bytes, `${file.unit}.xlsx`, limits, { inflateRaw: nodeInflateRaw });
        }),
      );
      expect(outcomes.map(withoutTexts)).toStrictEqual(expected);
      expect(reader.counts()).toEqual({ thread: 3, here: 0 });
    } finally {
      await reader.close();
    }
  }, 30_000);

  it('still gives the grids a thread had handed over before it died', async () => {
    // A thread that answers its first file with an empty workbook's grids, then dies.
    const halfway = join(scratch, 'halfway-worker.mjs');
    await writeFile(
      halfway,
      `import { parentPort, workerData } from 'node:worker_threads';
let answered = false;
parentPort.on('message', (request) => {
  if (answered) process.exit(3);
  answered = true;
  const packed = {
    format: 'xlsx', date1904: false, sheets: [{ name: '附件', merges: [], rowCount: 0 }],
    rowNumbers: new Int32Array(0), rowWidths: new Int32Array(0), rowCells: new Int32Array(0),
    columns: new Int32Array(0), kinds: new Uint8Array(0), texts: [], normalized: [],
    numbers: new Float64Array(0),
  };
  workerData.replies.postMessage({ id: request.id, outcome: { ok: true, format: 'xlsx', packed } });
  parentPort.postMessage({ id: request.id, held: true });
});
`,
    );
    const reader = createGridReader(halfway);
    const limits = resolveLimits();
    try {
      const bytes = goodWorkbook('蒲县', 3);
      const first = reader.send(bytes, '附件.xlsx', limits);
      const second = reader.send(bytes, '蒲县.xlsx', limits);
      // Taken after the thread is gone: the first file's grids were already in the port.
      const secondOutcome = await second.take();
      expect(secondOutcome).toStrictEqual(
        await readSubmission(bytes, '蒲县.xlsx', limits, { inflateRaw: nodeInflateRaw }),
      );
      expect(await first.take()).toStrictEqual({
        ok: true,
        format: 'xlsx',
        workbook: { format: 'xlsx', sheets: [{ name: '附件', merges: [], rows: [] }], date1904: false },
      });
      expect(reader.counts()).toEqual({ thread: 1, here: 1 });
    } finally {
      await reader.close();
    }
  }, 30_000);

  it('reads here what a thread that died held, and everything after', async () => {
    // A thread that dies at the first file it is given.
    const dying = join(scratch, 'dying-worker.mjs');
    const given = join(scratch, 'given.txt');
    await writeFile(
      dying,
      `import { writeFileSync } from 'node:fs';
import { parentPort } from 'node:worker_threads';
parentPort.on('message', () => {
  writeFileSync(${JSON.stringify(given)}, 'given');
  process.exit(3);
});
`,
    );
    const reader = createGridReader(dying);
    const limits = resolveLimits();
    try {
      const bytes = goodWorkbook('蒲县', 3);
      const expected = await readSubmission(bytes, '蒲县.xlsx', limits, { inflateRaw: nodeInflateRaw });
      const outcomes = await Promise.all([1, 2, 3].map(() => reader.read(bytes, '蒲县.xlsx', limits)));
      for (const outcome of outcomes) expect(outcome).toStrictEqual(expected);
      expect(reader.counts()).toEqual({ thread: 0, here: 3 });
      // The files went to the thread, which died holding them.
      expect(readFileSync(given, 'utf8')).toBe('given');
    } finally {
      await reader.close();
    }
  }, 30_000);
});
