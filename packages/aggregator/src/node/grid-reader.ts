import { MessageChannel, receiveMessageOnPort, Worker } from 'node:worker_threads';
import type { ReadLimits } from '../limits.js';
import { unpackWorkbook } from '../read/packed-grid.js';
import { type ReadOutcome, readSubmission } from '../read/read-submission.js';
import type { GridNotice, GridReply, GridRequest, GridWorkerData, PackedOutcome } from './grid-protocol.js';
import { nodeInflateRaw } from './inflate-raw.js';

/** A file given to the reading thread. */
export interface SentFile {
  /**
   * The file's outcome, once the thread has read it: its grids are taken out of the replies port
   * (deserialised and unpacked) only now, so ask when the file is about to be checked.
   */
  take(): Promise<ReadOutcome>;
}

/** Reads files into grids on a thread of its own; the outcomes are `readSubmission`'s. */
export interface GridReader {
  /** Gives the thread a file at once; its grids wait, serialised, until `take` is called. */
  send(bytes: Uint8Array, name: string, limits: ReadLimits): SentFile;
  /** `send(…).take()`. */
  read(bytes: Uint8Array, name: string, limits: ReadLimits): Promise<ReadOutcome>;
  /** Stops the thread; files asked for later are read on this thread. */
  close(): Promise<void>;
  /** Files the thread read, and files read on this thread: for tests. */
  counts(): { thread: number; here: number };
}

/** The thread's answer for a file: its grids wait in the replies port, a small reply, or none. */
type Answer = 'held' | 'lost' | GridReply;

interface Sent {
  bytes: Uint8Array;
  name: string;
  limits: ReadLimits;
  answered: Promise<Answer>;
  answer(answer: Answer): void;
}

function unpacked(outcome: PackedOutcome): ReadOutcome {
  return outcome.ok
    ? { ok: true, format: outcome.format, workbook: unpackWorkbook(outcome.packed) }
    : outcome;
}

function sentFile(bytes: Uint8Array, name: string, limits: ReadLimits): Sent {
  let answer: (answer: Answer) => void = () => {};
  const answered = new Promise<Answer>((resolve) => {
    answer = resolve;
  });
  return { bytes, name, limits, answered, answer };
}

/**
 * Starts a reading thread (`grid-worker`). Each file's bytes are copied to it (the copy is
 * transferred) and kept here until its grids are taken, so a thread that dies (out of memory on
 * a hostile file, a crash) costs only time: what it held is read on this thread.
 * Files go to the thread from the first, while it still loads the readers (~0.1 s; its messages
 * wait for it): reading them here meanwhile made V8 optimise the readers in this thread's isolate
 * as well as in the thread's, and the medium batch's `jianshen validate` took ×1.12 the time
 * (10 alternating pairs; 419 functions optimised against 343).
 * The grids come on a port of their own that has no listener: a message there stays serialised
 * (its strings not made, its buffers not unpacked) until `take` receives it. Taken as they came,
 * up to four files ahead of the one being checked, their strings and rows lived through this
 * thread's young-generation collections: medium batch (120 files × 800 rows), reading alone,
 * scavenges 425 → 252 ms and 76 → 25 MB promoted, full collections 83 → 25 ms.
 */
export function createGridReader(workerFile: string | URL): GridReader {
  const { port1: replies, port2 } = new MessageChannel();
  const workerData: GridWorkerData = { replies: port2 };
  // A small young generation, as the read pool's workers: the thread keeps one file alive.
  const worker = new Worker(workerFile, {
    resourceLimits: { maxYoungGenerationSizeMb: 16 },
    workerData,
    transferList: [port2],
  });
  /** Files on the thread, not answered yet. */
  const sent = new Map<number, Sent>();
  /** Grids received from the port for a file not taken yet (they come in the order files were sent). */
  const parked = new Map<number, GridReply>();
  const counts = { thread: 0, here: 0 };
  let nextId = 0;
  let gone = false;
  let closed = false;
  const readHere = (file: Sent): Promise<ReadOutcome> => {
    counts.here++;
    // readSubmission never throws: every failure is an outcome.
    return readSubmission(file.bytes, file.name, file.limits, { inflateRaw: nodeInflateRaw });
  };
  const abandon = () => {
    if (gone) return;
    gone = true;
    for (const file of sent.values()) file.answer('lost');
    sent.clear();
  };
  const heldReply = (id: number): GridReply | undefined => {
    for (;;) {
      const reply = parked.get(id);
      if (reply) {
        parked.delete(id);
        return reply;
      }
      const next = closed ? undefined : (receiveMessageOnPort(replies)?.message as GridReply | undefined);
      if (!next) return undefined;
      parked.set(next.id, next);
    }
  };
  const take = async (id: number, file: Sent): Promise<ReadOutcome> => {
    const answer = await file.answered;
    const reply = answer === 'held' ? heldReply(id) : answer === 'lost' ? undefined : answer;
    if (!reply || 'failed' in reply) return readHere(file);
    counts.thread++;
    return unpacked(reply.outcome);
  };
  worker.on('message', (message: GridNotice | GridReply) => {
    const file = sent.get(message.id);
    if (!file) return;
    sent.delete(message.id);
    file.answer('held' in message ? 'held' : message);
  });
  worker.on('error', abandon);
  worker.on('exit', abandon);
  const send = (bytes: Uint8Array, name: string, limits: ReadLimits): SentFile => {
    const file = sentFile(bytes, name, limits);
    if (gone) return { take: () => readHere(file) };
    const id = nextId++;
    sent.set(id, file);
    const copy = bytes.slice();
    const request: GridRequest = { id, bytes: copy, name, limits };
    worker.postMessage(request, [copy.buffer as ArrayBuffer]);
    return { take: () => take(id, file) };
  };
  return {
    send,
    read: (bytes, name, limits) => send(bytes, name, limits).take(),
    async close() {
      abandon();
      closed = true;
      parked.clear();
      replies.close();
      await worker.terminate();
    },
    counts: () => ({ ...counts }),
  };
}
