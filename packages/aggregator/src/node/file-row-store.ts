import { closeSync, mkdtempSync, openSync, readdirSync, readSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RowForRules, RowStore, StoredRow } from '../merge/row-store.js';
import { type LineBuffer, StoredLineEncoder, storedLine } from '../merge/stored-lines.js';
import type { UnnumberedRow } from '../report.js';
import { onProcessEnd, processAlive } from './process-cleanup.js';

// Rows are written in batches of about this many bytes (one system call each).
const flushBytes = 1 << 20;
// Read in pieces whose text stays under V8's large-object size (~128 KB): decoding 1 MiB at a
// time made every piece a large object, and reading the rows back ~30% slower. Read with
// synchronous calls: the file was just written (it is in the page cache), and a promise per piece
// waited for the thread pool, which on a busy machine took longer than the piece's rows.
const readBytes = 32 * 1024;

// A line's row and what the plugin rules are given of it are separated by a tab: JSON text never holds one
// (JSON.stringify writes a tab in a string as \t), nor does UTF-8 inside a multi-byte character.
const tab = 9;
const newline = 10;

/**
 * A spilled line, parsed only in the part a reader asks for: the outputs read `row`, the plugin
 * rules `forRules`, and a row the merge left out is never parsed at all.
 */
class SpilledRow implements StoredRow {
  readonly #line: string;
  #row: UnnumberedRow | undefined;
  #forRules: RowForRules | undefined;

  constructor(line: string) {
    this.#line = line;
  }

  get row(): UnnumberedRow {
    if (this.#row === undefined) {
      const end = this.#line.indexOf('\t');
      this.#row = JSON.parse(end === -1 ? this.#line : this.#line.slice(0, end)) as UnnumberedRow;
    }
    return this.#row;
  }

  get forRules(): RowForRules | undefined {
    if (this.#forRules === undefined) {
      const start = this.#line.indexOf('\t');
      if (start === -1) return undefined;
      this.#forRules = JSON.parse(this.#line.slice(start + 1)) as RowForRules;
    }
    return this.#forRules;
  }
}

/** A buffer twice as long holding the first `kept` bytes of `buffer`: a line longer than a piece. */
function grown(buffer: Buffer, kept: number): Buffer {
  const larger = Buffer.allocUnsafe(buffer.length * 2);
  buffer.copy(larger, 0, 0, kept);
  return larger;
}

/** The spill file's lines as bytes (without the line break), each valid until the next. */
function* spilledLines(path: string): Generator<Uint8Array> {
  const reading = openSync(path, 'r');
  try {
    let buffer: Buffer = Buffer.allocUnsafe(readBytes);
    // Bytes of an unfinished line, kept at the start of the buffer.
    let kept = 0;
    let position = 0;
    for (;;) {
      if (kept === buffer.length) buffer = grown(buffer, kept);
      const bytesRead = readSync(reading, buffer, kept, buffer.length - kept, position);
      if (bytesRead === 0) break;
      position += bytesRead;
      const filled = buffer.subarray(0, kept + bytesRead);
      let start = 0;
      for (let end = filled.indexOf(newline, kept); end !== -1; end = filled.indexOf(newline, start)) {
        yield filled.subarray(start, end);
        start = end + 1;
      }
      kept = filled.length - start;
      buffer.copyWithin(0, start, filled.length);
    }
    if (kept > 0) yield buffer.subarray(0, kept);
  } finally {
    closeSync(reading);
  }
}

/** The spill file's rows, each parsed when a part of it is first read. */
function* spilledRows(path: string): Generator<SpilledRow> {
  const reading = openSync(path, 'r');
  try {
    const decoder = new TextDecoder();
    const buffer = new Uint8Array(readBytes);
    let rest = '';
    let position = 0;
    for (;;) {
      const bytesRead = readSync(reading, buffer, 0, buffer.length, position);
      if (bytesRead === 0) break;
      position += bytesRead;
      const text = rest + decoder.decode(buffer.subarray(0, bytesRead), { stream: true });
      const lines = text.split('\n');
      rest = lines.pop() ?? '';
      for (const line of lines) yield new SpilledRow(line);
    }
    rest += decoder.decode();
    if (rest !== '') yield new SpilledRow(rest);
  } finally {
    closeSync(reading);
  }
}

// A spill folder is named after the process that made it: a folder whose process is gone (killed,
// or crashed past its clean-up) is removed by the next store made in the same place.
const spillPrefix = 'jianshen-rows-';

function removeAbandonedSpills(parent: string): void {
  let names: string[];
  try {
    names = readdirSync(parent);
  } catch {
    return;
  }
  for (const name of names) {
    const owner = /^jianshen-rows-(\d+)-/.exec(name)?.[1];
    if (owner === undefined || Number(owner) === process.pid || processAlive(Number(owner))) continue;
    try {
      rmSync(join(parent, name), { recursive: true, force: true });
    } catch {
      // Another user's folder in a shared temporary folder: theirs to remove.
    }
  }
}

