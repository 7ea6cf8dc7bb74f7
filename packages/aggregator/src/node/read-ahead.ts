import type { SubmissionSource } from '../aggregate.js';
import { stampFormatOf } from '../files/file-kinds.js';
import type { ReadLimits } from '../limits.js';
import type { PackedSubmission } from '../merge/packed-rows.js';
import { mergeObjects } from '../merge-objects.js';
import type { ReadOutcome } from '../read/read-submission.js';
import type { GridReader, SentFile } from './grid-reader.js';

/** The two steps of a file read ahead. */
export interface ReadAheadSteps<Source> {
  /** Starts a file ahead of the merge: its bytes loaded and given to the reading thread. */
  start(source: Source): void;
  /** Takes the file's grids and checks it, when the merge asks for it. */
  prepare(source: Source): Promise<PackedSubmission>;
}

/**
 * Gives each source a `prepare` for the merge loop, which asks for files in input order: asking
 * for one starts the `window` files after it too, so their reading (on the reading thread) runs
 * while this thread checks the file before; each file is checked only when the merge asks for
 * it. Memory stays flat: at most `window` files wait, their grids still serialised.
 */
export function readAhead<Source extends SubmissionSource>(
  sources: readonly Source[],
  steps: ReadAheadSteps<Source>,
  window: number,
): SubmissionSource[] {
  let next = 0;
  const startUpTo = (last: number) => {
    for (; next < sources.length && next <= last; next++) steps.start(sources[next] as Source);
  };
  return sources.map((source, index) =>
    mergeObjects(source, {
      prepare: async () => {
        // A turn of the event loop first, so the reading thread's notices are heard as they
        // arrive: each file's bytes are loaded here with synchronous calls (and read here too
        // once the thread is gone), and without the turn the notices could wait behind them.
        await new Promise((resolve) => setImmediate(resolve));
        startUpTo(index + window);
        return steps.prepare(source);
      },
    }),
  );
}

/** Sources whose files go to the reading thread as they are loaded, and how their grids are read. */
export interface SentSources<Source> {
  /** The sources: a file's bytes go to the thread as they are loaded. */
  sources: Source[];
  /** Loads one of `sources` ahead and gives it to the thread; its next `load` gives those bytes. */
  start(source: Source): void;
  /** Reads the bytes a source loaded: the grids the thread made of them, else on the thread now. */
  read(bytes: Uint8Array, name: string, limits: ReadLimits): Promise<ReadOutcome>;
}

/**
 * Each source's `load` made to give its bytes to the reading thread as well; `read` then takes
 * the grids the thread made of those bytes. A stamped copy (盖章件) is settled by its kind and
 * never read, so it is not sent. A file loaded ahead (`start`) is held until its `load`, then
 * let go: a batch of thousands of files keeps only the window's bytes.
 */
export function sentWhenLoaded<Source extends SubmissionSource>(
  sources: readonly Source[],
  reader: Pick<GridReader, 'send' | 'read'>,
  limits: ReadLimits,
): SentSources<Source> {
  const sent = new WeakMap<Uint8Array, SentFile>();
  const ahead = new Map<Source, Promise<Uint8Array>>();
  const loadAndSend = (source: Source) =>
    source.load().then((bytes) => {
      if (!stampFormatOf(bytes)) sent.set(bytes, reader.send(bytes, source.path, limits));
      return bytes;
    });
  const originals = new Map<Source, Source>();
  const withSending = sources.map((source) => {
    const sending: Source = mergeObjects(source, {
      load: () => {
        const loaded = ahead.get(sending) ?? loadAndSend(source);
        ahead.delete(sending);
        return loaded;
      },
    });
    originals.set(sending, source);
    return sending;
  });
  return {
    sources: withSending,
    start(sending) {
      const source = originals.get(sending);
      // A listed entry (ignored, an unreadable folder) is settled without its bytes.
      if (!source || source.listed || ahead.has(sending)) return;
      const loading = loadAndSend(source);
      // Started before the merge awaits it: a failure must not surface as unhandled first.
      loading.catch(() => {});
      ahead.set(sending, loading);
    },
    read(bytes, name, readLimits) {
      const file = sent.get(bytes);
      sent.delete(bytes);
      return file ? file.take() : reader.read(bytes, name, readLimits);
    },
  };
}
