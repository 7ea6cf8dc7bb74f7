import { type MessagePort, parentPort, workerData } from 'node:worker_threads';
import { packWorkbook } from '../read/packed-grid.js';
import { readSubmission } from '../read/read-submission.js';
import type { GridNotice, GridReply, GridRequest, GridWorkerData } from './grid-protocol.js';
import { nodeInflateRaw } from './inflate-raw.js';

// A reading thread: turns a file's bytes into grids (`readSubmission`, which never throws) and
// hands them back packed. It needs no campaign: reading depends on the bytes and the limits
// only, and it loads the readers alone (`@jianshen/schema/reading`, no zod): it has loaded
// them 72-108 ms after its start, and costs +21-24 MB, where the whole kit takes ~0.4 s of CPU.
if (!parentPort) throw new Error('grid-worker runs as a worker thread');
const port = parentPort;
const replies = repliesPort();

/** The port the thread's grids go to (`GridWorkerData`). */
function repliesPort(): MessagePort {
  const given = (workerData as GridWorkerData | undefined)?.replies;
  if (!given) throw new Error('grid-worker is started with a replies port (GridWorkerData)');
  return given;
}

/** One request at a time, in order: the main thread waits for the oldest first. */
let previous: Promise<void> = Promise.resolve();

/**
 * A file's grids go to the replies port, which the main thread reads only when the merge asks
 * for that file (`createGridReader`); a small notice says they are there. A refusal or a failure
 * is small and comes at once.
 */
function hold(reply: GridReply, transfer: ArrayBuffer[]): void {
  replies.postMessage(reply, transfer);
  port.postMessage({ id: reply.id, held: true } satisfies GridNotice);
}

async function answer(request: GridRequest): Promise<void> {
  try {
    const outcome = await readSubmission(request.bytes, request.name, request.limits, {
      inflateRaw: nodeInflateRaw,
    });
    if (!outcome.ok) {
      port.postMessage({ id: request.id, outcome } satisfies GridReply);
      return;
    }
    const { packed, transfer } = packWorkbook(outcome.workbook);
    hold({ id: request.id, outcome: { ok: true, format: outcome.format, packed } }, transfer);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    port.postMessage({ id: request.id, failed: reason } satisfies GridReply);
  }
}

port.on('message', (request: GridRequest) => {
  previous = previous.then(() => answer(request));
});
