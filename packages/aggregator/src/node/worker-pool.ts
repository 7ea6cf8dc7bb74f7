import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ResolvedCampaign } from '@jianshen/plugin-kit';
import type { SubmissionSource } from '../aggregate.js';
import type { ReadLimits } from '../limits.js';
import type { PackedSubmission } from '../merge/packed-rows.js';
import { createPluginFieldGuard } from '../prepare/plugin-field-guard.js';
import { prepareSubmission } from '../prepare/prepare-submission.js';
import { runWithTimeout } from './bounded-runner.js';
import { nodeInflateRaw } from './inflate-raw.js';
import {
  campaignSignature,
  leftOutPlugins,
  type PrepareJob,
  type WorkerData,
  type WorkerReply,
} from './worker-protocol.js';

/**
 * A pool of worker threads that prepare submissions (read, find tables, parse rows) in parallel.
 * The batch is still merged on the main thread in input order, so the report is the same as
 * without the pool, byte for byte.
 */
export interface ReadPool {
  readonly size: number;
  /** Queues a file; `steal()` takes it back if no worker has started it yet. */
  prepare(job: Omit<PrepareJob, 'id'>): PoolTicket;
  /** Resolves true once at least one worker is ready, false if none could start. */
  readonly started: Promise<boolean>;
  /** Jobs each worker finished: for tests and the bench. */
  completed(): number[];
  /** Terminates the workers; once, however often it is called. */
  close(): Promise<void>;
}

export interface PoolTicket {
  result: Promise<PackedSubmission>;
  /** True when the job was still queued: it is withdrawn, and the caller does it itself. */
  steal(): boolean;
}

/** A built worker next to this module (dist/node/<name>.js or .cjs), if there is one. */
export function builtWorkerFile(name: string): string | undefined {
  const here = fileURLToPath(import.meta.url);
  const extension = extname(here);
  // From src/ (tests) there is only TypeScript, which a worker thread cannot run.
  if (!['.js', '.cjs', '.mjs'].includes(extension)) return undefined;
  // The pool may sit in a shared chunk (dist/) or in the entry itself (dist/node/).
  for (const candidate of [
    join(dirname(here), `${name}${extension}`),
    join(dirname(here), 'node', `${name}${extension}`),
  ]) {
    if (existsSync(candidate)) return candidate;
  }
  return undefined;
}

/** The built read-worker next to this module, if there is one. */
export function defaultWorkerFile(): string | undefined {
  return builtWorkerFile('read-worker');
}

const jobsPerWorker = 2;

interface Queued {
  job: PrepareJob;
  resolve: (value: PackedSubmission) => void;
  reject: (error: Error) => void;
}

interface Slot {
  worker: Worker;
  ready: boolean;
  alive: boolean;
  /** Jobs posted and not yet answered, oldest first. */
  busy: Queued[];
  completed: number;
}

/**
 * Starts `size` workers without waiting for them: until a worker has loaded the campaign, the
 * main thread takes queued files back (`steal`) and prepares them itself, so a small batch never
 * waits for workers to boot. Returns undefined when there is no built worker to start.
 */
export function createReadPool(
  campaign: ResolvedCampaign,
  options: { size: number; workerFile?: string | URL; budgetMs?: number },
): ReadPool | undefined {
  const file = options.workerFile ?? defaultWorkerFile();
  if (!file || options.size < 1) return undefined;
  const data: WorkerData = {
    // A campaign from a file is loaded again from it; anything else (the built-in campaign is
    // labelled "(built-in: …)") as the built-in one, and the signature tells if that was wrong.
    campaignPath: campaign.sourcePath && existsSync(campaign.sourcePath) ? campaign.sourcePath : undefined,
    signature: campaignSignature(campaign),
    skipPlugins: leftOutPlugins(campaign),
    ...(options.budgetMs !== undefined ? { budgetMs: options.budgetMs } : {}),
  };
  const slots: Slot[] = [];
  const queue: Queued[] = [];
  let nextId = 0;
  let closing: Promise<void> | undefined;

  const dispatch = () => {
    for (const slot of slots) {
      // Two jobs per worker: the next one waits in the worker's own inbox, so the worker never
      // idles while the main thread is busy preparing a file and cannot hand out work.
      while (slot.alive && slot.ready && slot.busy.length < jobsPerWorker) {
        const next = queue.shift();
        if (!next) return;
        slot.busy.push(next);
        slot.worker.postMessage(next.job);
      }
    }
    // Every worker gone: nothing will run what is left (the callers prepare it themselves).
    if (!slots.some((slot) => slot.alive)) {
      for (const waiting of queue.splice(0)) waiting.reject(new Error('read pool has no workers left'));
    }
  };

  const readiness: Promise<boolean>[] = [];
  for (let index = 0; index < options.size; index++) {
    const { slot, ready } = startWorker({ file, data, dispatch });
    slots.push(slot);
    readiness.push(ready);
  }
  const started = (async () => {
    const results = await Promise.all(readiness);
    return results.some(Boolean);
  })();

  return {
    size: slots.length,
    started,
    prepare: (job) => {
      const queued = { job: { ...job, id: nextId++ } } as Queued;
      const result = new Promise<PackedSubmission>((resolve, reject) => {
        queued.resolve = resolve;
        queued.reject = reject;
      });
      // Tickets are queued ahead of the loop that reads them; a pool that loses its workers rejects
      // them before anyone awaits, which must not surface as an unhandled rejection.
      result.catch(() => {});
      queue.push(queued);
      dispatch();
      return {
        result,
        steal: () => {
          const at = queue.indexOf(queued);
          if (at < 0) return false;
          queue.splice(at, 1);
          return true;
        },
      };
    },
    completed: () => slots.map((slot) => slot.completed),
    close: () => {
      closing ??= closePool(slots, queue);
      return closing;
    },
  };
}

