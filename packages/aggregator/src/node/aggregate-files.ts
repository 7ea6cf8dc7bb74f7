import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { isAbsolute, relative, sep } from 'node:path';
import type { ResolvedCampaign } from '@jianshen/plugin-kit';
import { defaultLang, phrase } from '@jianshen/schema';
import {
  collectReport,
  countsWhenRead,
  filePreparer,
  type StreamAggregateOptions,
  streamAggregate,
  submissionDay,
  takesPackedRows,
} from '../aggregate.js';
import { type ReadLimits, resolveLimits, UnreadableError } from '../limits.js';
import type { RowStore } from '../merge/row-store.js';
import { createDiscardingRowStore, createMemoryRowStore } from '../merge/row-store.js';
import type { AggregateOptions, AggregateReport, StreamedReport } from '../report.js';
import { runWithTimeout } from './bounded-runner.js';
import { createFileRowStore } from './file-row-store.js';
import { createGridReader, type GridReader } from './grid-reader.js';
import { createHeapGuard, defaultHeapAllowance } from './heap-guard.js';
import { nodeInflateRaw } from './inflate-raw.js';
import { rememberInputs } from './input-registry.js';
import { type InputEntry, listInputs } from './list-inputs.js';
import { readAhead, sentWhenLoaded } from './read-ahead.js';
import { type WorkbookRowsWriter, writeWorkbookRowsAhead } from './workbook-rows.js';
import {
  builtWorkerFile,
  createReadPool,
  type DiskSource,
  defaultThreads,
  prepareOnPool,
} from './worker-pool.js';

export interface AggregateFilesOptions extends AggregateOptions {
  /** Base for relative inputs and for the paths shown in the report (default: process.cwd()). */
  cwd?: string;
  /**
   * Threads that read and check files in parallel, the main thread included (default: the cores
   * available but one, at most two); 1 reads on the main thread only (no reading thread either).
   * The report is the same either way.
   */
  threads?: number;
  /**
   * `false`: only the issues and the counts are wanted (`jianshen validate`), so
   * `streamAggregateFiles` keeps no rows to read back (no spill file), and iterating the report's
   * rows is an error. The rows are kept anyway when the merge itself reads them back (a campaign
   * with rules, or `replace`). Default true.
   */
  keepRows?: boolean;
  /**
   * Read the files (zip, XML, cells) on a thread of their own while this one checks them, when
   * the files are prepared on the main thread (default: when there is a second core and
   * `threads` is not given). The report is the same either way.
   */
  readingThread?: boolean;
  /**
   * `streamAggregateFiles` writes the consolidated workbook's rows while it reads, for outputs
   * written in `lang` with `maskPhone` as given here (the CLI passes its own): the workbook then
   * copies them instead of reading every row back (`WorkbookRowsAhead`; 2 cores, 2,800 files:
   * the job in 0.90 of the time). Only when every row is final as it is read (no `replace`, no
   * plugin rules) and the files are checked on this thread; otherwise, or for other options, the
   * workbook makes its rows itself. The outputs are the same, byte for byte.
   */
  workbookRows?: { maskPhone?: boolean };
}

/** The options a run of files goes on with: the caller's, and who hears of final rows. */
type RunOptions = AggregateFilesOptions & Pick<StreamAggregateOptions, 'onFinalRow'>;

/**
 * Expands files and folders (recursively, sorted) into absolute file paths, each once: every
 * file of a folder, those the report will list as ignored included (see `listInputs`).
 */
