import { escapeBidiControls } from '@jianshen/ooxml';
import type { PreparedSubmission } from '../prepare/prepare-submission.js';
import { hasBidiControl } from '../write/bidi-control-bytes.js';
import { unnumberedRow } from './unnumbered-row.js';

/**
 * A file's accepted rows in the form the merge keeps them: the lines a row store writes, made
 * where the file was prepared (a worker thread), and the few numbers per row the merge and the
 * summary count. Posting rows as objects cost the worker ~275 ms of structured cloning and the
 * main thread its deserialising, each row's JSON and ~3× the garbage for 120 files × 800 rows,
 * so that a worker did not pay on 2 cores; these are one transferred buffer and a few typed arrays.
 */
export interface PackedRows {
  count: number;
  /**
   * One line per row, each ended by a line break: the report row's JSON without `seq`, then, for
   * a campaign with rules, a tab and the JSON of `forRules`; bidi controls as `\u` escapes, UTF-8.
   * Exactly what the Node entry's file row store writes for the rows one by one.
   */
  lines: Uint8Array;
  /** The lines hold `forRules`. */
  withRules: boolean;
  /** The texts the columns below point into (sheets, units, activity modes, first days). */
  texts: string[];
  /** Per row, in order. */
  row: Int32Array;
  sheet: Int32Array;
  tableUnit: Int32Array;
  unit: Int32Array;
  mode: Int32Array;
  start: Int32Array;
  key: Float64Array;
  secondKey: Int32Array;
}

/** A prepared file whose rows may have come packed (then its `rows` is empty). */
export interface PackedSubmission extends PreparedSubmission {
  packed?: PackedRows;
}

export interface PackOptions {
  /** Keys of the campaign's plugin fields, in order (the report row holds them after `note`). */
  pluginKeys: readonly string[];
  /** The campaign has rules: each line carries what they are given of the row. */
  withRules: boolean;
}

// Lines are gathered into a text of about this many characters, then encoded into the buffer:
// one encoding call a row, or one for the whole file's text (a string of many pieces flattened
// first), cost more (worker, 120 files × 800 rows: 320 ms in encoding the whole text at once).
const batchChars = 8 * 1024;

/** UTF-8 lines in a buffer grown as needed, bidi controls escaped as the file store does. */
class LineBytes {
  #bytes = new Uint8Array(64 * 1024);
  #used = 0;
  #pending = '';
  readonly #encoder = new TextEncoder();

  add(line: string): void {
    this.#pending += line;
    if (this.#pending.length >= batchChars) this.#encodePending();
  }

  /** The lines, in a buffer of their own (to be transferred). */
  finish(): Uint8Array {
    this.#encodePending();
    return this.#bytes.slice(0, this.#used);
  }

  #encodePending(): void {
    if (this.#pending === '') return;
    const start = this.#used;
    this.#encode(this.#pending);
    // Looked for in the bytes, and the text encoded again in the rare batch that has one.
    if (hasBidiControl(this.#bytes.subarray(start, this.#used))) {
      this.#used = start;
      this.#encode(escapeBidiControls(this.#pending));
    }
    this.#pending = '';
  }

  #encode(text: string): void {
    // A UTF-16 code unit never takes more than three bytes in UTF-8.
    const most = this.#used + text.length * 3;
    if (most > this.#bytes.length) {
      const larger = new Uint8Array(Math.max(most, this.#bytes.length * 2));
      larger.set(this.#bytes.subarray(0, this.#used));
      this.#bytes = larger;
    }
    this.#used += this.#encoder.encodeInto(text, this.#bytes.subarray(this.#used)).written;
  }
}

/** The buffers of packed rows, for a `postMessage` transfer list. */
export function packedBuffers(packed: PackedRows): ArrayBuffer[] {
  const { lines, row, sheet, tableUnit, unit, mode, start, key, secondKey } = packed;
  return [lines, row, sheet, tableUnit, unit, mode, start, key, secondKey].map(
    (array) => array.buffer as ArrayBuffer,
  );
}

/** `prepared` with its rows packed; the report rows are made exactly as the merge makes them. */
export function packRows(prepared: PreparedSubmission, options: PackOptions): PackedSubmission {
  const { rows } = prepared;
  const count = rows.length;
  const texts: string[] = [];
  const ids = new Map<string, number>();
  const textId = (text: string) => {
    let id = ids.get(text);
    if (id === undefined) {
      id = texts.push(text) - 1;
      ids.set(text, id);
    }
    return id;
  };
  const packed: PackedRows = {
    count,
    lines: new Uint8Array(0),
    withRules: options.withRules,
    texts,
    row: new Int32Array(count),
    sheet: new Int32Array(count),
    tableUnit: new Int32Array(count),
    unit: new Int32Array(count),
    mode: new Int32Array(count),
    start: new Int32Array(count),
    key: new Float64Array(count),
    secondKey: new Int32Array(count),
  };
  const lines = new LineBytes();
  for (const [at, entry] of rows.entries()) {
    // The source as the merge gives it: the file's path as the report shows it.
    const source = { path: prepared.file.path, sheet: entry.source.sheet, row: entry.source.row };
    const shown = unnumberedRow(entry, source, options.pluginKeys);
    let line = JSON.stringify(shown);
    if (options.withRules) line += `\t${JSON.stringify({ unit: entry.unit, values: entry.values })}`;
    lines.add(`${line}\n`);
    packed.row[at] = source.row;
    packed.sheet[at] = textId(source.sheet);
    packed.tableUnit[at] = textId(entry.tableUnit);
    packed.unit[at] = textId(shown.unit);
    packed.mode[at] = textId(shown.mode);
    packed.start[at] = textId(shown.start);
    packed.key[at] = entry.key[0];
    packed.secondKey[at] = entry.key[1];
  }
  packed.lines = lines.finish();
  return { ...prepared, rows: [], packed };
}
