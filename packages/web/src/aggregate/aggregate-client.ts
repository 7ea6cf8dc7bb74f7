import { connectWorker, type WorkerConnection } from './run-aggregation.js';

type WorkerConstructor = new (options?: { name?: string }) => Worker;

let workerClass: Promise<WorkerConstructor> | undefined;

/**
 * The aggregate worker's code is loaded on the first aggregation (the aggregator and the charts
 * stay out of the page's first paint). A classic worker from an inlined blob: module workers
 * from blob: fail on a file:// page in Chromium.
 */
export async function aggregateWorkerClass(): Promise<WorkerConstructor> {
  workerClass ??= import('../workers/aggregate.worker.ts?worker&inline').then(
    ({ default: Worker }) => Worker,
  );
  return workerClass;
}

/** A new aggregate worker, connected (each run gets a fresh one: a dead worker is never reused). */
export function startAggregateWorker(Worker: WorkerConstructor): WorkerConnection {
  return connectWorker(new Worker({ name: 'jianshen-aggregate' }));
}