/** Stops every worker: their heaps (50–90 MB each) are freed before the outputs are written. */
async function closePool(slots: Slot[], queue: Queued[]): Promise<void> {
  for (const slot of slots) slot.alive = false;
  for (const waiting of queue.splice(0)) waiting.reject(new Error('read pool closed'));
  await Promise.all(slots.map((slot) => slot.worker.terminate()));
}

/** A file on disk as the Node entry knows it. */
export interface DiskSource extends SubmissionSource {
  /** Absolute path. */
  absolutePath: string;
}

/**
 * Gives each source a `prepare` for the merge loop, which asks for files in input order. Up to
 * `window` files ahead are queued on the pool (memory stays flat however many files the batch
 * has). The main thread works too: the file the loop asks for is taken back when no worker has
 * started it yet, and while a worker finishes it the main thread prepares the furthest file still
 * queued. A file a worker fails on (the worker crashed) is prepared on the main thread as well.
 */
export function prepareOnPool(
  sources: readonly DiskSource[],
  pool: ReadPool,
  campaign: ResolvedCampaign,
  options: {
    window: number;
    limits: ReadLimits;
    submittedOn?: string;
    budgetMs?: number;
    /** Workers send rows back packed (see `PrepareJob.pack`); only where the merge takes them. */
    pack?: { withRules: boolean };
  },
): SubmissionSource[] {
  const tickets = new Map<number, PoolTicket>();
  let launched = 0;
  const pluginFieldGuard = createPluginFieldGuard(campaign.fields, {
    runBounded: runWithTimeout,
    ...(options.budgetMs !== undefined ? { budgetMs: options.budgetMs } : {}),
  });
  const local = (source: DiskSource) =>
    prepareSubmission(source, campaign, {
      limits: options.limits,
      inflateRaw: nodeInflateRaw,
      ...(pluginFieldGuard ? { pluginFieldGuard } : {}),
      ...(options.submittedOn !== undefined ? { submittedOn: options.submittedOn } : {}),
    });
  const launchUpTo = (last: number) => {
    for (; launched < sources.length && launched <= last; launched++) {
      const source = sources[launched]!;
      tickets.set(
        launched,
        pool.prepare({
          path: source.absolutePath,
          shown: source.path,
          ...(source.modified ? { modified: source.modified.getTime() } : {}),
          ...(source.fromFolder ? { fromFolder: true } : {}),
          ...(source.listed ? { listed: source.listed } : {}),
          limits: options.limits,
          ...(options.submittedOn !== undefined ? { submittedOn: options.submittedOn } : {}),
          ...(options.pack ? { pack: options.pack } : {}),
        }),
      );
    }
  };
  const stealFurthest = (after: number): number | undefined => {
    for (let candidate = launched - 1; candidate > after; candidate--) {
      if (tickets.get(candidate)?.steal()) return candidate;
    }
    return undefined;
  };
  const prepareAt = async (source: DiskSource, index: number): Promise<PackedSubmission> => {
    // A turn of the event loop first: the main thread reads files with synchronous calls, and
    // without this the workers' messages (ready, done) would wait until the whole batch is done.
    await new Promise((resolve) => setImmediate(resolve));
    // The file asked for is not queued: the window covers the files after it.
    launched = Math.max(launched, index + 1);
    launchUpTo(index + options.window);
    const ticket = tickets.get(index);
    tickets.delete(index);
    if (!ticket || ticket.steal()) return local(source);
    // A worker has it. Rather than wait, take the furthest file no worker has started yet and
    // prepare it here, until the one asked for is done.
    let done = false;
    const result = ticket.result.then(
      (prepared) => {
        done = true;
        return prepared;
      },
      () => {
        done = true;
        return local(source);
      },
    );
    while (!done) {
      launchUpTo(index + options.window);
      const ahead = stealFurthest(index);
      if (ahead === undefined) break;
      const prepared = await local(sources[ahead]!);
      tickets.set(ahead, { result: Promise.resolve(prepared), steal: () => false });
      await new Promise((resolve) => setImmediate(resolve));
    }
    return result;
  };
  return sources.map((source, index) => ({
    path: source.path,
    ...(source.modified ? { modified: source.modified } : {}),
    load: source.load,
    prepare: async () => {
      const prepared = await prepareAt(source, index);
      // The merge asks for files in order: after the last one the workers have nothing left to
      // do, and are stopped before the rest of the merge and the outputs (their heaps freed).
      if (index === sources.length - 1) await pool.close();
      return prepared;
    },
  }));
}

