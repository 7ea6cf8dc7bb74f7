import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RowStore, StoredRow } from '../row-store.js';

// Rows are written in batches of about this many characters (one system call each).
const flushCharacters = 1 << 20;
const readBytes = 1 << 20;

// Spill folders still open when the process ends (Ctrl+C, an uncaught error) are removed then.
const open_ = new Set<string>();
let exitHookInstalled = false;
function removeLeft(): void {
  for (const left of open_) rmSync(left, { recursive: true, force: true });
  open_.clear();
}
// A signal ends the process without 'exit': when nothing else handles it, the folders are
// removed and the signal raised again, so the process ends as it would have (exit code 130…).
function onSignal(signal: NodeJS.Signals): void {
  if (process.listenerCount(signal) > 1) return;
  removeLeft();
  process.removeListener(signal, onSignal);
  try {
    process.kill(process.pid, signal);
  } catch {
    // Windows cannot raise every signal.
    process.exit(1);
  }
}
function removeOnExit(directory: string): void {
  open_.add(directory);
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.once('exit', removeLeft);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, onSignal);
}

export interface FileRowStoreOptions {
  /** Folder the spill file is made in (default: the system's temporary folder). */
  directory?: string;
}

/**
 * A row store that spills rows to a temporary file, one JSON line per row, so a batch of any size
 * keeps only the merge's few numbers per row in memory. The file is deleted by `dispose` (and
 * when the process exits).
 */
export function createFileRowStore(options: FileRowStoreOptions = {}): RowStore {
  const directory = mkdtempSync(join(options.directory ?? tmpdir(), 'jianshen-rows-'));
  removeOnExit(directory);
  const path = join(directory, 'rows.ndjson');
  let descriptor: number | undefined = openSync(path, 'w');
  let pending = '';
  let disposed = false;
  // One buffer, reused for every flush: a fresh megabytes-long buffer per flush churned the
  // allocator (and the process's resident memory) for nothing.
  let scratch = Buffer.allocUnsafe(3 * flushCharacters);
  const flush = () => {
    if (pending === '' || descriptor === undefined) return;
    // A UTF-16 code unit never takes more than three bytes in UTF-8.
    if (pending.length * 3 > scratch.length) scratch = Buffer.allocUnsafe(pending.length * 3);
    const length = scratch.write(pending, 0, 'utf8');
    let offset = 0;
    while (offset < length) offset += writeSync(descriptor, scratch, offset, length - offset);
    pending = '';
  };
  return {
    append(row) {
      if (disposed) throw new Error('the row store was disposed');
      pending += `${JSON.stringify(row)}\n`;
      if (pending.length >= flushCharacters) flush();
    },
    async *read() {
      if (disposed) throw new Error('the row store was disposed');
      flush();
      const handle = await open(path, 'r');
      try {
        const decoder = new TextDecoder();
        const buffer = new Uint8Array(readBytes);
        let rest = '';
        for (;;) {
          const { bytesRead } = await handle.read(buffer, 0, buffer.length, null);
          if (bytesRead === 0) break;
          const text = rest + decoder.decode(buffer.subarray(0, bytesRead), { stream: true });
          const lines = text.split('\n');
          rest = lines.pop() ?? '';
          for (const line of lines) yield JSON.parse(line) as StoredRow;
        }
        rest += decoder.decode();
        if (rest !== '') yield JSON.parse(rest) as StoredRow;
      } finally {
        await handle.close();
      }
    },
    async dispose() {
      if (disposed) return;
      disposed = true;
      pending = '';
      if (descriptor !== undefined) closeSync(descriptor);
      descriptor = undefined;
      rmSync(directory, { recursive: true, force: true });
      open_.delete(directory);
    },
  };
}
