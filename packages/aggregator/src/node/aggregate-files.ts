import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { ResolvedCampaign } from '@jianshen/plugin-kit';
import { phrase } from '@jianshen/schema';
import { collectReport, streamAggregate, submissionDay } from '../aggregate.js';
import { type ReadLimits, resolveLimits, UnreadableError } from '../limits.js';
import type { AggregateOptions, AggregateReport, StreamedReport } from '../report.js';
import type { RowStore } from '../row-store.js';
import { createMemoryRowStore } from '../row-store.js';
import { isFolderSubmission, isIgnoredName } from '../submission-names.js';
import { createFileRowStore } from './file-row-store.js';
import { createHeapGuard } from './heap-guard.js';
import { nodeInflateRaw } from './inflate-raw.js';
import { rememberInputs } from './input-registry.js';
import { createReadPool, type DiskSource, defaultThreads, prepareOnPool } from './worker-pool.js';

export interface AggregateFilesOptions extends AggregateOptions {
  /** Base for relative inputs and for the paths shown in the report (default: process.cwd()). */
  cwd?: string;
  /**
   * Threads that read and check files in parallel, the main thread included (default: the cores
   * available but one, which V8's garbage collection uses); 1 reads on the main thread only.
   * The report is the same either way.
   */
  threads?: number;
}

async function walk(directory: string, found: string[]): Promise<void> {
  const entries = await readdir(directory, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    if (isIgnoredName(entry.name)) continue;
    const path = join(directory, entry.name);
    if (entry.isDirectory()) await walk(path, found);
    else if (entry.isFile() && isFolderSubmission(entry.name)) found.push(path);
  }
}

/** Expands files and folders (recursively, sorted) into absolute file paths, each once. */
export async function collectSubmissionFiles(
  inputs: readonly string[],
  cwd = process.cwd(),
): Promise<string[]> {
  const files: string[] = [];
  for (const input of inputs) {
    const path = resolve(cwd, input);
    const info = await stat(path).catch(() => undefined);
    if (info?.isDirectory()) await walk(path, files);
    else files.push(path);
  }
  return [...new Set(files)];
}

function shownPath(path: string, cwd: string): string {
  const shown = relative(cwd, path);
  return shown === '' || shown.startsWith('..') || isAbsolute(shown) ? path : shown.split(sep).join('/');
}

/**
 * Reads at most `limit` bytes: a file over the limit is refused without being loaded whole.
 * Synchronous calls inside: a submission is small, and a promise per system call cost more
 * than the read itself (a tenth of the time for 2,800 county files).
 */
export async function readBounded(path: string, limit: number): Promise<Uint8Array> {
  let descriptor: number;
  try {
    descriptor = openSync(path, 'r');
  } catch (caught) {
    const error = caught as NodeJS.ErrnoException;
    if (error.code === 'ENOENT') throw new UnreadableError(phrase('no-such-file'));
    if (error.code === 'EACCES' || error.code === 'EPERM') {
      throw new UnreadableError(phrase('permission-denied'));
    }
    if (error.code === 'EISDIR') throw new UnreadableError(phrase('is-folder'));
    throw error;
  }
  try {
    const info = fstatSync(descriptor);
    if (info.isDirectory()) throw new UnreadableError(phrase('is-folder'));
    const length = Math.min(info.size, limit + 1);
    const buffer = new Uint8Array(length);
    let offset = 0;
    while (offset < length) {
      const bytesRead = readSync(descriptor, buffer, offset, length - offset, offset);
      if (bytesRead === 0) break;
      offset += bytesRead;
    }
    return buffer.subarray(0, offset);
  } catch (caught) {
    const error = caught as NodeJS.ErrnoException;
    if (error.code === 'EISDIR') throw new UnreadableError(phrase('is-folder'));
    throw error;
  } finally {
    closeSync(descriptor);
  }
}

/**
 * Aggregates files and folders from disk: folders are searched recursively (Office lock files
 * and hidden files skipped), each file's modification time is its submission time, and only one
 * file is in memory at a time. A missing file is one error for that file, like a broken one.
 * The accepted rows are returned in memory; for batches of any size use `streamAggregateFiles`.
 */
