/** A row as stored: where it came from is kept by the merge, beside its standing. */
export interface StoredRow {
  unit: string;
  values: Record<string, unknown>;
  extra: Record<string, string>;
}

/**
 * Where rows that passed the schema wait between reading and writing. The merge keeps only a
 * few numbers per row; the rows themselves are read back from the store, in the order appended,
 * each time the outputs need them. In memory by default; the Node entry spills to a file, so
 * memory stays flat however many files a batch has.
 */
export interface RowStore {
  append(row: StoredRow): void;
  /** Every row appended, in order; may be read more than once. */
  read(): AsyncIterable<StoredRow>;
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
