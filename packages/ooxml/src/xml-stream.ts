import type { LaneContext, LaneHandlers } from './lane-scanner.js';
import { OoxmlError } from './ooxml-error.js';
import { SharedStringLane } from './shared-string-lane.js';
import { WorksheetRowLane } from './worksheet-row-lane.js';
import { XmlAttributeList, type XmlAttributes } from './xml-attributes.js';

export interface XmlHandlers {
  /** Element opened; `name` without its namespace prefix (x:c and c alike). */
  open?(name: string, attributes: Readonly<Record<string, string>>): void;
  /**
   * `open` for a hot reader (a worksheet's cells): the attributes as a reused view, valid only
   * during the call, instead of an object per tag. When given, `open` is not called.
   */
  openInPlace?(name: string, attributes: XmlAttributes): void;
  close?(name: string): void;
  text?(text: string): void;
  /**
   * The part is a worksheet read with `openInPlace`: its rows of the usual shape are read by a fast
   * lane that reports the same events (see WorksheetRowLane); anything else as usual.
   */
  worksheetRows?: boolean;
  /** The part is a shared-string table read with `openInPlace`: the same for its items (SharedStringLane). */
  sharedStrings?: boolean;
}

/** The part's fast lane, if its handlers ask for one. */
function laneFor(
  handlers: XmlHandlers,
  attributes: XmlAttributeList,
  context: LaneContext,
): WorksheetRowLane | SharedStringLane | undefined {
  const { openInPlace, close, text } = handlers;
  if (!openInPlace) return undefined;
  const reporting: LaneHandlers = { openInPlace, close: close ?? (() => {}), text };
  if (handlers.worksheetRows) return new WorksheetRowLane(reporting, attributes, context);
  if (handlers.sharedStrings) return new SharedStringLane(reporting, attributes, context);
  return undefined;
}

export interface XmlStream {
  write(text: string): void;
  close(): void;
}

/**
 * Bounds on what the parser may gather before it hands anything over: without these a part that
 * is one endless cell (or one endless tag) would be gathered up to the inflated-size budget
 * before any handler could look at its length.
 */
export interface XmlGuard {
  /**
   * Characters of XML one text node may span, entities undecoded. Past it the rest of the node
   * is dropped as it arrives: the handlers see the first `maxText` characters (never half an
   * entity or half a surrogate pair), then the next tag.
   */
  maxText: number;
  /** Called once per text node that was cut, where it is cut; may throw to stop reading there. */
  onLongText(): void;
  /** Characters one tag, comment, CDATA section or processing instruction may span (default 1 MiB). */
  maxMarkup?: number;
  /**
   * Characters a cut text node may run to in all before the part is refused (default 16 ×
   * `maxText`): no writer makes such a text, only a zip bomb, and dropping one to the end of the
   * inflated-size budget would still take a second.
   */
  maxDropped?: number;
}

const noAttributes: Readonly<Record<string, string>> = Object.freeze({});

/** Raw characters per decoded one: `&#x10FFFF;` is 10 for 2 UTF-16 units, `&quot;` 6 for 1. */
export const rawCharsPerChar = 8;

function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}

// Characters XML 1.0 forbids anywhere (C0 controls but tab and newlines, U+FFFE/U+FFFF) and
// lone surrogates (with the `u` flag a pair is one code point, so that class only meets halves).
const disallowed = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;
/** One scan without the `u` flag (several times faster): a surrogate or a disallowed character. */
const suspect = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/;
const loneSurrogate = /[\uD800-\uDFFF]/u;
const notSpace = /[^ \t\n]/;
const tabOrNewline = /[\t\n]/g;
const xmlDeclaration =
  /^<\?xml[ \t\n]+version[ \t\n]*=[ \t\n]*(?:"(1\.[0-9]+)"|'(1\.[0-9]+)')(?:[ \t\n]+encoding[ \t\n]*=[ \t\n]*(?:"[A-Za-z][\w.-]*"|'[A-Za-z][\w.-]*'))?(?:[ \t\n]+standalone[ \t\n]*=[ \t\n]*(?:"(?:yes|no)"|'(?:yes|no)'))?[ \t\n]*\?>$/;
/** Names a plain object inherits: as attribute names they are defined, not assigned. */
const inherited = new Set(Object.getOwnPropertyNames(Object.prototype));
/** Longest entity reference kept waiting for its `;` across chunks (`&#x0001F600;` is 12). */
const maxEntity = 64;

const isSpace = (code: number) => code === 0x20 || code === 0x0a || code === 0x09 || code === 0x0d;

/** XML 1.0 (5th edition) NameStartChar, by code point. */
function isNameStart(code: number): boolean {
  if (code < 0x80) {
    return (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a) || code === 0x3a || code === 0x5f;
  }
  return (
    (code >= 0xc0 && code <= 0xd6) ||
    (code >= 0xd8 && code <= 0xf6) ||
    (code >= 0xf8 && code <= 0x2ff) ||
    (code >= 0x370 && code <= 0x37d) ||
    (code >= 0x37f && code <= 0x1fff) ||
    code === 0x200c ||
    code === 0x200d ||
    (code >= 0x2070 && code <= 0x218f) ||
    (code >= 0x2c00 && code <= 0x2fef) ||
    (code >= 0x3001 && code <= 0xd7ff) ||
    (code >= 0xf900 && code <= 0xfdcf) ||
    (code >= 0xfdf0 && code <= 0xfffd) ||
    (code >= 0x10000 && code <= 0xeffff)
  );
}

