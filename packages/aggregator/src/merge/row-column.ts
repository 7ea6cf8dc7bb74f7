type TypedArray = Uint8Array | Int32Array | Float64Array;
type TypedArrayConstructor<Array extends TypedArray> = new (length: number) => Array;

// Chunks of this many entries: growing never copies what is there, and a chunk is small.
const chunkSize = 1 << 16;

/**
 * One number per row, in typed-array chunks: a few bytes per row where a JavaScript array of
 * numbers costs eight or more, so the merge of a country's rows stays small.
 */
export class RowColumn<Array extends TypedArray> {
  private readonly chunks: Array[] = [];
  private size = 0;

  constructor(private readonly make: TypedArrayConstructor<Array>) {}

  get length(): number {
    return this.size;
  }

  /** Appends a value; returns its index. */
  push(value: number): number {
    const offset = this.size % chunkSize;
    if (offset === 0) this.chunks.push(new this.make(chunkSize));
    const chunk = this.chunks[this.chunks.length - 1] as Array;
    chunk[offset] = value;
    return this.size++;
  }

  get(index: number): number {
    return this.chunks[Math.floor(index / chunkSize)]?.[index % chunkSize] ?? 0;
  }

  set(index: number, value: number): void {
    const chunk = this.chunks[Math.floor(index / chunkSize)];
    if (chunk && index < this.size) chunk[index % chunkSize] = value;
  }
}

export const bytes = () => new RowColumn(Uint8Array);
export const integers = () => new RowColumn(Int32Array);
export const doubles = () => new RowColumn(Float64Array);
