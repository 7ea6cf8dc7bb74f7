import type { PreparedSubmission } from '../prepare/prepare-submission.js';
import { type LineBuffer, StoredLineEncoder, storedLine } from './stored-lines.js';
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

/** A buffer for a file's lines that grows as needed (the lines are transferred whole). */
function growingBuffer(): LineBuffer {
  const buffer: LineBuffer = {
    bytes: new Uint8Array(64 * 1024),
    used: 0,
    reserve(most) {
      const larger = new Uint8Array(Math.max(buffer.used + most, buffer.bytes.length * 2));
      larger.set(buffer.bytes.subarray(0, buffer.used));
      buffer.bytes = larger;
    },
  };
  return buffer;
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
  const buffer = growingBuffer();
  const lines = new StoredLineEncoder(buffer);
  for (const [at, entry] of rows.entries()) {
    // The source as the merge gives it: the file's path as the report shows it.
    const source = { path: prepared.file.path, sheet: entry.source.sheet, row: entry.source.row };
    const shown = unnumberedRow(entry, source, options.pluginKeys);
    const forRules = options.withRules ? { unit: entry.unit, values: entry.values } : undefined;
    lines.add(storedLine({ row: shown, forRules }));
    packed.row[at] = source.row;
    packed.sheet[at] = textId(source.sheet);
    packed.tableUnit[at] = textId(entry.tableUnit);
    packed.unit[at] = textId(shown.unit);
    packed.mode[at] = textId(shown.mode);
    packed.start[at] = textId(shown.start);
    packed.key[at] = entry.key[0];
    packed.secondKey[at] = entry.key[1];
  }
  lines.flush();
  packed.lines = buffer.bytes.slice(0, buffer.used);
  return { ...prepared, rows: [], packed };
}
