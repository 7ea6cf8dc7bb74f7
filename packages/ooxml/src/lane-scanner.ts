import type { XmlAttributeList } from './xml-attributes.js';

/** What a lane reports to: the part's handlers, as the tokenizer calls them. */
export interface LaneHandlers {
  openInPlace(name: string, attributes: XmlAttributeList): void;
  close: (name: string) => void;
  /** Undefined when the handlers take no text: none is sliced. */
  text: ((text: string) => void) | undefined;
}

/** What a lane takes from the tokenizer: its bounds, kept by leaving anything past them to it, and its decoder. */
export interface LaneContext {
  maxText: number;
  maxMarkup: number;
  /** The tokenizer's entity decoder: `raw` with its references from `raw[amp]` replaced, or its error. */
  decode(raw: string, amp: number): string;
}

const lessThan = 0x3c;
export const greaterThan = 0x3e;
export const slash = 0x2f;
const equals = 0x3d;
const quote = 0x22;
const apostrophe = 0x27;
const ampersand = 0x26;
const closingBracket = 0x5d;
const tab = 0x09;
const newline = 0x0a;

/**
 * The code unit at `data[at]`, -1 past the end. Never read past the end: V8 deoptimises a
 * function at an out-of-bounds charCodeAt, which every chunk's end is. With bare charCodeAt the
 * xlsx reader took 0.90 of its time without the lane; with this check, 0.82 (medium batch, file
 * by file in alternation).
 */
export const codeAt = (data: string, at: number): number => (at < data.length ? data.charCodeAt(at) : -1);

// Carriage returns never reach the lane: the tokenizer makes them newlines first.
const isSpace = (code: number) => code === 0x20 || code === newline || code === tab;

/** ASCII letters, `_` and `:`: the names Office writes start with these. */
const isNameStart = (code: number) =>
  (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a) || code === 0x5f || code === 0x3a;

const isNameCharacter = (code: number) =>
  isNameStart(code) || (code >= 0x30 && code <= 0x39) || code === 0x2d || code === 0x2e;

/** What may follow a tag's name: whitespace, `>` or `/`. */
export const endsName = (code: number) => code === greaterThan || code === slash || isSpace(code);

// The checks below are made at a `<` already found (`data[lt]`): only what follows it is read,
// each character once (every charCodeAt looks at the string's representation first).

/** After the `<` at `data[lt]`: the tag `<x` of a one-letter bare name `x` (its code). */
export const opensLetterTag = (data: string, lt: number, letter: number) =>
  codeAt(data, lt + 1) === letter && endsName(codeAt(data, lt + 2));

const letterT = 0x74;
const letterR = 0x72;
const colon = 0x3a;

/** A run's formatting remembered: its text, from `<rPr>` to `</rPr>`, and what reading it reported. */
interface RememberedProperties {
  text: string;
  elements: RememberedElement[];
}

/** One empty element of a remembered `<rPr>`: where it starts and its attributes' places, from the block's start. */
interface RememberedElement {
  name: string;
  at: number;
  names: string[];
  /** Start and end of each attribute's value, from the element's `<`. */
  places: number[];
}

/** How many different runs' formatting are remembered at once. */
const rememberedBlocks = 4;

/** After the `<` at `data[lt]`: `<rPr`. */
const opensRunProperties = (data: string, lt: number) =>
  codeAt(data, lt + 1) === letterR &&
  codeAt(data, lt + 2) === 0x50 &&
  codeAt(data, lt + 3) === 0x72 &&
  endsName(codeAt(data, lt + 4));

/** After the `<` at `data[lt]`: `</rPr>`, written without spaces. */
const closesRunProperties = (data: string, lt: number) =>
  codeAt(data, lt + 1) === slash &&
  codeAt(data, lt + 2) === letterR &&
  codeAt(data, lt + 3) === 0x50 &&
  codeAt(data, lt + 4) === 0x72 &&
  codeAt(data, lt + 5) === greaterThan;

