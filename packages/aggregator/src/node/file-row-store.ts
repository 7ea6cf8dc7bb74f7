import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RowStore, StoredRow } from '../row-store.js';

// Rows are written in batches of about this many bytes (one system call each).
const flushBytes = 1 << 20;
// Read in pieces whose text stays under V8's large-object size (~128 KB): decoding 1 MiB at a
// time made every piece a large object, and reading the rows back ~30% slower.
const readBytes = 32 * 1024;

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
  let disposed = false;
  // Each row's JSON is encoded straight into one reused buffer, written out when it fills: no
  // string of many rows is ever built (joining them and flattening the join cost more than JSON).
  let scratch = Buffer.allocUnsafe(flushBytes);
  let used = 0;
  const flush = () => {
    if (descriptor === undefined) return;
    let offset = 0;
    while (offset < used) offset += writeSync(descriptor, scratch, offset, used - offset);
    used = 0;
  };
  return {
    append(row) {
      if (disposed) throw new Error('the row store was disposed');
      const line = JSON.stringify(row);
      // A UTF-16 code unit never takes more than three bytes in UTF-8 (+1 for the newline).
      const most = line.length * 3 + 1;
      if (used + most > scratch.length) {
        flush();
        if (most > scratch.length) scratch = Buffer.allocUnsafe(most);
      }
      used += scratch.write(line, used, 'utf8');
      scratch[used++] = 0x0a;
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
      used = 0;
      if (descriptor !== undefined) closeSync(descriptor);
      descriptor = undefined;
      rmSync(directory, { recursive: true, force: true });
      open_.delete(directory);
    },
  };
}
