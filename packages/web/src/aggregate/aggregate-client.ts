import { transfer } from 'comlink';
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

let deflateClass: Promise<WorkerConstructor> | undefined;

/** The deflating worker's code (a few kilobytes), loaded with the aggregate worker's. */
export async function deflateWorkerClass(): Promise<WorkerConstructor> {
  deflateClass ??= import('../workers/deflate.worker.ts?worker&inline').then(({ default: Worker }) => Worker);
  return deflateClass;
}

/**
 * A new aggregate worker, connected (each run gets a fresh one: a dead worker is never reused),
 * with a deflating worker beside it when given its class: the workbooks are deflated there, on
 * another core, while the aggregate worker makes the next rows. Both end together; either one
 * stopping stops the connection.
 */
export function startAggregateWorker(
  Worker: WorkerConstructor,
  DeflateWorker?: WorkerConstructor,
): WorkerConnection {
  const connection = connectWorker(new Worker({ name: 'jianshen-aggregate' }));
  if (!DeflateWorker) return connection;
  const deflating = new DeflateWorker({ name: 'jianshen-deflate' });
  const channel = new MessageChannel();
  deflating.postMessage(channel.port2, [channel.port2]);
  // comlink delivers in order: the worker has the port before it is asked to run. Should the
  // call fail, the worker deflates on its own thread, as it does without this worker.
  void Promise.resolve(connection.api.attachDeflater(transfer(channel.port1, [channel.port1]))).catch(
    () => {},
  );
  const deflatingStopped = new Promise<string>((resolve) => {
    deflating.addEventListener('error', (event) => {
      event.preventDefault();
      resolve(event.message || 'deflate worker error');
    });
  });
  return {
    api: connection.api,
    stopped: Promise.race([connection.stopped, deflatingStopped]),
    terminate: () => {
      connection.terminate();
      deflating.terminate();
    },
  };
}