/** XML 1.0 (5th edition) NameChar, by code point. */
function isNameChar(code: number): boolean {
  if (code < 0x80) {
    return (
      (code >= 0x61 && code <= 0x7a) ||
      (code >= 0x41 && code <= 0x5a) ||
      (code >= 0x30 && code <= 0x3a) ||
      code === 0x5f ||
      code === 0x2d ||
      code === 0x2e
    );
  }
  return (
    isNameStart(code) ||
    code === 0xb7 ||
    (code >= 0x300 && code <= 0x36f) ||
    code === 0x203f ||
    code === 0x2040
  );
}

/** XML 1.0 Char: what a character reference may stand for. */
const isXmlChar = (code: number) =>
  code === 0x09 ||
  code === 0x0a ||
  code === 0x0d ||
  (code >= 0x20 && code <= 0xd7ff) ||
  (code >= 0xe000 && code <= 0xfffd) ||
  (code >= 0x10000 && code <= 0x10ffff);

/**
 * Where the name starting at `from` ends (the first index that is not part of it; `limit` when
 * the data ends first). With `start`, its first character must be a NameStartChar.
 */
function nameEnd(data: string, from: number, limit: number, start: boolean): number {
  let index = from;
  let first = start;
  while (index < limit) {
    let code = data.charCodeAt(index);
    let width = 1;
    if (code >= 0xd800 && code <= 0xdbff) {
      if (index + 1 >= limit) return limit;
      code = 0x10000 + (code - 0xd800) * 0x400 + (data.charCodeAt(index + 1) - 0xdc00);
      width = 2;
    }
    if (!(first ? isNameStart(code) : isNameChar(code))) return index;
    first = false;
    index += width;
  }
  return index;
}

/** Code units decoded before they are made a string: apply's arguments stay well within the stack. */
const unitChunk = 8192;

/** The value of a decimal or (with `hex`) hexadecimal digit, or -1. */
function digitValue(code: number, hex: boolean): number {
  if (code >= 0x30 && code <= 0x39) return code - 0x30;
  if (!hex) return -1;
  const lower = code | 0x20;
  return lower >= 0x61 && lower <= 0x66 ? lower - 0x61 + 10 : -1;
}

/** The character of `&amp;` `&lt;` `&gt;` `&quot;` `&apos;` standing at `raw[amp]`, or -1. */
function predefinedEntity(raw: string, amp: number): number {
  const first = raw.charCodeAt(amp + 1);
  const second = raw.charCodeAt(amp + 2);
  const third = raw.charCodeAt(amp + 3);
  if (second === 0x74 /* t */ && third === 0x3b) {
    if (first === 0x6c /* l */) return 0x3c;
    if (first === 0x67 /* g */) return 0x3e;
    return -1;
  }
  const tail = raw.charCodeAt(amp + 4);
  if (first === 0x61 && second === 0x6d && third === 0x70 && tail === 0x3b) return 0x26; // amp;
  if (raw.charCodeAt(amp + 5) !== 0x3b) return -1;
  if (first === 0x71 && second === 0x75 && third === 0x6f && tail === 0x74) return 0x22; // quot;
  if (first === 0x61 && second === 0x70 && third === 0x6f && tail === 0x73) return 0x27; // apos;
  return -1;
}

/** Characters of the predefined entity reference that stands for `code`. */
function predefinedLength(code: number): number {
  if (code === 0x3c || code === 0x3e) return 4;
  return code === 0x26 ? 5 : 6;
}

// What a scan of text saw, so that clean text (most of it) is not searched again.
const hasAmpersand = 1;
const hasBracket = 2;
const unknownMarks = hasAmpersand | hasBracket;

/** Marks an incomplete construct: the data ran out before its end. */
const incomplete = -1;

/**
 * The tokenizer's state and steps. A class, not closures in createXmlStream: its methods are one
 * function each for every part, which the compiler inlines into the scanning loop (closures made
 * anew for each part were left as calls, and calls were most of the time).
 */
class XmlTokenizer {
  readonly onOpen: XmlHandlers['open'];
  readonly onOpenInPlace: XmlHandlers['openInPlace'];
  /** In place (`openInPlace`): values are kept as positions, not sliced into an object. */
  readonly inPlace: boolean;
  readonly onClose: XmlHandlers['close'];
  readonly onText: XmlHandlers['text'];
  readonly maxText: number;
  readonly maxMarkup: number;
  readonly maxDropped: number;
  /** Names of the open elements, outermost first, and their local names. */
  readonly stack: string[] = [];
  readonly localStack: string[] = [];
  /**
   * The last tag name (with its local name) and attribute name seen starting with each ASCII
   * character: a sheet repeats a dozen names, which are then matched in place, not sliced again.
   */
  readonly recentTags: (string | undefined)[] = new Array(128).fill(undefined);
  readonly recentLocals: string[] = new Array(128).fill('');
  readonly recentAttributes: (string | undefined)[] = new Array(128).fill(undefined);
  /** The attributes of the tag being read: their names (both forms), positions (in place). */
  readonly attributeList = new XmlAttributeList();
  /** Its attributes as `open` gets them. */
  tagAttributes: Record<string, string> | undefined = undefined;
  /**
   * What the steps of reading a tag found, kept on the tokenizer rather than returned in an
   * object: nothing is allocated per tag or attribute beyond the strings themselves.
   */
  tagNameText = '';
  tagLocal = '';
  attributeNameText = '';
  attributeValueText = '';
  /** The last value read held no entity, tab or newline: `attributeValueText` is not set in place. */
  attributePlain = true;
  started = false;
  /** Nothing but whitespace (and a BOM) seen yet: that whitespace is skipped, not reported. */
  beginning = true;
  /** Nothing at all seen yet (but a BOM): the only place an XML declaration may stand. */
  declarable = true;
  sawRoot = false;
  closedRoot = false;
  closed = false;
  /** A chunk's last character when it may pair with the next one's first (`\r`, high surrogate). */
  carried = '';
  /** The start of a construct the previous chunk ended inside: a tag, comment … or an entity. */
  pending = '';
  /** For a pending tag: characters already scanned for its end, and the quote it ended inside. */
  scanned = 0;
  tagQuote = 0;
  // The text node being read.
  text = '';
  textRun = 0;
  dropping = false;
  /** Its last two raw characters when it goes on in the next chunk (`]]>` may straddle). */
  textTail = '';
  /** The code point of the character reference last read (see characterReference). */
  referenceCode = 0;
  /** The part's fast lane (`XmlHandlers.worksheetRows`, `sharedStrings`). */
  readonly lane: WorksheetRowLane | SharedStringLane | undefined;

