import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ResolvedCampaign } from '@jianshen/plugin-kit';
import type { Lang } from '@jianshen/schema';
import type { SubmissionSource } from '../aggregate.js';
import type { ReadLimits } from '../limits.js';
import { type PreparedSubmission, prepareSubmission } from '../prepare-submission.js';
import { campaignSignature, type PrepareJob, type WorkerData, type WorkerReply } from './worker-protocol.js';

/**
 * A pool of worker threads that prepare submissions (read, find tables, parse rows) in parallel.
 * The batch is still merged on the main thread in input order, so the report is the same as
 * without the pool, byte for byte.
 */
export interface ReadPool {
  readonly size: number;
  prepare(job: Omit<PrepareJob, 'id'>): Promise<PreparedSubmission>;
  /** Jobs each worker finished: for tests and the bench. */
  completed(): number[];
  close(): Promise<void>;
}

/** The built read-worker next to this module (dist/node/read-worker.js or .cjs), if there is one. */
export function defaultWorkerFile(): string | undefined {
  // In the CommonJS build `import.meta` is empty, and __filename is the module itself.
  const here = typeof __filename === 'string' ? __filename : fileURLToPath(import.meta.url);
  const extension = extname(here);
  // From src/ (tests) there is only TypeScript, which a worker thread cannot run.
  if (!['.js', '.cjs', '.mjs'].includes(extension)) return undefined;
  for (const candidate of [
    join(dirname(here), `read-worker${extension}`),
    join(dirname(here), 'node', `read-worker${extension}`),
  ]) {
    if (existsSync(candidate)) return candidate;
  }
  return undefined;
}

interface Slot {
  worker: Worker;
  busy?: { id: number; resolve: (value: PreparedSubmission) => void; reject: (error: Error) => void };
  completed: number;
  alive: boolean;
}

/**
 * Starts `size` workers and waits until each has loaded the campaign. Resolves to undefined when
 * the pool cannot be used (no built worker, a campaign the workers cannot load identically):
 * the caller then prepares files on the main thread.
 */
export async function createReadPool(
  campaign: ResolvedCampaign,
  options: { size: number; lang: Lang; workerFile?: string | URL; execArgv?: string[] },
): Promise<ReadPool | undefined> {
  const file = options.workerFile ?? defaultWorkerFile();
  if (!file || options.size < 1) return undefined;
  const data: WorkerData = {
    // A campaign from a file is loaded again from it; anything else (the built-in campaign is
    // labelled "(built-in: …)") as the built-in one, and the signature tells if that was wrong.
    campaignPath: campaign.sourcePath && existsSync(campaign.sourcePath) ? campaign.sourcePath : undefined,
    signature: campaignSignature(campaign),
    lang: options.lang,
  };
  const slots: Slot[] = [];
  const queue: {
    job: PrepareJob;
    resolve: (value: PreparedSubmission) => void;
    reject: (error: Error) => void;
  }[] = [];
  let nextId = 0;

  const dispatch = () => {
    for (const slot of slots) {
      if (!slot.alive || slot.busy) continue;
      const next = queue.shift();
      if (!next) return;
      slot.busy = { id: next.job.id, resolve: next.resolve, reject: next.reject };
      slot.worker.postMessage(next.job);
    }
    // Every worker gone: nothing will run what is left.
    if (!slots.some((slot) => slot.alive)) {
      for (const waiting of queue.splice(0)) waiting.reject(new Error('read pool has no workers left'));
    }
  };

  const started = await Promise.all(
    Array.from({ length: options.size }, () => {
      const worker = new Worker(file, {
        workerData: data,
        ...(options.execArgv ? { execArgv: options.execArgv } : {}),
      });
      const slot: Slot = { worker, completed: 0, alive: true };
      slots.push(slot);
      return new Promise<boolean>((ready) => {
        const fail = (error: Error) => {
          slot.alive = false;
          ready(false);
          slot.busy?.reject(error);
          slot.busy = undefined;
          dispatch();
        };
        worker.on('message', (reply: WorkerReply) => {
          if (reply.type === 'ready') ready(true);
          else if (reply.type === 'init-failed') fail(new Error(reply.reason));
          else if (slot.busy && reply.id === slot.busy.id) {
            const { resolve, reject } = slot.busy;
            slot.busy = undefined;
            slot.completed += 1;
            if (reply.type === 'done') resolve(reply.prepared);
            else reject(new Error(reply.reason));
            dispatch();
          }
        });
        worker.on('error', fail);
        worker.on('exit', () => fail(new Error('read worker exited')));
      });
    }),
  );
  const close = async () => {
    await Promise.all(
      slots.map((slot) => {
        slot.alive = false;
        return slot.worker.terminate();
      }),
    );
  };
  if (!started.every(Boolean)) {
    await close();
    return undefined;
  }
  return {
    size: slots.length,
    prepare: (job) =>
      new Promise((resolve, reject) => {
        queue.push({ job: { ...job, id: nextId++ }, resolve, reject });
        dispatch();
      }),
    completed: () => slots.map((slot) => slot.completed),
    close,
  };
}

/** A file on disk as the Node entry knows it. */
export interface DiskSource extends SubmissionSource {
  /** Absolute path. */
  absolutePath: string;
}

/**
 * Gives each source a `prepare` that runs on the pool, keeping at most `window` files in flight
 * ahead of the one being merged: memory stays flat however many files the batch has. A file the
 * pool fails on (a worker crashed) is prepared on the main thread instead.
 */
export function prepareOnPool(
  sources: readonly DiskSource[],
  pool: ReadPool,
  campaign: ResolvedCampaign,
  options: { window: number; lang: Lang; limits: ReadLimits; submittedOn?: string },
): SubmissionSource[] {
  const inFlight = new Map<number, Promise<PreparedSubmission>>();
  let launched = 0;
  const local = (source: DiskSource) =>
    prepareSubmission(source, campaign, {
      lang: options.lang,
      limits: options.limits,
      ...(options.submittedOn !== undefined ? { submittedOn: options.submittedOn } : {}),
    });
  const launchUpTo = (last: number) => {
    for (; launched < sources.length && launched <= last; launched++) {
      const source = sources[launched]!;
      inFlight.set(
        launched,
        pool
          .prepare({
            path: source.absolutePath,
            shown: source.path,
            ...(source.modified ? { modified: source.modified.getTime() } : {}),
            limits: options.limits,
            lang: options.lang,
            ...(options.submittedOn !== undefined ? { submittedOn: options.submittedOn } : {}),
          })
          .catch(() => local(source)),
      );
    }
  };
  return sources.map((source, index) => ({
    path: source.path,
    ...(source.modified ? { modified: source.modified } : {}),
    load: source.load,
    prepare: () => {
      launchUpTo(index + options.window);
      const prepared = inFlight.get(index) ?? local(source);
      inFlight.delete(index);
      return prepared;
    },
  }));
}

/** Threads to use by default: one per core the process may use. */
export function defaultThreads(): number {
  return availableParallelism();
}
