import type { XmlAttributeList } from './xml-attributes.js';

/** What the lane reports to: the part's handlers, as the tokenizer calls them. */
export interface RowLaneHandlers {
  openInPlace(name: string, attributes: XmlAttributeList): void;
  close: (name: string) => void;
  /** Undefined when the handlers take no text: none is sliced. */
  text: ((text: string) => void) | undefined;
}

/** The tokenizer's bounds, which the lane keeps by leaving anything past them to the tokenizer. */
export interface RowLaneBounds {
  maxText: number;
  maxMarkup: number;
}

const lessThan = 0x3c;
const greaterThan = 0x3e;
const slash = 0x2f;
const equals = 0x3d;
const quote = 0x22;
const apostrophe = 0x27;
const ampersand = 0x26;
const closingBracket = 0x5d;
const tab = 0x09;
const newline = 0x0a;

/**
 * The code unit at `data[at]`, -1 past the end. Never read past the end: V8 deoptimises a
 * function at an out-of-bounds charCodeAt (which every chunk's end is), and after a few dozen
 * left the lane slower than the tokenizer (450–520 ms against 230 ms on the medium batch's sheets).
 */
const codeAt = (data: string, at: number): number => (at < data.length ? data.charCodeAt(at) : -1);

// Carriage returns never reach the lane: the tokenizer makes them newlines first.
const isSpace = (code: number) => code === 0x20 || code === newline || code === tab;

/** ASCII letters, `_` and `:`: the names Office writes start with these. */
const isNameStart = (code: number) =>
  (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a) || code === 0x5f || code === 0x3a;

const isNameCharacter = (code: number) =>
  isNameStart(code) || (code >= 0x30 && code <= 0x39) || code === 0x2d || code === 0x2e;

const letterC = 0x63;
const letterF = 0x66;
const letterV = 0x76;

/** What may follow a tag's name: whitespace, `>` or `/`. */
const endsName = (code: number) => code === greaterThan || code === slash || isSpace(code);

// The checks below are made at a `<` already found (`data[lt]`): only what follows it is read,
// each character once. Every charCodeAt costs a look at the string's representation, and the
// lane's first version, which read the `<` again in each check, ran at half the speed.

/** After the `<` at `data[lt]`: the tag `<x` of a one-letter bare name `x` (its code). */
const opensLetterTag = (data: string, lt: number, letter: number) =>
  codeAt(data, lt + 1) === letter && endsName(codeAt(data, lt + 2));

/** After the `<` at `data[lt]`: `</x>` of a one-letter bare name, written without spaces. */
const closesLetterTag = (data: string, lt: number, letter: number) =>
  codeAt(data, lt + 1) === slash && codeAt(data, lt + 2) === letter && codeAt(data, lt + 3) === greaterThan;

/** After the `<` at `data[lt]`: `<row`. */
const opensRow = (data: string, lt: number) =>
  codeAt(data, lt + 1) === 0x72 &&
  codeAt(data, lt + 2) === 0x6f &&
  codeAt(data, lt + 3) === 0x77 &&
  endsName(codeAt(data, lt + 4));

/** After the `<` at `data[lt]`: `</row>`. */
const closesRow = (data: string, lt: number) =>
  codeAt(data, lt + 1) === slash &&
  codeAt(data, lt + 2) === 0x72 &&
  codeAt(data, lt + 3) === 0x6f &&
  codeAt(data, lt + 4) === 0x77 &&
  codeAt(data, lt + 5) === greaterThan;

/**
 * A fast lane for a worksheet's rows. A sheet is ~90% `<row>`s of one shape: `<c>` cells holding a
 * `<v>` value and now and then an `<f>` formula, plain attributes, no entities. The tokenizer reads
 * each of those tags through its general steps (names remembered, the element stack, text gathered
 * and flushed per node); the lane matches the shape directly and reports the same events to the
 * same handlers. Medium bench batch's sheet XML (31 M characters), a prototype of this lane against
 * the tokenizer with the worksheet reader's handlers: 230 ms against 660–850 ms.
 *
 * The lane accepts only what it fully checks: ASCII names, attributes `name="value"` with no entity,
 * `<`, tab or newline in the value, text with no `&` or `]`, tags and text within the tokenizer's
 * bounds, close tags written without spaces. At anything else (an inline string, a comment, an
 * entity, a tag cut by the end of the chunk) it stops at the start of that tag or text, having
 * reported everything before it, and says which elements it left open (`open`): the tokenizer goes
 * on from there as if it had read them, so every refusal and every cut is the tokenizer's own.
 */