  constructor(
    readonly part: string,
    handlers: XmlHandlers,
    readonly guard: XmlGuard | undefined,
  ) {
    this.onOpen = handlers.open;
    this.onOpenInPlace = handlers.openInPlace;
    this.inPlace = handlers.openInPlace !== undefined;
    this.onClose = handlers.close;
    this.onText = handlers.text;
    this.maxText = guard ? guard.maxText : Number.POSITIVE_INFINITY;
    this.maxMarkup = guard ? (guard.maxMarkup ?? 1024 * 1024) : Number.POSITIVE_INFINITY;
    this.maxDropped = guard ? (guard.maxDropped ?? guard.maxText * 16) : Number.POSITIVE_INFINITY;
    this.lane = laneFor(handlers, this.attributeList, {
      maxText: this.maxText,
      maxMarkup: this.maxMarkup,
      decode: (raw, amp) => this.decode(raw, amp),
    });
  }

  fail(reason: string): never {
    throw new OoxmlError({ code: 'xml-malformed', part: this.part, reason });
  }
  markupTooLong(): never {
    return this.fail(`markup longer than ${this.maxMarkup} characters`);
  }

  /** The remembered name standing whole at `data[at]`, if any. */
  recentName(data: string, at: number, recent: (string | undefined)[]): string | undefined {
    // Compared with charCodeAt, which the compiler inlines: for a few characters it beats any
    // call into a string builtin (startsWith, indexOf, slice), and those calls were most of the time.
    const first = data.charCodeAt(at);
    const name = first < 128 ? recent[first] : undefined;
    if (name === undefined) return undefined;
    const size = name.length;
    if (at + size >= data.length) return undefined;
    for (let index = 1; index < size; index++) {
      if (data.charCodeAt(at + index) !== name.charCodeAt(index)) return undefined;
    }
    const next = data.charCodeAt(at + size);
    // A surrogate pair might go on with the name: the slow way.
    if ((next >= 0xd800 && next <= 0xdbff) || isNameChar(next)) return undefined;
    return name;
  }