/**
 * Threads that prepare files by default, the main thread included: one per core but one, and at
 * most two. V8 collects garbage on a core of its own beside the main thread; on the 2-core
 * machine of the bench a worker thread only competed with it (120 files: 4.1–4.9 s and 270 MB
 * with a worker, 4.0–4.4 s and 180 MB without). Each worker costs 50–90 MB of memory (its own V8
 * heap and a copy of the kit): with three threads the batch of 2,800 files peaked at 338 MB, with
 * two at 280 MB, so more than one worker is only started when asked for (`threads`). Measured
 * again for issue 18 (120 files, read alone, 2 shared cores at load 5-9, alternating): one
 * thread 4.0-4.7 s of CPU, 180-190 MB; a worker beside the main thread 6.9-7.6 s of CPU (the
 * worker loading the kit, every row cloned across, a second heap to collect) and 310-340 MB.
 * Workers now hand rows back as the store's lines (`PackedRows`: the main thread's cost per worker
 * file went from ~800 ms of clone, JSON and garbage per batch to ~50 ms), and still a worker does
 * not pay on 2 cores. Per thread (read alone, 120 files, load 3-5): one thread, main 2.9 s and
 * V8's helper threads (garbage collection, optimising compiler) 1.3 s of CPU, so the second core
 * is already a third busy; with a worker, main 2.1-2.5 s, worker 1.6-1.9 s (0.5 s of it loading
 * the kit) and helpers 2.3-2.5 s (a second heap, the kit compiled again): 5.6-6.3 s of CPU, what
 * two cores give in the 3.0 s one thread takes, so not faster even on an idle machine. On
 * the shared machine (the kernel shares CPU between sessions, so a second thread gets no more
 * of it) reading took 3.1-5.9 s alone against 5.5-8.9 s with a worker, the CLI job 9.3-14.2 s
 * against 15.5-17.1 s, and 2,800 files 11.6-20.4 s against 21.2-26.1 s, at 270-283 MB against
 * 375-386 MB (load 3-6.5, alternating). On 2 cores the default stays one thread that prepares
 * files, with a thread beside it that only reads them (`aggregateWithReadingThread`), which pays.
 */
export function defaultThreads(): number {
  return Math.max(1, Math.min(availableParallelism() - 1, 2));
}

/**
 * One worker and its slot. `ready` settles true once the worker has loaded the campaign, false
 * when it fails first; a worker that fails later rejects the jobs it holds and the pool
 * `dispatch`es the rest to the others.
 */
function startWorker(options: { file: string | URL; data: WorkerData; dispatch: () => void }): {
  slot: Slot;
  ready: Promise<boolean>;
} {
  const { file, data, dispatch } = options;
  // A smaller young generation than V8's default: 10–20 MB less per worker, the same speed.
  const worker = new Worker(file, { workerData: data, resourceLimits: { maxYoungGenerationSizeMb: 24 } });
  const slot: Slot = { worker, ready: false, alive: true, busy: [], completed: 0 };
  const ready = new Promise<boolean>((settle) => {
    const fail = (error: Error) => {
      if (!slot.alive) return;
      slot.alive = false;
      settle(false);
      for (const waiting of slot.busy.splice(0)) waiting.reject(error);
      dispatch();
    };
    worker.on('message', (reply: WorkerReply) => {
      if (reply.type === 'ready') {
        slot.ready = true;
        settle(true);
        dispatch();
      } else if (reply.type === 'init-failed') {
        fail(new Error(reply.reason));
        void worker.terminate();
      } else {
        settleJob(slot, reply);
        dispatch();
      }
    });
    worker.on('error', fail);
    worker.on('exit', () => fail(new Error('read worker exited')));
  });
  return { slot, ready };
}

/** Answers the job a reply belongs to. */
function settleJob(slot: Slot, reply: Extract<WorkerReply, { type: 'done' | 'failed' }>): void {
  // The worker interleaves its two jobs while it waits for the disk: match by id.
  const at = slot.busy.findIndex((waiting) => waiting.job.id === reply.id);
  if (at < 0) return;
  const [{ resolve, reject }] = slot.busy.splice(at, 1) as [Queued];
  slot.completed += 1;
  if (reply.type === 'done') resolve(reply.prepared);
  else reject(new Error(reply.reason));
}
