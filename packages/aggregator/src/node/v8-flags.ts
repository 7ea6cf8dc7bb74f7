import { setFlagsFromString } from 'node:v8';

// V8's flags belong to the whole process: a library never sets them by itself. The program that
// owns the process (the CLI, through `takeOverProcess`) opts in once, before it starts worker
// threads; V8 reads these whenever a function gets hot, so they hold for every thread from then on.

/**
 * Keeps WebAssembly on V8's baseline compiler (Liftoff) for the whole process: by default V8
 * compiles the functions a module runs most again with TurboFan on its background threads, and
 * for the report's chart font (harfbuzzjs's hb-subset, the process's only WebAssembly) that took
 * ~35 MB of memory the threads' malloc arenas then kept until the process ended, on top of the
 * report document being packed: the 2,800-file batch's peak. The cut got no slower: 4–5 ms
 * against 8–9 ms once warm, the first 50–130 ms against 85 ms (2 cores, load 4–6).
 */
export function useBaselineWebAssembly(): void {
  setFlagsFromString('--liftoff-only');
}

/**
 * Lets TurboFan inline only functions of at most 100 bytes of bytecode (460 by default). A batch
 * is over in seconds, and compiling is a large share of it: in the medium batch's `jianshen
 * validate` (120 files × 800 rows) V8's helper threads spent 83% of their time in TurboFan, 27%
 * of the process's CPU (perf, 999 Hz), and 71% of that went to functions compiled again after
 * a file of a new shape deoptimised them, each time with all it had inlined. Small helpers are
 * still inlined. Measured against the default (alternating processes, 2 shared cores): CPU 0.96
 * of it for `jianshen validate` and for the whole job, 12 pairs each.
 */
export function inlineSmallFunctionsOnly(): void {
  setFlagsFromString('--max-inlined-bytecode-size=100');
}