export async function aggregateFiles(
  inputs: readonly string[],
  campaign: ResolvedCampaign,
  options: AggregateFilesOptions = {},
): Promise<AggregateReport> {
  const { report, paths } = await aggregateFromDisk(inputs, campaign, options, createMemoryRowStore());
  const collected = await collectReport(report);
  rememberInputs(collected, paths);
  return collected;
}

/**
 * `aggregateFiles` with the rows spilled to a temporary file and read back whenever the report's
 * `rows` are iterated (as `writeAggregateOutputs` does): memory stays flat however many files
 * and rows the batch has. Call `dispose()` when done to delete the spill file.
 */
export async function streamAggregateFiles(
  inputs: readonly string[],
  campaign: ResolvedCampaign,
  options: AggregateFilesOptions = {},
): Promise<StreamedReport> {
  const { report, paths } = await aggregateFromDisk(inputs, campaign, options, createFileRowStore());
  rememberInputs(report, paths);
  return report;
}

async function aggregateFromDisk(
  inputs: readonly string[],
  campaign: ResolvedCampaign,
  options: AggregateFilesOptions,
  store: RowStore,
): Promise<{ report: StreamedReport; paths: string[] }> {
  const cwd = options.cwd ?? process.cwd();
  const limits = resolveLimits(options.limits);
  let paths: string[];
  let totalBytes = 0;
  const sources: DiskSource[] = [];
  try {
    paths = await collectSubmissionFiles(inputs, cwd);
    for (const path of paths) {
      const info = await stat(path).catch(() => undefined);
      totalBytes += info?.size ?? 0;
      sources.push({
        path: shownPath(path, cwd),
        absolutePath: path,
        ...(info ? { modified: info.mtime } : {}),
        load: () => readBounded(path, limits.maxFileBytes),
      });
    }
  } catch (error) {
    await store.dispose();
    throw error;
  }
  return { report: await aggregateOnPool(sources, totalBytes, campaign, options, limits, store), paths };
}

/**
 * Batches smaller than this are read on the main thread: a worker spends ~0.4 s of CPU loading
 * the kit and the campaign, about what one thread needs for 1 MB of submissions (measured: 20
 * county files, 0.5 MB, took 1.1 s on one thread and 1.7 s with a worker on a busy machine).
 */
const smallestPooledBytes = 2 * 1024 * 1024;
const smallestPooledBatch = 4;

/**
 * Prepares the files on the main thread and a pool of worker threads together when it can pay
 * (several files, several cores); the merge stays on the main thread, in input order.
 */
async function aggregateOnPool(
  sources: DiskSource[],
  totalBytes: number,
  campaign: ResolvedCampaign,
  options: AggregateFilesOptions,
  limits: ReadLimits,
  store: RowStore,
): Promise<StreamedReport> {
  // Garbage is collected as files come, so memory stays flat over thousands of files.
  const guard = createHeapGuard();
  const onProgress = options.onProgress;
  options = {
    ...options,
    // zlib unless the caller brings another inflater.
    inflateRaw: options.inflateRaw ?? nodeInflateRaw,
    onProgress: (state) => {
      guard.check();
      onProgress?.(state);
    },
  };
  const threads = Math.min(options.threads ?? defaultThreads(), sources.length);
  const pool =
    threads > 1 && sources.length >= smallestPooledBatch && totalBytes >= smallestPooledBytes
      ? createReadPool(campaign, { size: threads - 1 })
      : undefined;
  if (!pool) return streamAggregate(sources, campaign, { ...options, store });
  try {
    // A window of a few files per worker: enough to keep every worker busy, and memory flat.
    const pooled = prepareOnPool(sources, pool, campaign, {
      window: threads * 8,
      limits,
      ...(options.submittedOn !== undefined ? { submittedOn: submissionDay(options.submittedOn) } : {}),
    });
    return await streamAggregate(pooled, campaign, { ...options, store });
  } finally {
    await pool.close();
  }
}
