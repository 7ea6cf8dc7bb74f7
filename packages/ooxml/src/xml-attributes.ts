import { cellReferenceColumn, cellReferenceColumnIn } from './cell-reference.js';

/**
 * The attributes of the open tag being read, as the tokenizer's in-place handler
 * (`XmlHandlers.openInPlace`) sees them: read while the handler runs, never kept (the view is
 * reused for the next tag). Values read as `open` gives them: entities decoded, literal tabs and
 * newlines made spaces. Names are whole (prefix included), as `open`'s keys are.
 */
export interface XmlAttributes {
  /** How many attributes the tag has. */
  readonly size: number;
  /** The name of the attribute at `index` (0 ≤ index < size), in document order. */
  name(index: number): string;
  /** The value of the attribute at `index`. */
  value(index: number): string;
  /** The value of the attribute `name`, undefined when the tag has none. */
  get(name: string): string | undefined;
  /** `Number(get(name))`, undefined when the tag has no `name`: plain digits read in place. */
  number(name: string): number | undefined;
  /** `cellReferenceColumn(get(name))`, read in place; -1 when the tag has no `name`. */
  column(name: string): number;
}

/** Digits past this many may not be exact in a double: read by Number instead. */
const maxExactDigits = 15;

/** The value of the ASCII digits `text[from, to)`, or -1 when there are none or anything else. */
function digitsValue(text: string, from: number, to: number): number {
  if (to <= from || to - from > maxExactDigits) return -1;
  let value = 0;
  for (let at = from; at < to; at++) {
    const code = text.charCodeAt(at);
    if (code < 48 || code > 57) return -1;
    value = value * 10 + (code - 48);
  }
  return value;
}

/**
 * The tokenizer's record of one tag's attributes, reused from tag to tag: names, and where each
 * plain value stands in the text being scanned, so a reader that wants three numbers from a
 * `<c r="B12" s="3" t="s">` gets them without an object or a string per tag. Medium batch, A/B
 * medians: the worksheet reader's part of the job 1378 → 1155 ms (profile, one thread), the sheet
 * XML tokenizer 59 → 75 MB/s, the whole xlsx reader 34.5 → 39.8 MB/s.
 * A value holding an entity, a tab or a newline is decoded while the tag is scanned, as for
 * `open`: the same errors, at the same place, whether or not the reader looks at it.
 */
export class XmlAttributeList implements XmlAttributes {
  size = 0;
  /** The text the positions point into: the chunk, or the tag joined across chunks. */
  data = '';
  readonly names: string[] = [];
  /** Where each value starts in `data`, or -1 when it was decoded into `decoded`. */
  readonly starts: number[] = [];
  readonly ends: number[] = [];
  readonly decoded: string[] = [];

  /** Sets the value of the attribute at `index` to `data[start, end)`. */
  place(index: number, start: number, end: number): void {
    this.starts[index] = start;
    this.ends[index] = end;
  }

  /** Sets the value of the attribute at `index` to a decoded string. */
  placeDecoded(index: number, value: string): void {
    this.starts[index] = -1;
    this.decoded[index] = value;
  }

  indexOf(name: string): number {
    const names = this.names;
    for (let index = 0; index < this.size; index++) {
      if (names[index] === name) return index;
    }
    return -1;
  }

  name(index: number): string {
    return this.names[index] as string;
  }

  value(index: number): string {
    const start = this.starts[index] as number;
    return start >= 0 ? this.data.slice(start, this.ends[index]) : (this.decoded[index] as string);
  }

  get(name: string): string | undefined {
    const index = this.indexOf(name);
    return index < 0 ? undefined : this.value(index);
  }

  number(name: string): number | undefined {
    const index = this.indexOf(name);
    if (index < 0) return undefined;
    const start = this.starts[index] as number;
    const value = start >= 0 ? digitsValue(this.data, start, this.ends[index] as number) : -1;
    // Anything but plain digits (` 3`, `1e2`, `0x10`, ``) the way Number reads it.
    return value >= 0 ? value : Number(this.value(index));
  }

  column(name: string): number {
    const index = this.indexOf(name);
    if (index < 0) return -1;
    const start = this.starts[index] as number;
    return start >= 0
      ? cellReferenceColumnIn(this.data, start, this.ends[index] as number)
      : cellReferenceColumn(this.decoded[index] as string);
  }
}
