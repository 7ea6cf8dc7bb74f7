import type { AggregateProgress } from '@jianshen/aggregator';
import { proxy, type Remote, wrap } from 'comlink';
import type { AggregateApi, AggregateRunRequest, AggregateRunResult } from './aggregate-api.js';

/** A started aggregate worker: its API, a promise that settles if it dies, and a way to stop it. */
export interface WorkerConnection {
  api: Remote<AggregateApi> | AggregateApi;
  /** Resolves with what the browser said when the worker stopped (crash, out of memory). */
  stopped: Promise<string>;
  terminate(): void;
}

/** Connects to a real worker: its `error` event (an uncaught error, out of memory) ends it. */
export function connectWorker(worker: Worker): WorkerConnection {
  const stopped = new Promise<string>((resolve) => {
    worker.addEventListener('error', (event) => {
      event.preventDefault();
      resolve(event.message || 'worker error');
    });
    worker.addEventListener('messageerror', () => resolve('messageerror'));
  });
  return { api: wrap<AggregateApi>(worker), stopped, terminate: () => worker.terminate() };
}

/** The worker stopped outside any one file (e.g. while writing): nothing to leave out and retry. */
export class WorkerStoppedError extends Error {
  override readonly name = 'WorkerStoppedError';
  constructor(
    readonly reason: string,
    readonly path: string | undefined,
  ) {
    super(reason);
  }
}

export interface RunOptions {
  connect: () => WorkerConnection;
  onProgress: (state: AggregateProgress) => void;
  /** Files left out before giving up (default 5): a worker that dies on every file is broken. */
  maxSkipped?: number;
}

export interface FinishedRun {
  connection: WorkerConnection;
  result: AggregateRunResult;
  /** Files the worker stopped on: reported in the result as file-unreadable, not read. */
  crashed: string[];
}

/**
 * Runs an aggregation in a worker and survives the worker dying: the file it was reading when
 * it stopped (the last progress report names it) is left out, a new worker runs the batch
 * again, and that file comes back as its own file-unreadable issue; the others' results stay.
 */
export async function runAggregation(
  request: AggregateRunRequest,
  options: RunOptions,
): Promise<FinishedRun> {
  const crashed = [...(request.crashed ?? [])];
  const maxSkipped = options.maxSkipped ?? 5;
  for (;;) {
    const connection = options.connect();
    let reading: string | undefined;
    const onProgress = (state: AggregateProgress) => {
      reading = state.path;
      options.onProgress(state);
    };
    const outcome = await Promise.race([
      connection.api
        .run({ ...request, crashed: [...crashed] }, proxy(onProgress))
        .then((result) => ({ result })),
      connection.stopped.then((reason) => ({ reason })),
    ]);
    if ('result' in outcome) return { connection, result: outcome.result, crashed };
    connection.terminate();
    if (reading === undefined || crashed.includes(reading) || crashed.length >= maxSkipped)
      throw new WorkerStoppedError(outcome.reason, reading);
    crashed.push(reading);
  }
}
