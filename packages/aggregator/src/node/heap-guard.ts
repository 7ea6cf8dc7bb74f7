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
 * Resident size under which a guard, by default, does not start with a collection: a small
 * process's peak stays far under the kit's 300 MB, and it gains the 15–25 ms a full collection
 * takes. The small bench batch (20 files, 72–141 MB resident) ran four forced collections, two
 * of them the guards' first and two the charts' (`releaseNativeMemory`), ~0.1 s of its 1.6 s.
 * Without them: the job in 0.98 of the time, CPU 0.98 (12 alternating pairs), peak 154 MB
 * against 145; the medium and 2,800-file batches' peaks as before.
 */
const firstCollectionAboveResident = 150 * 1024 * 1024;

export interface HeapGuardOptions {
  /**
   * Start with a collection, so the allowance counts from what is really alive (default: when
   * the process is over `firstCollectionAboveResident`). A caller that knows the work ahead is
   * large says so: at the start of reading the process is still small (72–89 MB for every bench
   * batch), yet without that first collection the 2,800-file batch peaked 10–20 MB higher.
   */
  collectFirst?: boolean;
}

/**
 * A guard that collects once garbage passes `allowance`. Without `enableHeapCollection` (or
 * `node --expose-gc`) it does nothing and V8 collects as it likes.
 */
export function createHeapGuard(allowance = defaultHeapAllowance, options: HeapGuardOptions = {}): HeapGuard {
  const collectFirst = options.collectFirst ?? process.memoryUsage.rss() >= firstCollectionAboveResident;
  if (collectFirst) collector()?.();
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
