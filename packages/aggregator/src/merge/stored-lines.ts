import { escapeBidiControls } from '@jianshen/ooxml';
import { hasBidiControl } from '../write/bidi-control-bytes.js';
import type { StoredRow } from './row-store.js';

// Lines are gathered into a text of about this many characters before it is encoded: one
// encoding call per row cost more than its JSON.stringify (96,000 rows, CPU: 244 ms one call a
// row, 131 ms in batches of 8 Ki characters, which stay far below V8's large-object size); one
// call for a whole file's text (a string of many pieces, flattened first) cost more too (a read
// worker, 120 files × 800 rows: 320 ms).
const batchChars = 8 * 1024;

/**
 * A stored row as one line of the row store (the file store's spill, a worker's packed rows): the
 * report row's JSON without `seq`, then, for a campaign with rules, a tab and the JSON of what
 * they are given (JSON text never holds a tab: JSON.stringify writes one in a string as \t), and
 * a line break. Bidi controls are escaped when the line is encoded (`StoredLineEncoder`).
 */
export function storedLine(stored: StoredRow): string {
  const row = JSON.stringify(stored.row);
  return stored.forRules === undefined ? `${row}\n` : `${row}\t${JSON.stringify(stored.forRules)}\n`;
}

/** Bytes that encoded lines are written into, after the first `used`. */
export interface LineBuffer {
  bytes: Uint8Array;
  used: number;
  /** Makes room for `most` more bytes: the buffer written out and emptied, or grown. */
  reserve(most: number): void;
}

/**
 * Encodes lines of text as UTF-8 into a `LineBuffer`, a batch at a time, bidi controls as `\u`
 * escapes: escaped once here, not each time report.json is written (JSON.parse reads \u202e
 * back); looked for in the bytes, and the text encoded again in the rare batch that has one.
 */
export class StoredLineEncoder {
  readonly #buffer: LineBuffer;
  readonly #encoder = new TextEncoder();
  #pending = '';

  constructor(buffer: LineBuffer) {
    this.#buffer = buffer;
  }

  add(lines: string): void {
    this.#pending += lines;
    if (this.#pending.length >= batchChars) this.flush();
  }

  /** Encodes what is pending into the buffer. */
  flush(): void {
    if (this.#pending === '') return;
    const start = this.#encode(this.#pending);
    const buffer = this.#buffer;
    if (hasBidiControl(buffer.bytes.subarray(start, buffer.used))) {
      buffer.used = start;
      this.#encode(escapeBidiControls(this.#pending));
    }
    this.#pending = '';
  }

  /** Forgets what is pending. */
  discard(): void {
    this.#pending = '';
  }

  /** Encodes `text` after what is in the buffer; resolves to where it starts. */
  #encode(text: string): number {
    const buffer = this.#buffer;
    // A UTF-16 code unit never takes more than three bytes in UTF-8.
    const most = text.length * 3;
    if (buffer.used + most > buffer.bytes.length) buffer.reserve(most);
    const start = buffer.used;
    buffer.used += this.#encoder.encodeInto(text, buffer.bytes.subarray(start)).written;
    return start;
  }
}
