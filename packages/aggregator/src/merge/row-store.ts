import type { UnnumberedRow } from '../report.js';

/** A row's unit and values as the plugin rules get them (`RowEntry` but its source). */
export interface RowForRules {
  unit: string;
  values: Record<string, unknown>;
}

/**
 * A row as stored: the report's row but its `seq`, made once when the row is read (every field
 * of it is known then), and the values the plugin rules are given.
 */
export interface StoredRow {
  /** The row as report.json shows it, without `seq` (rows are numbered once the merge is done). */
  row: UnnumberedRow;
  /**
   * What the plugin rules are given of the row (the merge adds where it came from): its unit and
   * its values as the schema parsed them. Kept only for a campaign with rules.
   */
  forRules?: RowForRules | undefined;
}

/**
 * Where rows that passed the schema wait between reading and writing. The merge keeps only a
 * few numbers per row; the rows themselves are read back from the store, in the order appended,
 * each time the outputs need them. In memory by default; the Node entry spills to a file, so
 * memory stays flat however many files a batch has.
 */
export interface RowStore {
  append(row: StoredRow): void;
  /**
   * Optional: appends rows already made into the lines `readJson` reads (see `PackedRows.lines`:
   * each the row's JSON with bidi controls escaped, then a tab and the JSON of its `forRules` when
   * `withRules`, and a line break). A worker thread makes them, and the main thread only copies
   * the bytes; without it, rows come to the store one by one as objects.
   */
  appendJsonLines?(lines: Uint8Array, options: { withRules: boolean }): void;
  /** Every row appended, in order; may be read more than once. */
  read(): AsyncIterable<StoredRow>;
  /**
   * Optional: every row appended, in order, as the text of its `row`: `JSON.stringify(row)` with
   * bidi controls as `\u` escapes (`escapeBidiControls`), UTF-8, one item per row, valid until the
   * next is asked for. A store that keeps rows as that text offers it, and report.json is then
   * written from it without making each row's text again. Synchronous: a row's text is copied,
   * never waited for, and an async iteration a row cost ~50 ms for 96,000 rows (two of them
   * between the file and report.json, ~0.1 s of the medium job).
   */
  readJson?(): Iterable<Uint8Array>;
  /** Frees what the store holds (deletes its file); reading afterwards is an error. */
  dispose(): Promise<void>;
}

/** A store that keeps the rows in an array: browsers, tests and small batches. */
export function createMemoryRowStore(): RowStore {
  let rows: StoredRow[] | undefined = [];
  const live = () => {
    if (!rows) throw new Error('the row store was disposed');
    return rows;
  };
  return {
    append(row) {
      live().push(row);
    },
    async *read() {
      yield* live();
    },
    async dispose() {
      rows = undefined;
    },
  };
}

/**
 * A store that keeps no rows, for a caller that wants only the issues and the counts (`jianshen
 * validate`): each row is dropped as it comes. Only for a merge that never reads its rows back
 * (`countsWhenRead`); reading it is an error that says so. Medium batch (96,000 rows): making,
 * encoding and writing each row's line took ~0.48 s of the ~4.1 s `validate` spent on one thread.
 */
export function createDiscardingRowStore(): RowStore {
  return {
    append() {},
    appendJsonLines() {},
    // biome-ignore lint/correctness/useYield: reading a store that kept nothing is always an error.
    async *read() {
      throw new Error('the rows were not kept (keepRows: false)');
    },
    async dispose() {},
  };
}