export async function collectSubmissionFiles(
  inputs: readonly string[],
  cwd = process.cwd(),
): Promise<string[]> {
  return (await listInputs(inputs, cwd)).map((entry) => entry.path);
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
    if (error.code === 'ELOOP') throw new UnreadableError(phrase('symlink-loop'));
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
 * and rows the batch has. Call `dispose()` when done to delete the spill file. With `keepRows:
 * false` nothing is spilled: the report has every issue and count, but not its rows.
 */
export async function streamAggregateFiles(
  inputs: readonly string[],
  campaign: ResolvedCampaign,
  options: AggregateFilesOptions = {},
): Promise<StreamedReport> {
  const keepsNoRows = options.keepRows === false && countsWhenRead(campaign, options);
  const store = keepsNoRows ? createDiscardingRowStore() : createFileRowStore();
  const ahead =
    options.workbookRows && !keepsNoRows && countsWhenRead(campaign, options)
      ? writeWorkbookRowsAhead(campaign, { lang: options.lang ?? defaultLang, ...options.workbookRows })
      : undefined;
  const run: RunOptions = ahead ? { ...options, onFinalRow: (row) => ahead.add(row) } : options;
  const { report, paths } = await aggregateFromDisk(inputs, campaign, run, store).catch((error: unknown) => {
    ahead?.dispose();
    throw error;
  });
  rememberInputs(report, paths);
  return ahead ? withWorkbookRows(report, ahead) : report;
}

/**
 * The report with the rows written ahead, when every accepted row is there and zlib wrote them
 * all; removed with it. Otherwise the workbook makes its rows itself.
 */
async function withWorkbookRows(report: StreamedReport, ahead: WorkbookRowsWriter): Promise<StreamedReport> {
  const rows = await ahead.finish().catch(() => undefined);
  if (rows?.rowCount !== report.summary.rowsAccepted) {
    ahead.dispose();
    return report;
  }
  const dispose = report.dispose.bind(report);
  return Object.assign(report, {
    workbookRows: rows,
    dispose: async () => {
      ahead.dispose();
      await dispose();
    },
  });
}

async function aggregateFromDisk(
  inputs: readonly string[],
  campaign: ResolvedCampaign,
  options: RunOptions,
  store: RowStore,
): Promise<{ report: StreamedReport; paths: string[] }> {
  const cwd = options.cwd ?? process.cwd();
  const limits = resolveLimits(options.limits);
  let paths: string[];
  let totalBytes = 0;
  const sources: DiskSource[] = [];
  try {
    const entries = await listInputs(inputs, cwd);
    paths = entries.map((entry) => entry.path);
    // Each file's stats asked for together (see `listInputs`), kept in input order.
    for (const source of await Promise.all(entries.map((entry) => diskSource(entry, cwd, limits)))) {
      totalBytes += source.size;
      sources.push(source.source);
    }
  } catch (error) {
    await store.dispose();
    throw error;
  }
  return { report: await aggregateOnPool(sources, totalBytes, campaign, options, limits, store), paths };
}

/** A listed entry as the merge takes it; the walk's verdict (ignored, unreadable) rides along. */
async function diskSource(
  entry: InputEntry,
  cwd: string,
  limits: ReadLimits,
): Promise<{ source: DiskSource; size: number }> {
  // Entries the walk settled are never opened (a FIFO in a folder would block the read); a file
  // listing already stat'ed is not asked again.
  const info = entry.listed ? undefined : (entry.stats ?? (await stat(entry.path).catch(() => undefined)));
  const source: DiskSource = {
    path: shownPath(entry.path, cwd),
    absolutePath: entry.path,
    ...(info ? { modified: info.mtime } : {}),
    ...(entry.fromFolder ? { fromFolder: true } : {}),
    ...(entry.listed ? { listed: { ...entry.listed, ...listedTarget(entry.listed, cwd) } } : {}),
    load: () => readBounded(entry.path, limits.maxFileBytes),
  };
  return { source, size: info?.size ?? 0 };
}

/** A link's target as the report shows paths (relative to cwd). */
function listedTarget(listed: InputEntry['listed'], cwd: string): { target?: string } {
  if (listed?.kind !== 'ignored' || listed.target === undefined) return {};
  return { target: relative(cwd, listed.target) === '' ? '.' : shownPath(listed.target, cwd) };
}

/**
 * Batches smaller than this are read on the main thread: a worker spends ~0.4 s of CPU loading
 * the kit and the campaign, about what one thread needs for 1 MB of submissions (measured: 20
 * county files, 0.5 MB, took 1.1 s on one thread and 1.7 s with a worker on a busy machine).
 */
const smallestPooledBytes = 2 * 1024 * 1024;
const smallestPooledBatch = 4;

/** Files read ahead of the one being checked (see `readAhead`). */
const readAheadFiles = 4;

/**
 * Prepares the files on the main thread and a pool of worker threads together when it can pay
 * (several files, several cores); the merge stays on the main thread, in input order.
 */
async function aggregateOnPool(
  sources: DiskSource[],
  totalBytes: number,
  campaign: ResolvedCampaign,
  options: RunOptions,
  limits: ReadLimits,
  store: RowStore,
): Promise<StreamedReport> {
  const threads = Math.min(options.threads ?? defaultThreads(), sources.length);
  // A smaller batch is done before a worker (~0.4 s of CPU) or the reading thread (~0.1 s and
  // ~22 MB to start) could take a file.
  const bigEnough = sources.length >= smallestPooledBatch && totalBytes >= smallestPooledBytes;
  // The threads first: they start while this thread collects (below) and sets out.
  const pool =
    threads > 1 && bigEnough
      ? createReadPool(campaign, {
          size: threads - 1,
          ...(options.ruleBudgetMs !== undefined ? { budgetMs: options.ruleBudgetMs } : {}),
        })
      : undefined;
  const workerFile = !pool && bigEnough ? readingThreadFile(options) : undefined;
  const reader = workerFile ? createGridReader(workerFile) : undefined;
  // Garbage is collected as files come, so memory stays flat over thousands of files; a batch
  // too small for a second thread is over before its garbage matters.
  const guard = createHeapGuard(defaultHeapAllowance, { collectFirst: bigEnough });
  const onProgress = options.onProgress;
  options = {
    ...options,
    // zlib unless the caller brings another inflater.
    inflateRaw: options.inflateRaw ?? nodeInflateRaw,
    // A plugin rule stuck in a loop is stopped after its budget, not left to hang the run.
    runBounded: options.runBounded ?? runWithTimeout,
    onProgress: (state) => {
      guard.check();
      onProgress?.(state);
    },
  };
  if (!pool) {
    if (!reader) return streamAggregate(sources, campaign, { ...options, store });
    return aggregateWithReadingThread(sources, campaign, { options, store, reader });
  }
  try {
    // A window of a few files per worker: enough to keep every worker busy, and memory flat.
    const pooled = prepareOnPool(sources, pool, campaign, {
      window: threads * 8,
      limits,
      ...(options.ruleBudgetMs !== undefined ? { budgetMs: options.ruleBudgetMs } : {}),
      ...(options.submittedOn !== undefined ? { submittedOn: submissionDay(options.submittedOn) } : {}),
      // Rows come back as the store's lines where it takes them (the file store): the main
      // thread then only copies bytes for a worker's file (see `PackedRows`).
      ...(store.appendJsonLines && takesPackedRows(campaign, options)
        ? { pack: { withRules: campaign.rules.length > 0 } }
        : {}),
    });
    // A worker's rows come back packed, never heard of one by one: the workbook makes its rows.
    const { onFinalRow: _rowsAhead, ...pooledOptions } = options;
    return await streamAggregate(pooled, campaign, { ...pooledOptions, store });
  } finally {
    await pool.close();
  }
}

/**
 * Reads the files on a reading thread (`reader`, closed when done) while this thread finds
 * their tables and checks their rows, a few files behind; a file's grids are taken from the
 * thread only when the merge comes to it (`sentWhenLoaded`, `createGridReader`). Only reading
 * moves: it needs no campaign, so the thread loads the readers only (ready in ~0.1 s, not the
 * kit's 0.4 s), and the rows are made and merged here as before. Measured on 2 shared cores
 * against one thread (alternating processes, same outputs by md5): the whole job 0.94 of the
 * time on 120 files × 800 rows and 0.80 on 2,800 × 100, peak memory unchanged; a read pool's
 * worker doing everything beside the main thread (`threads: 2`) took 1.19 of the reading
 * thread's time and 45 MB more.
 */
export async function aggregateWithReadingThread(
  sources: DiskSource[],
  campaign: ResolvedCampaign,
  context: { options: RunOptions; store: RowStore; reader: GridReader },
): Promise<StreamedReport> {
  const { options, store, reader } = context;
  try {
    const sending = sentWhenLoaded(sources, reader, resolveLimits(options.limits));
    const prepare = filePreparer(campaign, options, sending.read);
    const ahead = readAhead(sending.sources, { start: sending.start, prepare }, readAheadFiles);
    return await streamAggregate(ahead, campaign, { ...options, store });
  } finally {
    await reader.close();
  }
}

/** The reading thread's built file, when the caller wants one (see `readingThread`). */
function readingThreadFile(options: AggregateFilesOptions): string | undefined {
  // `threads: 1` asked for the main thread only.
  const wanted = options.readingThread ?? (options.threads === undefined && availableParallelism() > 1);
  return wanted ? builtWorkerFile('grid-worker') : undefined;
}