export class WorksheetRowLane {
  /** Elements left open where the lane last stopped: none (0), a `row` (1), a `row` and its `c` (2). */
  open = 0;
  /** The last tag read closed itself (`/>`). */
  private selfClosing = false;
  /** Attribute names seen, by first character: a sheet repeats a handful, matched in place. */
  private readonly recentNames: (string | undefined)[] = new Array(128).fill(undefined);

  private readonly openInPlace: RowLaneHandlers['openInPlace'];
  private readonly close: RowLaneHandlers['close'];
  private readonly onText: RowLaneHandlers['text'];
  private readonly maxText: number;
  private readonly maxMarkup: number;

  constructor(
    handlers: RowLaneHandlers,
    private readonly attributes: XmlAttributeList,
    bounds: RowLaneBounds,
  ) {
    this.openInPlace = handlers.openInPlace;
    this.close = handlers.close;
    this.onText = handlers.text;
    this.maxText = bounds.maxText;
    this.maxMarkup = bounds.maxMarkup;
  }

  /**
   * Reads rows from the `<row` at `data[from]`, one after another, for as long as they are of the
   * lane's shape: returns where it stopped (`from` when it read nothing), with `open` set.
   */
  rows(data: string, from: number): number {
    let at = from;
    for (;;) {
      const end = this.row(data, at);
      if (this.open !== 0 || end === at) return end;
      at = end;
      // Whitespace, then the next row: read on. Anything else is the tokenizer's.
      let next = at;
      while (isSpace(codeAt(data, next))) next++;
      if (codeAt(data, next) !== lessThan || !opensRow(data, next) || next - at > this.maxText) return at;
      this.text(data, at, next);
      at = next;
    }
  }

  /** The `<row>` at `data[lt]`: returns where the lane stopped, after it when read whole. */
  private row(data: string, lt: number): number {
    this.open = 0;
    if (!opensRow(data, lt)) return lt;
    const tagEnd = this.tag(data, lt, 3);
    if (tagEnd < 0) return lt;
    this.openInPlace('row', this.attributes);
    if (this.selfClosing) {
      this.close('row');
      return tagEnd;
    }
    this.open = 1;
    let at = tagEnd;
    for (;;) {
      const next = this.nextTag(data, at);
      if (next < 0) return at;
      if (opensLetterTag(data, next, letterC)) {
        at = this.cell(data, next);
        if (this.open === 2 || at === next) return at;
      } else if (closesRow(data, next)) {
        this.close('row');
        this.open = 0;
        return next + 6;
      } else return next;
    }
  }

  /** The `<c>` at `data[lt]`, inside a row: returns where the lane stopped, after it when read whole. */
  private cell(data: string, lt: number): number {
    const tagEnd = this.tag(data, lt, 1);
    if (tagEnd < 0) return lt;
    this.openInPlace('c', this.attributes);
    if (this.selfClosing) {
      this.close('c');
      return tagEnd;
    }
    this.open = 2;
    let at = tagEnd;
    for (;;) {
      const next = this.nextTag(data, at);
      if (next < 0) return at;
      const letter = codeAt(data, next + 1);
      if ((letter === letterV || letter === letterF) && endsName(codeAt(data, next + 2))) {
        at = this.leaf(data, next, letter);
        if (at === next) return next;
      } else if (closesLetterTag(data, next, letterC)) {
        this.close('c');
        this.open = 1;
        return next + 4;
      } else return next;
    }
  }

  /**
   * A `<v>` or `<f>` at `data[lt]` and its text: reported only when read whole, so the lane never
   * stops inside one. Returns where it ends, or `lt`.
   */
  private leaf(data: string, lt: number, letter: number): number {
    const name = letter === letterV ? 'v' : 'f';
    const tagEnd = this.tag(data, lt, 1);
    if (tagEnd < 0) return lt;
    if (this.selfClosing) {
      this.openInPlace(name, this.attributes);
      this.close(name);
      return tagEnd;
    }
    let end = tagEnd;
    for (; end < data.length; end++) {
      const code = data.charCodeAt(end);
      if (code === lessThan) break;
      // An entity is decoded, and `]]>` refused, by the tokenizer.
      if (code === ampersand || code === closingBracket) return lt;
    }
    if (end - tagEnd > this.maxText || !closesLetterTag(data, end, letter)) return lt;
    this.openInPlace(name, this.attributes);
    if (end > tagEnd && this.onText !== undefined) this.onText(data.slice(tagEnd, end));
    this.close(name);
    return end + 4;
  }

