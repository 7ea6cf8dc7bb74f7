import type { SubmissionSource } from '../aggregate.js';
import type { PackedSubmission } from '../merge/packed-rows.js';
import { mergeObjects } from '../merge-objects.js';

/**
 * Gives each source a `prepare` for the merge loop, which asks for files in input order: asking
 * for one starts the `window` files after it too, so their reading (on the reading thread) runs
 * while this thread checks the file before. Memory stays flat: at most `window` files wait.
 */
export function readAhead<Source extends SubmissionSource>(
  sources: readonly Source[],
  prepare: (source: Source) => Promise<PackedSubmission>,
  window: number,
): SubmissionSource[] {
  const started = new Map<number, Promise<PackedSubmission>>();
  let next = 0;
  const startUpTo = (last: number) => {
    for (; next < sources.length && next <= last; next++) {
      const result = prepare(sources[next]!);
      // Started ahead of the loop that awaits it: a failure must not surface as unhandled first.
      result.catch(() => {});
      started.set(next, result);
    }
  };
  return sources.map((source, index) =>
    mergeObjects(source, {
      prepare: async () => {
        // A turn of the event loop first, so the reading thread's grids are taken as they arrive:
        // each file's bytes are loaded here with synchronous calls (and read here too once the
        // thread is gone), and without the turn the thread's messages could wait behind them.
        await new Promise((resolve) => setImmediate(resolve));
        startUpTo(index + window);
        const result = started.get(index) ?? prepare(source);
        started.delete(index);
        return result;
      },
    }),
  );
}