/**
 * Whether `name` stands at `data[from]`, its first character known to (names remembered by their
 * first character, for attributes and for a run's formatting elements).
 */
const restOfNameAt = (data: string, from: number, name: string) => {
  for (let index = 1; index < name.length; index++) {
    if (codeAt(data, from + index) !== name.charCodeAt(index)) return false;
  }
  return true;
};

/** After the `<` at `data[lt]`: the tag `<xy` of a two-letter bare name (`si`, `is`). */
export const opensTwoLetterTag = (data: string, lt: number, name: string) =>
  codeAt(data, lt + 1) === name.charCodeAt(0) &&
  codeAt(data, lt + 2) === name.charCodeAt(1) &&
  endsName(codeAt(data, lt + 3));

/** After the `<` at `data[lt]`: `</xy>` of a two-letter bare name, written without spaces. */
const closesTwoLetterTag = (data: string, lt: number, name: string) =>
  codeAt(data, lt + 1) === slash &&
  codeAt(data, lt + 2) === name.charCodeAt(0) &&
  codeAt(data, lt + 3) === name.charCodeAt(1) &&
  codeAt(data, lt + 4) === greaterThan;

/** After the `<` at `data[lt]`: `</x>` of a one-letter bare name, written without spaces. */
export const closesLetterTag = (data: string, lt: number, letter: number) =>
  codeAt(data, lt + 1) === slash && codeAt(data, lt + 2) === letter && codeAt(data, lt + 3) === greaterThan;

/** What a lane is made with: the handlers it reports to, the tokenizer's attribute view, its context. */
export type LaneParameters = [handlers: LaneHandlers, attributes: XmlAttributeList, context: LaneContext];

/**
 * What the fast lanes share: reading tags of a known shape where the tokenizer found them, into its
 * attribute view, and reporting them to its handlers; a lane (WorksheetRowLane, SharedStringLane)
 * adds the elements its part repeats. A lane accepts only what it fully checks: ASCII names,
 * attributes `name="value"` with no entity, `<`, tab or newline in the value, texts with no `]`,
 * tags and texts within the tokenizer's bounds, close tags written without spaces. At anything
 * else (an element of another shape, a comment, a tag cut by the end of the chunk) it stops at the
 * start of that tag or text, having reported everything before it, and names the elements it left
 * open (`openNames`): the tokenizer goes on from there as if it had read them, so every refusal and
 * every cut is the tokenizer's own. A text's entities are decoded by the tokenizer's own decoder.
 */
export abstract class LaneScanner {
  /**
   * How many of `nesting` are open where the lane last stopped. A count, not a stack: pushing and
   * popping names for every cell cost the row lane ~3% of reading the medium batch.
   */
  protected depth = 0;
  /** The last tag read closed itself (`/>`). */
  protected selfClosing = false;
  /** Attribute names seen, by first character: a part repeats a handful, matched in place. */
  private readonly recentNames: (string | undefined)[] = new Array(128).fill(undefined);
  /** Runs' formatting read whole, to be met again (see `runProperties`). */
  private readonly remembered: (RememberedProperties | undefined)[] = new Array(rememberedBlocks).fill(
    undefined,
  );
  private nextRemembered = 0;
  /** Element names of a run's formatting seen, by first character (see `elementName`). */
  private readonly recentElements: (string | undefined)[] = new Array(128).fill(undefined);
  /** The first letter (its code) of the element the lane repeats: the tokenizer offers it tags so begun. */
  readonly letter: number;
  protected readonly openInPlace: LaneHandlers['openInPlace'];
  protected readonly close: LaneHandlers['close'];
  private readonly onText: LaneHandlers['text'];
  private readonly maxText: number;
  private readonly maxMarkup: number;
  private readonly decode: LaneContext['decode'];

  constructor(
    /** The elements the lane's shape nests, outermost first (`row`, `c`). */
    private readonly nesting: readonly string[],
    handlers: LaneHandlers,
    protected readonly attributes: XmlAttributeList,
    context: LaneContext,
  ) {
    this.letter = nesting[0]?.charCodeAt(0) ?? -1;
    this.openInPlace = handlers.openInPlace;
    this.close = handlers.close;
    this.onText = handlers.text;
    this.maxText = context.maxText;
    this.maxMarkup = context.maxMarkup;
    this.decode = context.decode;
  }

