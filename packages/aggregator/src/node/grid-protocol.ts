import type { MessagePort } from 'node:worker_threads';
import type { ReadLimits } from '../limits.js';
import type { PackedWorkbook } from '../read/packed-grid.js';
import type { FileFormat, ReadOutcome } from '../read/read-submission.js';

/** A file for the reading thread: its bytes (transferred), its name, the limits. */
export interface GridRequest {
  id: number;
  bytes: Uint8Array;
  name: string;
  limits: ReadLimits;
}

/** The reading thread's outcome for a file, its grids packed. */
export type PackedOutcome =
  | { ok: true; format: FileFormat; packed: PackedWorkbook }
  | Extract<ReadOutcome, { ok: false }>;

export type GridReply = { id: number; outcome: PackedOutcome } | { id: number; failed: string };

/**
 * The thread's word that a file's grids were read: its `GridReply` waits in the replies port
 * (`GridWorkerData`), still serialised, until the merge asks for that file.
 */
export interface GridNotice {
  id: number;
  held: true;
}

/** What the reading thread is started with: the port its files' grids are posted to. */
export interface GridWorkerData {
  replies: MessagePort;
}
