import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';

// The worker imports each plugin the way the main thread will (`importPlugin`: its module, then
// its factory) and says when each starts and settles. Plain CommonJS text, so no file of its own
// has to be found next to a bundle; it loads this package's Node entry by its resolved path.
const workerSource = `
const { parentPort, workerData } = require('node:worker_threads');
(async () => {
  const kit = await import(workerData.kitEntry);
  for (let index = workerData.from; index < workerData.specifiers.length; index++) {
    parentPort.postMessage({ started: index });
    await kit.importPlugin(workerData.specifiers[index], workerData.campaignPath).catch(() => undefined);
  }
  parentPort.postMessage({ finished: true });
})().catch(() => parentPort.postMessage({ finished: true }));
`;

/** This package's Node entry as a URL the worker can import; undefined when it cannot be found. */
function kitEntry(): string | undefined {
  try {
    return pathToFileURL(createRequire(import.meta.url).resolve('@jianshen/plugin-kit/node')).href;
  } catch {
    return undefined;
  }
}

export interface TrialLoadOptions {
  /** Package names or paths, as the campaign names them. */
  specifiers: readonly string[];
  /** The campaign file: paths are relative to it. */
  campaignPath: string;
  /** How long one plugin may take to load. */
  timeoutMs: number;
}

/**
 * The plugins whose loading never returns, found on a worker thread first. A module or factory
 * stuck in a synchronous loop cannot be stopped on the main thread (no timer, no signal handler
 * runs until it returns), so the CLI would hang before reading a single file; a worker can be
 * terminated. The main thread then skips those plugins with an issue and imports the others
 * itself. Each plugin module is thus evaluated twice: plugins are expected to be free of side
 * effects at import (the plugin guide says so). Resolves to the specifiers that hung; empty when
 * the trial cannot run (the entry not found: a bundled CLI), which leaves loading as before.
 */
export async function pluginsThatHang(options: TrialLoadOptions): Promise<Set<string>> {
  const hung = new Set<string>();
  const entry = kitEntry();
  if (!entry || options.specifiers.length === 0) return hung;
  let from = 0;
  while (from < options.specifiers.length) {
    const stuckAt = await trialFrom(from, entry, options);
    if (stuckAt === undefined) break;
    hung.add(options.specifiers[stuckAt]!);
    from = stuckAt + 1;
  }
  return hung;
}

/** One worker from plugin `from` on: resolves to the index it got stuck at, if any. */
function trialFrom(from: number, entry: string, options: TrialLoadOptions): Promise<number | undefined> {
  return new Promise((settle) => {
    const worker = new Worker(workerSource, {
      eval: true,
      workerData: {
        kitEntry: entry,
        specifiers: [...options.specifiers],
        campaignPath: options.campaignPath,
        from,
      },
    });
    let timer: ReturnType<typeof setTimeout> | undefined;
    const end = (stuckAt: number | undefined) => {
      clearTimeout(timer);
      worker.removeAllListeners();
      // A worker that hangs is terminated; one that finished is let go all the same (a plugin's
      // timer or open handle must not keep it, or the process, alive).
      void worker.terminate();
      settle(stuckAt);
    };
    worker.on('message', (message: { started?: number; finished?: boolean }) => {
      clearTimeout(timer);
      if (message.finished) return end(undefined);
      const index = message.started ?? from;
      timer = setTimeout(() => end(index), options.timeoutMs);
    });
    // A worker that cannot even start decides nothing: the main thread loads as before.
    worker.on('error', () => end(undefined));
    worker.on('exit', () => end(undefined));
  });
}