  /**
   * Reads the lane's element from the `<` at `data[from]`, then each one that follows after
   * whitespace, for as long as they are of the lane's shape: returns where it stopped (`from` when
   * it read nothing), `openNames` set.
   */
  read(data: string, from: number): number {
    this.depth = 0;
    let at = from;
    for (;;) {
      const end = this.element(data, at);
      if (this.depth > 0 || end === at) return end;
      at = end;
      // Whitespace, then the next element: read on. Anything else is the tokenizer's.
      let next = at;
      while (isSpace(codeAt(data, next))) next++;
      if (codeAt(data, next) !== lessThan || !this.opens(data, next) || next - at > this.maxText) return at;
      this.text(data, at, next);
      at = next;
    }
  }

  /** After the `<` at `data[lt]`: the element the lane repeats (`<row`, `<si`). */
  protected abstract opens(data: string, lt: number): boolean;

  /** The element the lane repeats, at `data[lt]`: returns where the lane stopped, after it when read whole. */
  protected abstract element(data: string, lt: number): number;

  /** Elements left open where the lane last stopped, outermost first: the tokenizer's from there on. */
  get openNames(): readonly string[] {
    return this.nesting.slice(0, this.depth);
  }

  /**
   * A text item at `data[lt]`, `<si>` or `<is>` (two-letter `name`): `<t>` leaves and rich-text
   * runs (`<r>`, see `run`), what Excel, WPS and LibreOffice write; phonetic guides are the
   * tokenizer's. Open, it is the `inside`-th of `nesting`, and the two names after it there are
   * `r` and `rPr`. Returns where the lane stopped, after it when read whole.
   */
  protected textItem(data: string, lt: number, name: string, inside: number): number {
    const tagEnd = this.openElement(data, lt, name);
    if (tagEnd < 0) return lt;
    if (this.selfClosing) return tagEnd;
    this.depth = inside;
    let at = tagEnd;
    for (;;) {
      const next = this.nextTag(data, at);
      if (next < 0) return at;
      if (opensLetterTag(data, next, letterT)) {
        at = this.leaf(data, next, 't', letterT);
        if (at === next) return next;
      } else if (opensLetterTag(data, next, letterR)) {
        at = this.run(data, next, inside);
        if (at === next || this.depth !== inside) return at;
      } else if (closesTwoLetterTag(data, next, name)) {
        this.close(name);
        this.depth = inside - 1;
        return next + 5;
      } else return next;
    }
  }

  /**
   * A rich-text run at `data[lt]` inside a text item open at depth `inside`: `<r>`, its
   * formatting (`<rPr>` of empty elements: `<sz val="11"/>`, `<rFont val="宋体"/>`, `<b/>`) and its
   * `<t>`. LibreOffice writes every text that mixes Chinese and digits as runs, one font each: its
   * shared-string tables were 3.5 times its sheets' reading time through the tokenizer.
   * Returns where the lane stopped, after the run when read whole (`depth` back at `inside`).
   */
  private run(data: string, lt: number, inside: number): number {
    const tagEnd = this.openElement(data, lt, 'r');
    if (tagEnd < 0) return lt;
    if (this.selfClosing) return tagEnd;
    this.depth = inside + 1;
    let at = tagEnd;
    for (;;) {
      const next = this.nextTag(data, at);
      if (next < 0) return at;
      if (opensLetterTag(data, next, letterT)) {
        at = this.leaf(data, next, 't', letterT);
        if (at === next) return next;
      } else if (opensRunProperties(data, next)) {
        at = this.runProperties(data, next, inside + 1);
        if (at === next || this.depth !== inside + 1) return at;
      } else if (closesLetterTag(data, next, letterR)) {
        this.close('r');
        this.depth = inside;
        return next + 4;
      } else return next;
    }
  }

