import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

// V8 lets the heap grow to about four times what is alive before it collects, when collecting is
// cheap, as it is here: a country's batch keeps ~50 MB alive but let ~270 MB of garbage pile up
// before each full collection. A full collection of a heap this small takes ~20–40 ms, so the
// aggregation asks for one whenever garbage passes a fixed allowance.
let collect: (() => void) | null | undefined;

/**
 * Lets the heap guard ask V8 for collections. V8's flags belong to the whole process, so a
 * library never sets them by itself: the program that owns the process (the CLI) opts in once,
 * before it starts worker threads, and every thread's guard can collect from then on.
 */
export function enableHeapCollection(): void {
  setFlagsFromString('--expose-gc');
  collect = undefined;
}

function collector(): (() => void) | null {
  if (collect === undefined) {
    // A fresh context sees `gc` when the process was started with --expose-gc or opted in above.
    const found = runInNewContext('typeof gc === "function" ? gc : null') as (() => void) | null;
    collect = found;
  }
  return collect;
}

export interface HeapGuard {
  /** Collects when the heap has grown by more than the allowance since the last collection. */
  check(): void;
}

/** Default garbage allowed to pile up between collections. */
export const defaultHeapAllowance = 48 * 1024 * 1024;

/**
 * Resident size under which the guard does not start with a collection. What it starts with is
 * the start-up's garbage, a few MB: counting it in the allowance moves the first collection a
 * little later, and a small process gains the 15–25 ms a full collection takes. With the charts'
 * collections (`releaseNativeMemory`), the small bench batch (20 files) ran four of them, ~0.1 s
 * of its 1.6 s; under this size it runs none: the job in 0.98 of the time, CPU 0.97 (12
 * alternating pairs), peak 146 MB against 145; the medium batch's 186 MB, the 2,800-file
 * batch's 236 MB, as before.
 */
const firstCollectionAboveResident = 150 * 1024 * 1024;

/**
 * Starts with a collection when the process is large (`firstCollectionAboveResident`), so the
 * allowance counts from what is really alive. Without `enableHeapCollection` (or
 * `node --expose-gc`) the guard does nothing and V8 collects as it likes.
 */
export function createHeapGuard(allowance = defaultHeapAllowance): HeapGuard {
  if (process.memoryUsage.rss() >= firstCollectionAboveResident) collector()?.();
  let floor = getHeapStatistics().used_heap_size;
  return {
    check() {
      const used = getHeapStatistics().used_heap_size;
      if (used < floor + allowance) return;
      const gc = collector();
      if (!gc) return;
      gc();
      floor = getHeapStatistics().used_heap_size;
    },
  };
}