  /**
   * Where the next tag starts, at `data[at]` or after whitespace (reported as text), or -1 (the
   * chunk ends first, or something other than whitespace comes).
   */
  private nextTag(data: string, at: number): number {
    if (codeAt(data, at) === lessThan) return at;
    let next = at;
    while (isSpace(codeAt(data, next))) next++;
    if (codeAt(data, next) !== lessThan || next - at > this.maxText) return -1;
    this.text(data, at, next);
    return next;
  }

  private text(data: string, from: number, to: number): void {
    if (to > from && this.onText !== undefined) this.onText(data.slice(from, to));
  }

  /**
   * The open tag at `data[lt]` whose bare name is `nameLength` characters: its attributes into
   * the view, `selfClosing` set. Returns where it ends, or -1 when it is not of the lane's shape.
   */
  private tag(data: string, lt: number, nameLength: number): number {
    const end = this.readAttributes(data, lt + 1 + nameLength);
    if (end < 0) return -1;
    this.selfClosing = codeAt(data, end) === slash;
    const after = this.selfClosing ? end + 2 : end + 1;
    return after - lt > this.maxMarkup ? -1 : after;
  }

  /**
   * The attributes from `data[at]` (right after the tag's name) into the view: returns where its
   * `>` or `/>` stands, or -1.
   */
  private readAttributes(data: string, from: number): number {
    const list = this.attributes;
    list.size = 0;
    list.data = data;
    let at = from;
    for (;;) {
      let code = codeAt(data, at);
      if (code === greaterThan) return at;
      if (code === slash) return codeAt(data, at + 1) === greaterThan ? at : -1;
      if (!isSpace(code)) return -1;
      do code = codeAt(data, ++at);
      while (isSpace(code));
      if (code === greaterThan || code === slash) continue;
      at = this.attribute(data, at, code);
      if (at < 0) return -1;
    }
  }

  /** One `name="value"` at `data[start]` (`first` its code) into the view: returns where it ends, or -1. */
  private attribute(data: string, start: number, first: number): number {
    if (!isNameStart(first)) return -1;
    // The name last seen with this first character, followed by `=`: most of a sheet's names.
    let name = this.recentNames[first];
    let nameEnd = name === undefined ? -1 : this.matchedNameEnd(data, start, name);
    if (nameEnd < 0) {
      nameEnd = start + 1;
      while (isNameCharacter(codeAt(data, nameEnd))) nameEnd++;
      if (codeAt(data, nameEnd) !== equals) return -1;
      name = data.slice(start, nameEnd);
      this.recentNames[first] = name;
    }
    const quoteCode = codeAt(data, nameEnd + 1);
    if (quoteCode !== quote && quoteCode !== apostrophe) return -1;
    const valueStart = nameEnd + 2;
    let close = valueStart;
    for (; close < data.length; close++) {
      const code = data.charCodeAt(close);
      if (code === quoteCode) break;
      // Decoded or normalised by the tokenizer, which refuses `<`.
      if (code === ampersand || code === lessThan || code === tab || code === newline) return -1;
    }
    if (close >= data.length) return -1;
    const list = this.attributes;
    // A repeated name is refused by the tokenizer.
    if (list.indexOf(name as string) >= 0) return -1;
    list.names[list.size] = name as string;
    list.place(list.size, valueStart, close);
    list.size++;
    return close + 1;
  }

  /** Where `name` ends when it stands at `data[start]` followed by `=`, else -1. */
  private matchedNameEnd(data: string, start: number, name: string): number {
    const end = start + name.length;
    if (codeAt(data, end) !== equals) return -1;
    for (let index = 1; index < name.length; index++) {
      if (data.charCodeAt(start + index) !== name.charCodeAt(index)) return -1;
    }
    return end;
  }
}