  /**
   * A run's `<rPr>` at `data[lt]`, its run open at depth `inside`: empty elements only. A writer
   * repeats a handful of these word for word (LibreOffice two, one font each, ~100 characters
   * of attributes for a few characters of text): one read whole is remembered, and the same
   * text met again is reported from the record, as reading it would.
   */
  private runProperties(data: string, lt: number, inside: number): number {
    const known = this.rememberedProperties(data, lt);
    if (known !== undefined) return this.replayProperties(data, lt, known);
    const tagEnd = this.openElement(data, lt, 'rPr');
    if (tagEnd < 0) return lt;
    if (this.selfClosing) return tagEnd;
    const record: RememberedElement[] = [];
    // Only a block as Office writes it is remembered: no attribute on `<rPr>`, nothing between its elements.
    let plain = this.attributes.size === 0;
    this.depth = inside + 1;
    let at = tagEnd;
    for (;;) {
      // Whitespace between the elements is reported as text: such a block is not remembered.
      const next = codeAt(data, at) === lessThan ? at : this.nextTag(data, at);
      if (next < 0) return at;
      if (closesRunProperties(data, next)) {
        this.close('rPr');
        this.depth = inside;
        if (plain && next === at) this.rememberProperties(data.slice(lt, next + 6), record);
        return next + 6;
      }
      if (next !== at) plain = false;
      const end = this.emptyElement(data, next, plain ? { elements: record, from: lt } : undefined);
      if (end === next) return next;
      at = end;
    }
  }

  /** The element `name` just read at `data[lt]`, where it stands from `from`, its attributes' places from `lt`. */
  private recordElement(name: string, lt: number, from: number): RememberedElement {
    const list = this.attributes;
    const names: string[] = [];
    const places: number[] = [];
    for (let index = 0; index < list.size; index++) {
      names.push(list.names[index] as string);
      places.push((list.starts[index] as number) - lt, (list.ends[index] as number) - lt);
    }
    return { name, at: lt - from, names, places };
  }

  private rememberProperties(text: string, elements: RememberedElement[]): void {
    this.remembered[this.nextRemembered] = { text, elements };
    this.nextRemembered = (this.nextRemembered + 1) % rememberedBlocks;
  }

  private rememberedProperties(data: string, lt: number): RememberedProperties | undefined {
    for (const known of this.remembered) {
      // Its `</rPr>` where this one's would be, first: blocks of other lengths are passed over
      // without comparing their texts. Compared as a substring with `===`: `startsWith` of the
      // same texts took 1.0–2.9 ms a LibreOffice table against 0.55–1.2 ms (6,300 runs each).
      if (known === undefined || codeAt(data, lt + known.text.length - 5) !== slash) continue;
      if (data.substring(lt, lt + known.text.length) === known.text) return known;
    }
    return undefined;
  }

  /** Reports a remembered `<rPr>` standing at `data[lt]` as reading it would: returns where it ends. */
  private replayProperties(data: string, lt: number, known: RememberedProperties): number {
    const list = this.attributes;
    list.data = data;
    list.size = 0;
    this.openInPlace('rPr', list);
    for (const element of known.elements) {
      const from = lt + element.at;
      list.size = element.names.length;
      for (let index = 0; index < element.names.length; index++) {
        list.names[index] = element.names[index] as string;
        list.place(
          index,
          from + (element.places[2 * index] as number),
          from + (element.places[2 * index + 1] as number),
        );
      }
      this.openInPlace(element.name, list);
      this.close(element.name);
    }
    this.close('rPr');
    return lt + known.text.length;
  }

  /**
   * An element with no content at `data[lt]` (`<b/>`, `<sz val="11"/>`): returns where it ends, or
   * `lt`. Read whole, it is added to `record` (a `<rPr>` being remembered, which starts at `from`).
   */
  private emptyElement(
    data: string,
    lt: number,
    record: { elements: RememberedElement[]; from: number } | undefined,
  ): number {
    const name = this.elementName(data, lt + 1);
    if (name === undefined) return lt;
    const tagEnd = this.tag(data, lt, name.length);
    if (tagEnd < 0 || !this.selfClosing) return lt;
    record?.elements.push(this.recordElement(name, lt, record.from));
    this.openInPlace(name, this.attributes);
    this.close(name);
    return tagEnd;
  }