  entity(name: string): string {
    switch (name) {
      case 'amp':
        return '&';
      case 'lt':
        return '<';
      case 'gt':
        return '>';
      case 'quot':
        return '"';
      case 'apos':
        return "'";
    }
    if (name.charCodeAt(0) === 0x23 /* # */) {
      let code = Number.NaN;
      if (/^#x[0-9a-fA-F]+$/.test(name)) code = Number.parseInt(name.slice(2), 16);
      else if (/^#[0-9]+$/.test(name)) code = Number.parseInt(name.slice(1), 10);
      if (isXmlChar(code)) return String.fromCodePoint(code);
      return this.fail('malformed character entity');
    }
    return this.fail(name === '' ? 'empty entity name' : `undefined entity &${name.slice(0, maxEntity)};`);
  }

  /**
   * Replaces the entity references of `raw`, each of which must end within it. One pass from the
   * first `&`, gathering UTF-16 code units that become a string a chunk at a time: openpyxl writes
   * every CJK character as `&#24180;`, and a regex, a name slice and a one-character string per
   * reference (then a concatenation) made decoding and its garbage a quarter of reading such a
   * batch (491 ms self, 1.5 s GC over 105,812 rows).
   */
  decode(raw: string, amp: number): string {
    const length = raw.length;
    let out = raw.slice(0, amp);
    let at = amp;
    // A new array per piece measured faster than emptying one kept on the tokenizer.
    let units: number[] = [];
    while (at < length) {
      if (units.length >= unitChunk) {
        out += String.fromCharCode.apply(null, units);
        units = [];
      }
      const code = raw.charCodeAt(at);
      if (code !== 0x26 /* & */) {
        units.push(code);
        at++;
      } else at = this.reference(raw, at, units);
    }
    return units.length === 0 ? out : out + String.fromCharCode.apply(null, units);
  }

  /** The reference at `raw[amp]` added to `units`; returns where the text goes on after it. */
  reference(raw: string, amp: number, units: number[]): number {
    if (raw.charCodeAt(amp + 1) === 0x23 /* # */) {
      const end = this.characterReference(raw, amp + 2);
      if (end >= 0) {
        const code = this.referenceCode;
        if (code < 0x10000) units.push(code);
        else units.push(0xd800 + ((code - 0x10000) >> 10), 0xdc00 + ((code - 0x10000) & 0x3ff));
        return end;
      }
    } else {
      const code = predefinedEntity(raw, amp);
      if (code >= 0) {
        units.push(code);
        return amp + predefinedLength(code);
      }
    }
    // Anything else the old way, for the same errors in the same order.
    const semicolon = raw.indexOf(';', amp + 1);
    if (semicolon < 0) this.fail('unterminated entity reference');
    const value = this.entity(raw.slice(amp + 1, semicolon));
    for (let index = 0; index < value.length; index++) units.push(value.charCodeAt(index));
    return semicolon + 1;
  }

  /**
   * The character reference whose digits start at `raw[from]` (after `&#`): its code point left
   * in `referenceCode`, returning the index after its `;`; -1 when it is not a well-formed
   * reference to an XML character (the slow path then fails it as before).
   */
  characterReference(raw: string, from: number): number {
    const hex = raw.charCodeAt(from) === 0x78; /* x */
    let at = hex ? from + 1 : from;
    const start = at;
    let code = 0;
    for (; at < raw.length; at++) {
      const digit = digitValue(raw.charCodeAt(at), hex);
      if (digit < 0) break;
      // Past U+10FFFF it only has to stay invalid: no precision lost on a long run of digits.
      code = Math.min(code * (hex ? 16 : 10) + digit, 0x110000);
    }
    if (at === start || raw.charCodeAt(at) !== 0x3b /* ; */ || !isXmlChar(code)) return -1;
    this.referenceCode = code;
    return at + 1;
  }

  flushText() {
    if (this.text !== '') {
      const value = this.text;
      this.text = '';
      this.onText?.(value);
    }
  }

  /** Raw text `data[from, to)`, complete (every entity in it ended), of the current text node. */
  addText(data: string, from: number, to: number, marks: number) {
    if (from === to) return;
    if (this.stack.length === 0) {
      // Outside the root element only whitespace may stand; saxes reports it, but not before
      // the first markup.
      const raw = data.slice(from, to);
      if (notSpace.test(raw)) this.fail('text data outside of root node');
      if (!this.beginning && this.onText) this.text += raw;
      return;
    }
    const raw = data.slice(from, to);
    if (
      ((marks & hasBracket) !== 0 && raw.indexOf(']]>') >= 0) ||
      (this.textTail !== '' && `${this.textTail}${raw.slice(0, 2)}`.indexOf(']]>') >= 0)
    ) {
      this.fail('the string "]]>" is disallowed in char data');
    }
    const amp = (marks & hasAmpersand) === 0 ? -1 : raw.indexOf('&');
    const value = amp < 0 ? raw : this.decode(raw, amp);
    if (this.onText) this.text = this.text === '' ? value : this.text + value;
  }

  /**
   * Text `data[from, to)` of the current node; `ends` when a `<` follows, else the node goes
   * on in the next chunk (an entity left open at the end waits in `pending`).
   */
  takeText(data: string, from: number, to: number, ends: boolean, marks = unknownMarks) {
    this.declarable = false;
    if (this.dropping) {
      this.dropText(to - from);
      return;
    }
    const end = ends ? to : this.completeTextEnd(data, from, to);
    if (this.textRun + (end - from) > this.maxText) {
      this.cutText(data, from, end);
      // The rest (an entity left open) is dropped too.
      this.takeText(data, end, to, ends);
      return;
    }
    this.addText(data, from, end, marks);
    this.textRun += end - from;
    if (!ends) this.keepTextTail(data, from, end, to);
  }

  /** Counts text past the cut: dropped as it arrives, up to `maxDropped`. */
  dropText(size: number) {
    this.textRun += size;
    if (this.textRun > this.maxDropped) {
      throw new OoxmlError({ code: 'xml-text-too-long', part: this.part, max: this.maxDropped });
    }
  }

  /** Where the complete text of `data[from, to)` ends: before an entity reference left open. */
  completeTextEnd(data: string, from: number, to: number): number {
    const amp = data.lastIndexOf('&', to - 1);
    if (amp >= from && data.indexOf(';', amp) < 0) {
      if (to - amp > maxEntity) this.fail('entity reference too long');
      return amp;
    }
    return to;
  }

  /** Keeps the text node's first `maxText` characters of `data[from, end)` and drops the rest. */
  cutText(data: string, from: number, end: number) {
    // Cut at a whole character: never inside `&…;` nor a surrogate pair.
    let cut = from + (this.maxText - this.textRun);
    const amp = data.lastIndexOf('&', cut - 1);
    if (amp >= from) {
      const semicolon = data.indexOf(';', amp);
      if (semicolon < 0 || semicolon >= cut) cut = amp;
    }
    const last = data.charCodeAt(cut - 1);
    if (cut > from && last >= 0xd800 && last <= 0xdbff) cut--;
    this.addText(data, from, cut, unknownMarks);
    this.dropping = true;
    this.textRun += end - from;
    this.guard?.onLongText();
  }

  /** A text node going on in the next chunk: its open entity, or its last two characters. */
  keepTextTail(data: string, from: number, end: number, to: number) {
    if (end < to) this.pending = data.slice(end, to);
    else if (end - from >= 2) this.textTail = data.slice(end - 2, end);
    else this.textTail = (this.textTail + data.slice(from, end)).slice(-2);
  }

  endText() {
    this.textRun = 0;
    this.dropping = false;
    this.textTail = '';
    this.flushText();
  }

  /** The value of the attribute between `from` and `to`, normalised as saxes does. */
  attributeValue(data: string, from: number, to: number): string {
    let value = data.slice(from, to);
    for (let index = 0; index < value.length; index++) {
      const code = value.charCodeAt(index);
      if (code === 0x3c /* < */) this.fail('disallowed character < in attribute value');
      if (code === 0x26 /* & */ || code === 0x09 || code === 0x0a) {
        // Literal tabs and newlines become spaces; those written as references stay.
        value = value.replace(tabOrNewline, ' ');
        const amp = value.indexOf('&');
        if (value.indexOf('<') >= 0) this.fail('disallowed character < in attribute value');
        return amp < 0 ? value : this.decode(value, amp);
      }
    }
    return value;
  }

  /** An open tag at `data[lt]`: handled, returning where it ends, or `incomplete`. */
  openTag(data: string, lt: number): number {
    const length = data.length;
    const nameStop = this.tagName(data, lt);
    if (nameStop === incomplete) return incomplete;
    const name = this.tagNameText;
    const local = this.tagLocal;
    // Made at the first attribute: most tags (<v>, </c>, <si>, <t>) have none, and share one.
    this.tagAttributes = undefined;
    this.attributeList.size = 0;
    this.attributeList.data = data;
    let at = nameStop;
    let selfClosing = false;
    for (;;) {
      if (at >= length) return incomplete;
      const code = data.charCodeAt(at);
      if (code === 0x3e /* > */) break;
      if (code === 0x2f /* / */) {
        if (at + 1 >= length) return incomplete;
        if (data.charCodeAt(at + 1) !== 0x3e) this.fail('forward-slash in opening tag not followed by >');
        selfClosing = true;
        at++;
        break;
      }
      if (!isSpace(code)) this.fail('disallowed character in tag');
      at = this.attribute(data, at);
      if (at === incomplete) return incomplete;
    }
    this.element(name, local, this.tagAttributes ?? noAttributes, selfClosing);
    return at + 1;
  }

  /**
   * The tag name after `<` at `data[lt]`, into `tagNameText` and `tagLocal`: returns where it
   * ends, or `incomplete`.
   */
  tagName(data: string, lt: number): number {
    const first = data.charCodeAt(lt + 1);
    const recent = this.recentName(data, lt + 1, this.recentTags);
    if (recent !== undefined) {
      this.tagNameText = recent;
      this.tagLocal = this.recentLocals[first] as string;
      return lt + 1 + recent.length;
    }
    const nameStop = nameEnd(data, lt + 1, data.length, true);
    if (nameStop >= data.length) return incomplete;
    if (nameStop === lt + 1) this.fail('disallowed character in tag name');
    const name = data.slice(lt + 1, nameStop);
    const local = localName(name);
    if (first < 128) {
      this.recentTags[first] = name;
      this.recentLocals[first] = local;
    }
    this.tagNameText = name;
    this.tagLocal = local;
    return nameStop;
  }

  /**
   * The whitespace at `data[at]` and the attribute after it, if any (stored by `storeAttribute`):
   * returns where the next `>`, `/` or whitespace stands, or `incomplete`.
   */
  attribute(data: string, start: number): number {
    const length = data.length;
    let at = start;
    let code = data.charCodeAt(at);
    while (isSpace(code)) {
      if (++at >= length) return incomplete;
      code = data.charCodeAt(at);
    }
    if (code === 0x3e || code === 0x2f) return at;
    at = this.attributeName(data, at, code);
    if (at === incomplete) return incomplete;
    const name = this.attributeNameText;
    code = data.charCodeAt(at);
    while (isSpace(code)) code = data.charCodeAt(++at);
    if (at >= length) return incomplete;
    if (code !== 0x3d /* = */) this.fail('attribute without value');
    code = data.charCodeAt(++at);
    while (isSpace(code)) code = data.charCodeAt(++at);
    if (at >= length) return incomplete;
    if (code !== 0x22 && code !== 0x27) this.fail('unquoted attribute value');
    const close = this.quotedValue(data, at, code);
    if (close === incomplete) return incomplete;
    if (this.inPlace) this.placeAttribute(name, at + 1, close);
    else this.storeAttribute(name, this.attributeValueText);
    at = close + 1;
    if (at >= length) return incomplete;
    code = data.charCodeAt(at);
    if (code !== 0x3e && code !== 0x2f && !isSpace(code)) this.fail('no whitespace between attributes');
    return at;
  }

  /** The attribute name at `data[at]` (first character `code`), into `attributeNameText`. */
  attributeName(data: string, at: number, code: number): number {
    const recent = this.recentName(data, at, this.recentAttributes);
    if (recent !== undefined) {
      this.attributeNameText = recent;
      return at + recent.length;
    }
    const stop = nameEnd(data, at, data.length, true);
    if (stop >= data.length) return incomplete;
    if (stop === at) this.fail('disallowed character in attribute name');
    const name = data.slice(at, stop);
    if (code < 128) this.recentAttributes[code] = name;
    this.attributeNameText = name;
    return stop;
  }

  /**
   * The value quoted by `quote` at `data[at]`, into `attributeValueText`: returns where its
   * closing quote stands, or `incomplete`.
   */
  quotedValue(data: string, at: number, quote: number): number {
    const length = data.length;
    let close = at + 1;
    let plain = true;
    for (; close < length; close++) {
      const next = data.charCodeAt(close);
      if (next === quote) break;
      if (next === 0x26 || next === 0x3c || next === 0x09 || next === 0x0a) plain = false;
    }
    if (close >= length) return incomplete;
    this.attributePlain = plain;
    if (!plain) this.attributeValueText = this.attributeValue(data, at + 1, close);
    else if (!this.inPlace) this.attributeValueText = data.slice(at + 1, close);
    return close;
  }

  /**
   * The name of one attribute of the tag being read, refused when the tag has it already:
   * returns its index.
   */
  attributeIndex(name: string): number {
    // Duplicates are found among this tag's names (a few, mostly the same remembered strings):
    // looking a missing key up on the object would search Object.prototype every time.
    const list = this.attributeList;
    const names = list.names;
    for (let index = 0; index < list.size; index++) {
      if (names[index] === name) this.fail(`duplicate attribute: ${name}`);
    }
    names[list.size] = name;
    return list.size++;
  }

  /** One attribute in place: its value `data[start, end)`, or the one decoded when not plain. */
  placeAttribute(name: string, start: number, end: number) {
    const index = this.attributeIndex(name);
    if (this.attributePlain) this.attributeList.place(index, start, end);
    else this.attributeList.placeDecoded(index, this.attributeValueText);
  }

  /** One attribute of the tag being read, into the object `open` gets. */
  storeAttribute(name: string, value: string) {
    this.attributeIndex(name);
    // A plain object keeps fast properties (one made with a null prototype is a hash table from
    // its first key); the names it inherits are handled apart below.
    if (this.tagAttributes === undefined) this.tagAttributes = {};
    if (inherited.has(name)) {
      // `constructor`, `__proto__` …: an own property like any other.
      Object.defineProperty(this.tagAttributes, name, {
        value,
        enumerable: true,
        writable: true,
        configurable: true,
      });
    } else this.tagAttributes[name] = value;
  }

  /** The open tag read: reported, and pushed unless it closes itself. */
  element(name: string, local: string, attributes: Readonly<Record<string, string>>, selfClosing: boolean) {
    if (this.closedRoot) this.fail('documents may contain only one root');
    this.sawRoot = true;
    if (this.inPlace) this.onOpenInPlace?.(local, this.attributeList);
    else this.onOpen?.(local, attributes);
    if (selfClosing) {
      this.onClose?.(local);
      if (this.stack.length === 0) this.closedRoot = true;
    } else {
      this.stack.push(name);
      this.localStack.push(local);
    }
  }

  closeTag(data: string, lt: number, gt: number) {
    const open = this.stack.pop();
    const local = this.localStack.pop();
    // The usual case, `</c>` closing `<c>`, compared in place without slicing the name.
    if (open !== undefined && lt + 2 + open.length === gt) {
      let same = true;
      for (let index = 0; index < open.length; index++) {
        if (data.charCodeAt(lt + 2 + index) !== open.charCodeAt(index)) {
          same = false;
          break;
        }
      }
      if (same) {
        this.onClose?.(local as string);
        if (this.stack.length === 0) this.closedRoot = true;
        return;
      }
    }
    const stop = nameEnd(data, lt + 2, gt, false);
    const name = data.slice(lt + 2, stop);
    for (let index = stop; index < gt; index++) {
      if (!isSpace(data.charCodeAt(index))) this.fail('disallowed character in closing tag');
    }
    if (name === '') this.fail('empty close tag');
    if (open === undefined) this.fail(`unmatched closing tag: ${name}`);
    if (open !== name) this.fail(`unexpected close tag ${name} for ${open}`);
    this.onClose?.(local as string);
    if (this.stack.length === 0) this.closedRoot = true;
  }

  instruction(data: string, lt: number, end: number) {
    const stop = nameEnd(data, lt + 2, end - 2, true);
    if (stop === lt + 2) this.fail('processing instruction without a valid target');
    const after = data.charCodeAt(stop);
    if (stop < end - 2 && !isSpace(after) && after !== 0x3f /* ? */) {
      this.fail('disallowed character in processing instruction name');
    }
    const target = data.slice(lt + 2, stop);
    if (target === 'xml') {
      if (!this.declarable) this.fail('an XML declaration must be at the start of the document');
      const match = xmlDeclaration.exec(data.slice(lt, end));
      if (!match) this.fail('malformed XML declaration');
      // Only 1.0: Office writes nothing else, and 1.1 changes what a newline is.
      if ((match?.[1] ?? match?.[2]) !== '1.0') this.fail('only XML 1.0 is supported');
    } else if (target.toLowerCase() === 'xml')
      this.fail('the XML declaration must appear at the start of the document');
  }

  /**
   * Where the markup starting at `data[lt]` ends (after its `>`), or `incomplete`. Comments,
   * CDATA sections and instructions are found by their terminators; tags are handled by
   * `openTag`, or when one straddled chunks, first scanned for their end here.
   */
  markupEnd(data: string, lt: number): number {
    if (lt + 1 >= data.length) return incomplete;
    const kind = data.charCodeAt(lt + 1);
    if (kind === 0x2f /* / */) return this.closeTagEnd(data, lt);
    if (kind === 0x3f /* ? */) return this.terminatorEnd(data, lt, { terminator: '?>', opening: 2 });
    if (kind === 0x21 /* ! */) return this.declarationEnd(data, lt);
    return this.straddledTagEnd(data, lt);
  }

  /** A close tag's end: its first `>`, resuming the scan. */
  closeTagEnd(data: string, lt: number): number {
    const length = data.length;
    for (let gt = lt + Math.max(2, this.scanned); gt < length; gt++) {
      if (data.charCodeAt(gt) === 0x3e) return gt + 1;
    }
    this.scanned = length - lt;
    return incomplete;
  }

  /**
   * The end of a construct closed by `terminator` (`?>`, `]]>`), searched from after its
   * `opening` characters, resuming the scan (a terminator may straddle chunks: the search
   * starts its length less one before where the last one stopped).
   */
  terminatorEnd(data: string, lt: number, shape: { terminator: string; opening: number }): number {
    const { terminator, opening } = shape;
    const end = data.indexOf(terminator, lt + Math.max(opening, this.scanned - (terminator.length - 1)));
    if (end < 0) {
      this.scanned = data.length - lt;
      return incomplete;
    }
    return end + terminator.length;
  }

  /** `<!`: a comment or CDATA section; a DOCTYPE or anything else is refused. */
  declarationEnd(data: string, lt: number): number {
    const length = data.length;
    if (data.startsWith('!--', lt + 1)) {
      // The first `--` ends the comment: it must be followed by `>`.
      const dashes = data.indexOf('--', lt + Math.max(4, this.scanned - 1));
      if (dashes < 0 || dashes + 2 >= length) {
        this.scanned = (dashes < 0 ? length : dashes) - lt;
        return incomplete;
      }
      if (data.charCodeAt(dashes + 2) !== 0x3e) this.fail('malformed comment (-- inside)');
      return dashes + 3;
    }
    if (data.startsWith('![CDATA[', lt + 1))
      return this.terminatorEnd(data, lt, { terminator: ']]>', opening: 9 });
    const start = data.slice(lt + 1, lt + 9);
    if ('!--'.startsWith(start) || '![CDATA['.startsWith(start)) return incomplete;
    // A DOCTYPE (its internal subset is where entity tricks live) or nothing valid.
    return this.fail(
      start.startsWith('!DOCTYPE') || 'DOCTYPE'.startsWith(start.slice(1)) ? 'DOCTYPE' : 'incorrect syntax',
    );
  }

  /** A tag that straddled chunks: its `>` outside quoted values, resuming the scan. */
  straddledTagEnd(data: string, lt: number): number {
    const length = data.length;
    let index = lt + Math.max(1, this.scanned);
    let quote = this.tagQuote;
    while (index < length) {
      if (quote !== 0) {
        const close = data.indexOf(quote === 0x22 ? '"' : "'", index);
        if (close < 0) {
          index = length;
          break;
        }
        quote = 0;
        index = close + 1;
        continue;
      }
      const code = data.charCodeAt(index);
      if (code === 0x3e) return index + 1;
      if (code === 0x22 || code === 0x27) quote = code;
      index++;
    }
    this.tagQuote = quote;
    this.scanned = length - lt;
    return incomplete;
  }

  /** Handles the complete markup `data[lt, end)` other than an open tag. */
  markup(data: string, lt: number, end: number) {
    const kind = data.charCodeAt(lt + 1);
    if (kind === 0x2f) this.closeTag(data, lt, end - 1);
    else if (kind === 0x3f) this.instruction(data, lt, end);
    else if (data.charCodeAt(lt + 2) === 0x5b /* [ */) {
      if (this.stack.length === 0) this.fail('text data outside of root node');
      if (end - lt - 12 > this.maxText) {
        // CDATA is text too, but no Office writer uses it: cutting one is not worth the code.
        this.guard?.onLongText();
        this.fail(`CDATA longer than ${this.maxText} characters`);
      }
      this.onText?.(data.slice(lt + 9, end - 3));
    }
  }

  /** A construct left open at the end of a chunk, checked against the bounds. */
  keep(data: string, from: number) {
    this.pending = data.slice(from);
    const kind = this.pending.charCodeAt(1);
    if (kind === 0x21 && this.pending.charCodeAt(2) === 0x5b && this.pending.length - 12 > this.maxText) {
      this.guard?.onLongText();
      this.fail(`CDATA longer than ${this.maxText} characters`);
    }
    if (this.pending.length > this.maxMarkup) this.markupTooLong();
  }

  feed(input: string, final: boolean) {
    const data = this.takeChunk(input, final);
    if (data === '') return;
    let at = 0;
    if (!this.started) {
      this.started = true;
      if (data.charCodeAt(0) === 0xfeff) at = 1;
    }
    // What the last chunk left open is finished first, on a string of its own.
    if (this.pending !== '') at = this.resumePending(data);
    if (at !== incomplete) this.scan(data, at);
  }

  /**
   * The chunk to scan: with the character the previous one carried, less one this one must
   * carry (`\r` before a possible `\n`, a high surrogate), newlines normalised, and checked for
   * characters XML forbids.
   */
  takeChunk(input: string, final: boolean): string {
    let chunk = this.carried === '' ? input : this.carried + input;
    this.carried = '';
    if (chunk === '') return '';
    if (!final) {
      const last = chunk.charCodeAt(chunk.length - 1);
      if (last === 0x0d || (last >= 0xd800 && last <= 0xdbff)) {
        this.carried = chunk.slice(-1);
        chunk = chunk.slice(0, -1);
        if (chunk === '') return '';
      }
    }
    if (chunk.indexOf('\r') >= 0) chunk = chunk.replace(/\r\n?/g, '\n');
    // Pairs (emoji) send a chunk to the precise checks; most chunks are scanned once.
    if (suspect.test(chunk) && (disallowed.test(chunk) || loneSurrogate.test(chunk))) {
      this.fail('disallowed character');
    }
    return chunk;
  }

  /**
   * Finishes what the last chunk left open (`pending`) with the start of `data`: returns where
   * the scan of `data` goes on, or `incomplete` when it is still open.
   */
  resumePending(data: string): number {
    const before = this.pending;
    this.pending = '';
    if (before.charCodeAt(0) === 0x26 /* & */) {
      // An entity reference, in a text node.
      const lt = data.indexOf('<');
      const joined = before + (lt < 0 ? data : data.slice(0, lt));
      this.takeText(joined, 0, joined.length, lt >= 0);
      return lt < 0 ? incomplete : lt;
    }
    // Joined with a short head of this chunk first: joining the whole chunk made a string
    // that was flattened (copied) for one tag, a tenth of what reading a part allocated.
    const head = 4096;
    let joined = data.length > head ? before + data.slice(0, head) : before + data;
    let end = this.markupEnd(joined, 0);
    if (end === incomplete && data.length > head) {
      // The scan resumes where it stopped (`scanned`): the head is the start of the whole.
      joined = before + data;
      end = this.markupEnd(joined, 0);
    }
    if (end === incomplete) {
      this.keep(joined, 0);
      return incomplete;
    }
    this.scanned = 0;
    this.tagQuote = 0;
    const kind = joined.charCodeAt(1);
    if (kind === 0x2f || kind === 0x3f || kind === 0x21) this.markup(joined, 0, end);
    else if (this.openTag(joined, 0) !== end) this.fail('malformed tag');
    this.beginning = false;
    this.declarable = false;
    return end - before.length;
  }

  /**
   * The scanning loop, on the chunk itself: a flat string, where charCodeAt stays cheap. Text up
   * to each `<`, then the markup there; what is left open at the end waits in `pending`.
   */
  scan(data: string, start: number) {
    const length = data.length;
    let at = start;
    while (at < length) {
      // Text up to the next `<`, by charCodeAt: most are a few characters between tags.
      let lt = at;
      let marks = 0;
      for (; lt < length; lt++) {
        const code = data.charCodeAt(lt);
        if (code === 0x3c) break;
        if (code === 0x26) marks |= hasAmpersand;
        else if (code === 0x5d) marks |= hasBracket;
      }
      if (lt >= length) {
        this.takeText(data, at, length, false);
        return;
      }
      if (lt > at) this.takeText(data, at, lt, true, marks);
      this.endText();
      const end = this.markupAt(data, lt);
      if (end === incomplete) return;
      this.beginning = false;
      this.declarable = false;
      at = end;
    }
  }

  /** The markup at `data[lt]`, handled: returns where it ends, or `incomplete` (kept). */
  markupAt(data: string, lt: number): number {
    const length = data.length;
    if (lt + 1 >= length) return this.keepOpen(data, lt);
    const kind = data.charCodeAt(lt + 1);
    // A close tag, found here rather than through markupEnd: half the tags of a sheet.
    if (kind === 0x2f) return this.closeTagAt(data, lt);
    if (kind === 0x3f || kind === 0x21) {
      const end = this.markupEnd(data, lt);
      if (end === incomplete) return this.keepOpen(data, lt);
      if (end - lt > this.maxMarkup) this.markupTooLong();
      this.markup(data, lt, end);
      this.scanned = 0;
      return end;
    }
    if (this.lane !== undefined && kind === this.lane.letter && this.stack.length > 0) {
      const stop = this.lane.read(data, lt);
      if (stop !== lt) return this.afterLane(stop);
    }
    const end = this.openTag(data, lt);
    if (end === incomplete) {
      // Scan what there is of it, so the next chunk resumes the search for its end.
      this.scanned = 0;
      this.tagQuote = 0;
      if (this.markupEnd(data, lt) !== incomplete) this.fail('malformed tag');
      return this.keepOpen(data, lt);
    }
    if (end - lt > this.maxMarkup) this.markupTooLong();
    return end;
  }

  /** Where the lane stopped: the elements it left open (bare names) are the tokenizer's from here on. */
  afterLane(stop: number): number {
    for (const name of this.lane?.openNames ?? []) {
      this.stack.push(name);
      this.localStack.push(name);
    }
    return stop;
  }

  /** The close tag at `data[lt]`, handled: returns where it ends, or `incomplete` (kept). */
  closeTagAt(data: string, lt: number): number {
    const length = data.length;
    let gt = lt + 2;
    while (gt < length && data.charCodeAt(gt) !== 0x3e) gt++;
    if (gt >= length) {
      this.scanned = length - lt;
      return this.keepOpen(data, lt);
    }
    if (gt + 1 - lt > this.maxMarkup) this.markupTooLong();
    this.closeTag(data, lt, gt);
    return gt + 1;
  }

  /** `keep`, returning `incomplete`. */
  keepOpen(data: string, lt: number): number {
    this.keep(data, lt);
    return incomplete;
  }

  close() {
    if (this.closed) return;
    this.closed = true;
    this.feed('', true);
    if (this.pending !== '') this.fail('unexpected end');
    if (!this.sawRoot) this.fail('document must contain a root element');
    if (this.stack.length > 0) this.fail(`unclosed tag: ${this.stack[this.stack.length - 1]}`);
    this.endText();
  }
}

/**
 * A streaming XML parser that sees local names only, scanning each decoded chunk with indexOf
 * and charCodeAt. It accepts what saxes (non-namespace mode, XML 1.0) accepts and refuses what
 * it refuses — any well-formedness error ends the part with an OoxmlError (`xml-malformed`) — and hands the
 * handlers the same events with the same arguments (a text node may come in one piece where
 * saxes split it, or the reverse). Office XML never carries a DOCTYPE: one is refused at its
 * first characters, so entity-expansion tricks never get a chance; only the five predefined
 * entities and character references are known.
 *
 * With a guard, memory stays bounded whatever the part: a text node past `maxText` is cut and
 * its rest dropped as it arrives, markup past `maxMarkup` fails the part.
 */
export function createXmlStream(part: string, handlers: XmlHandlers, guard?: XmlGuard): XmlStream {
  const tokenizer = new XmlTokenizer(part, handlers, guard);
  return {
    write: (chunk) => {
      if (tokenizer.closed) tokenizer.fail('write after close');
      tokenizer.feed(chunk, false);
    },
    close: () => tokenizer.close(),
  };
}

/** Parses a complete document. */
export function parseXml(part: string, text: string, handlers: XmlHandlers): void {
  const stream = createXmlStream(part, handlers);
  stream.write(text);
  stream.close();
}

/** An attribute by local name (r:id, id …): prefixes vary between writers. */
export function attribute(attributes: Readonly<Record<string, string>>, name: string): string | undefined {
  if (attributes[name] !== undefined) return attributes[name];
  for (const [key, value] of Object.entries(attributes)) {
    if (localName(key) === name) return value;
  }
  return undefined;
}
