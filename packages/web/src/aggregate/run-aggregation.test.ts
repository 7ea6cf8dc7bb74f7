import type { AggregateProgress } from '@jianshen/aggregator';
import { linfen2024Campaign } from '@jianshen/schema';
import { describe, expect, it } from 'vitest';
import type { AggregateApi, AggregateRunRequest, AggregateRunResult } from './aggregate-api.js';
import { runAggregation, type WorkerConnection, WorkerStoppedError } from './run-aggregation.js';

const paths = ['侯马市.xlsx', '尧都区.xlsx', '巨大.xlsx', '霍州市.xlsx'];

function request(): AggregateRunRequest {
  return {
    campaign: linfen2024Campaign,
    lang: 'zh',
    files: paths.map((path) => ({ path, file: new Blob(['x']) as File })),
  };
}

/**
 * A stand-in worker: reports progress file by file like `aggregate`, and dies (never answers,
 * signals `stopped`) on any file in `fatal` unless the request says to skip it.
 */
function fakeWorkers(fatal: ReadonlySet<string>, dieAfterFiles = false) {
  const started: (readonly string[])[] = [];
  let terminated = 0;
  const connect = (): WorkerConnection => {
    let stop: (reason: string) => void = () => {};
    const stopped = new Promise<string>((resolve) => {
      stop = resolve;
    });
    const api: AggregateApi = {
      async run(runRequest, onProgress: (state: AggregateProgress) => void) {
        const crashed = runRequest.crashed ?? [];
        started.push(crashed);
        for (const [done, { path }] of runRequest.files.entries()) {
          onProgress({ done, total: runRequest.files.length, path });
          if (fatal.has(path) && !crashed.includes(path)) {
            stop('Uncaught RangeError: Array buffer allocation failed');
            return new Promise<AggregateRunResult>(() => {});
          }
        }
        onProgress({ done: runRequest.files.length, total: runRequest.files.length });
        if (dieAfterFiles) {
          stop('out of memory');
          return new Promise<AggregateRunResult>(() => {});
        }
        return { ok: false, kind: 'input', message: `skipped: ${crashed.join(',')}` };
      },
      download: () => Promise.reject(new Error('unused')),
      preview: () => Promise.reject(new Error('unused')),
      thumbnail: () => Promise.reject(new Error('unused')),
      attachDeflater: () => {},
    };
    return { api, stopped, terminate: () => terminated++ };
  };
  return { connect, started, terminated: () => terminated };
}

describe('runAggregation', () => {
  it('leaves out the file a worker died on, runs again in a new worker, and keeps the others', async () => {
    const workers = fakeWorkers(new Set(['巨大.xlsx']));
    const progress: AggregateProgress[] = [];
    const run = await runAggregation(request(), {
      connect: workers.connect,
      onProgress: (state) => progress.push(state),
    });
    expect(run.crashed).toEqual(['巨大.xlsx']);
    expect(workers.started).toEqual([[], ['巨大.xlsx']]);
    expect(workers.terminated()).toBe(1);
    expect(run.result).toEqual({ ok: false, kind: 'input', message: 'skipped: 巨大.xlsx' });
    expect(progress.at(-1)).toEqual({ done: 4, total: 4 });
  });

  it('skips each of several bad files in turn', async () => {
    const workers = fakeWorkers(new Set(['侯马市.xlsx', '霍州市.xlsx']));
    const run = await runAggregation(request(), { connect: workers.connect, onProgress: () => {} });
    expect(run.crashed).toEqual(['侯马市.xlsx', '霍州市.xlsx']);
    expect(workers.started).toHaveLength(3);
  });

  it('gives up with a clear error when the worker dies outside any file, or too often', async () => {
    const afterFiles = fakeWorkers(new Set(), true);
    const error = await runAggregation(request(), {
      connect: afterFiles.connect,
      onProgress: () => {},
    }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(WorkerStoppedError);
    expect(error).toMatchObject({ reason: 'out of memory', path: undefined });
    const everyFile = fakeWorkers(new Set(paths));
    const tooMany = await runAggregation(request(), {
      connect: everyFile.connect,
      onProgress: () => {},
      maxSkipped: 2,
    }).catch((caught: unknown) => caught);
    expect(tooMany).toMatchObject({ path: '巨大.xlsx' });
    expect(everyFile.started).toHaveLength(3);
  });
});