  /**
   * The bare element name at `data[from]`, followed by whitespace, `>` or `/`; undefined for a
   * prefixed name (the tokenizer's) or anything else. Matched against the last one seen with the
   * same first letter, so the few names a table repeats are not sliced again for every run.
   */
  private elementName(data: string, from: number): string | undefined {
    const first = codeAt(data, from);
    if (!isNameStart(first) || first === colon) return undefined;
    const known = this.recentElements[first];
    if (known !== undefined && restOfNameAt(data, from, known) && endsName(codeAt(data, from + known.length)))
      return known;
    let end = from + 1;
    for (let code = codeAt(data, end); isNameCharacter(code); code = codeAt(data, ++end)) {
      if (code === colon) return undefined;
    }
    if (!endsName(codeAt(data, end))) return undefined;
    const name = data.slice(from, end);
    this.recentElements[first] = name;
    return name;
  }

  /**
   * The element of one-letter name `name` (`letter` its code) at `data[lt]` and its text, a leaf
   * (`<v>`, `<f>`, `<t>`): reported only when its shape is checked whole, so a lane never stops
   * inside one. Returns where it ends, or `lt`.
   */
  protected leaf(data: string, lt: number, name: string, letter: number): number {
    const tagEnd = this.tag(data, lt, 1);
    if (tagEnd < 0) return lt;
    if (this.selfClosing) {
      this.openInPlace(name, this.attributes);
      this.close(name);
      return tagEnd;
    }
    let end = tagEnd;
    let amp = -1;
    for (; end < data.length; end++) {
      const code = data.charCodeAt(end);
      if (code === lessThan) break;
      if (code === ampersand && amp < 0) amp = end;
      // `]]>` is refused by the tokenizer.
      else if (code === closingBracket) return lt;
    }
    if (end - tagEnd > this.maxText || !closesLetterTag(data, end, letter)) return lt;
    // In the tokenizer's order: the element opened, then its text decoded (which may fail).
    this.openInPlace(name, this.attributes);
    if (end > tagEnd && this.onText !== undefined) {
      const raw = data.slice(tagEnd, end);
      this.onText(amp < 0 ? raw : this.decode(raw, amp - tagEnd));
    }
    this.close(name);
    return end + 4;
  }

  /**
   * Where the next tag starts, at `data[at]` or after whitespace (reported as text), or -1 (the
   * chunk ends first, or something other than whitespace comes).
   */
  protected nextTag(data: string, at: number): number {
    if (codeAt(data, at) === lessThan) return at;
    let next = at;
    while (isSpace(codeAt(data, next))) next++;
    if (codeAt(data, next) !== lessThan || next - at > this.maxText) return -1;
    this.text(data, at, next);
    return next;
  }

  protected text(data: string, from: number, to: number): void {
    if (to > from && this.onText !== undefined) this.onText(data.slice(from, to));
  }

  /**
   * The element `name` opened at `data[lt]`: its tag read (see `tag`) and reported, and closed at
   * once when it closes itself (`selfClosing`). Returns where its tag ends, or -1 (nothing reported).
   */
  protected openElement(data: string, lt: number, name: string): number {
    const tagEnd = this.tag(data, lt, name.length);
    if (tagEnd < 0) return -1;
    this.openInPlace(name, this.attributes);
    if (this.selfClosing) this.close(name);
    return tagEnd;
  }

  /**
   * The open tag at `data[lt]` whose bare name is `nameLength` characters: its attributes into
   * the view, `selfClosing` set. Returns where it ends, or -1 when it is not of the lane's shape.
   */
  protected tag(data: string, lt: number, nameLength: number): number {
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
    return codeAt(data, end) === equals && restOfNameAt(data, start, name) ? end : -1;
  }
}