/** A folder of this process's for spilled rows; see `createSpillFolder`. */
export interface SpillFolder {
  directory: string;
  /** Removes the folder and what is in it. */
  remove(): void;
}

/**
 * Makes a folder for spilled rows in `parent` (default: the system's temporary folder), named
 * after this process: it is removed by `remove`, on exit and stop signals when the program opted
 * in (`removeTemporariesOnExit`), and otherwise by the next spill folder made in the same place
 * once this process is gone.
 */
export function createSpillFolder(parent = tmpdir()): SpillFolder {
  removeAbandonedSpills(parent);
  // mkdtemp makes the folder 0700 and the files are 0600: rows hold names and phone numbers.
  const directory = mkdtempSync(join(parent, `${spillPrefix}${process.pid}-`));
  const forget = onProcessEnd(() => rmSync(directory, { recursive: true, force: true }), {
    path: directory,
  });
  return {
    directory,
    remove() {
      rmSync(directory, { recursive: true, force: true });
      forget();
    },
  };
}

/** Appends lines to the spill file: rows' text one at a time, or lines made elsewhere as bytes. */
interface SpillWriter {
  /** Lines of text (each ended by a line break), bidi controls not yet escaped. */
  text(lines: string): void;
  /** Lines already encoded and escaped (see `RowStore.appendJsonLines`), after what came before. */
  bytes(lines: Uint8Array): void;
  /** Writes out everything appended. */
  flush(): void;
  /** Forgets what was not written yet; nothing is written afterwards. */
  discard(): void;
}

function spillWriter(descriptor: number): SpillWriter {
  // Rows' lines are encoded into one reused buffer, written out when it fills: no text of many
  // rows is ever built (flattening 1 MiB joins cost more than JSON).
  let open = true;
  const writeAll = (bytes: Uint8Array) => {
    let offset = 0;
    while (open && offset < bytes.length)
      offset += writeSync(descriptor, bytes, offset, bytes.length - offset);
  };
  const buffer: LineBuffer = {
    bytes: Buffer.allocUnsafe(flushBytes),
    used: 0,
    reserve(most) {
      writeOut();
      if (most > buffer.bytes.length) buffer.bytes = Buffer.allocUnsafe(most);
    },
  };
  const writeOut = () => {
    writeAll(buffer.bytes.subarray(0, buffer.used));
    buffer.used = 0;
  };
  const encoder = new StoredLineEncoder(buffer);
  return {
    text(lines) {
      encoder.add(lines);
    },
    bytes(lines) {
      encoder.flush();
      if (buffer.used + lines.length > buffer.bytes.length) writeOut();
      if (lines.length > buffer.bytes.length) writeAll(lines);
      else {
        buffer.bytes.set(lines, buffer.used);
        buffer.used += lines.length;
      }
    },
    flush() {
      encoder.flush();
      writeOut();
    },
    discard() {
      open = false;
      buffer.used = 0;
      encoder.discard();
    },
  };
}

export interface FileRowStoreOptions {
  /** Folder the spill file is made in (default: the system's temporary folder). */
  directory?: string;
}

/**
 * A row store that spills rows to a temporary file, one line per row, so a batch of any size
 * keeps only the merge's few numbers per row in memory. A line is the row's JSON with bidi
 * controls escaped (what report.json shows, offered by `readJson`), then, for a campaign with
 * rules, a tab and the JSON of what they are given (`forRules`). The file is deleted by `dispose`, on exit
 * and stop signals when the program opted in (`removeTemporariesOnExit`), and otherwise by the
 * next store made in the same folder once this process is gone.
 */
export function createFileRowStore(options: FileRowStoreOptions = {}): RowStore {
  const folder = createSpillFolder(options.directory);
  const path = join(folder.directory, 'rows.ndjson');
  const descriptor = openSync(path, 'w', 0o600);
  let disposed = false;
  let withValues = false;
  const writer = spillWriter(descriptor);
  return {
    append(row) {
      if (disposed) throw new Error('the row store was disposed');
      if (row.forRules !== undefined) withValues = true;
      writer.text(storedLine(row));
    },
    appendJsonLines(lines, { withRules }) {
      if (disposed) throw new Error('the row store was disposed');
      if (withRules) withValues = true;
      writer.bytes(lines);
    },
    async *read() {
      if (disposed) throw new Error('the row store was disposed');
      writer.flush();
      yield* spilledRows(path);
    },
    *readJson() {
      if (disposed) throw new Error('the row store was disposed');
      writer.flush();
      for (const line of spilledLines(path)) {
        const end = withValues ? line.indexOf(tab) : -1;
        yield end === -1 ? line : line.subarray(0, end);
      }
    },
    async dispose() {
      if (disposed) return;
      disposed = true;
      writer.discard();
      closeSync(descriptor);
      folder.remove();
    },
  };
}
