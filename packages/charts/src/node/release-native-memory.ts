import { runInNewContext } from 'node:vm';

let collect: (() => void) | undefined;

/** Resident size under which `releaseNativeMemory` leaves collecting to V8. */
const releaseAboveResident = 150 * 1024 * 1024;

/**
 * Asks V8 for a full collection, when the program exposed `gc` (the CLI does, with
 * `enableHeapCollection` from @jianshen/aggregator/node; a library never sets V8's flags itself).
 *
 * Drawing the charts takes memory outside V8's heap that is given back only when V8 collects the
 * small objects holding it: hb-subset's WebAssembly memory (the 16 MB face read into it, ~17 MB
 * resident) and resvg's pixmaps (~20 MB for a report's three charts, held by each `Resvg` and
 * its rendered image until their finalizers run). V8 does not see that memory and does not
 * hurry: on the 2,800-file batch both were still held while the report's document was packed,
 * the job's peak. A collection after the cut and one after the drawing cost 30–100 ms each on
 * that batch's heap (2 cores, load 4–6); without the first the peak was 260–264 MB, with both
 * 243–245 MB (and Liftoff alone for hb-subset, see `useBaselineWebAssembly` in the aggregator).
 * A collection that only ends a marking already under way keeps what that marking found alive;
 * the next one (after the drawing) frees it then.
 *
 * Only a large process collects (`aboveResident`, default 150 MB): a small one's peak stays far
 * under the kit's 300 MB, and a collection's 20–30 ms are better spent. Without these and the
 * heap guards' first collections, the small bench batch (20 files) took 0.98 of the time, CPU
 * 0.98 (12 alternating pairs), peak 154 MB against 145.
 */
export function releaseNativeMemory(options: { aboveResident?: number } = {}): void {
  if (process.memoryUsage.rss() < (options.aboveResident ?? releaseAboveResident)) return;
  // Looked up until found: the program may expose `gc` after the first charts are drawn.
  collect ??= runInNewContext('typeof gc === "function" ? gc : undefined') as (() => void) | undefined;
  collect?.();
}
