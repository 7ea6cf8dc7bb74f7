// The saxes-based XML stream the aggregator used before its own tokenizer (xml.ts), kept as the
// reference the differential test (xml.differential.test.ts) compares the tokenizer against:
// the same events for every input saxes accepts, a failure for every input it refuses.
import { phrase } from '@jianshen/schema';
import { SaxesParser } from 'saxes';
import { LimitError, UnreadableError } from '../limits.js';
import type { XmlGuard, XmlHandlers, XmlStream } from './xml.js';

// Where the guard is in the XML between chunks.
const inText = 0;
/** After `<`, the kind of markup not known yet. */
const inOpen = 1;
/** After `<!`. */
const inBang = 2;
const inTag = 3;
const inQuotedValue = 4;
const inComment = 5;
const inCdata = 6;
const inInstruction = 7;

const terminators: Record<number, string> = { [inComment]: '-->', [inCdata]: ']]>', [inInstruction]: '?>' };

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/**
 * Measures each text node and each piece of markup on its way to saxes, jumping with indexOf
 * through text (the bulk of a hostile part). A text node past `maxText` is cut at a whole
 * character (never inside `&…;` or a surrogate pair) and the rest dropped until the next `<`;
 * markup past `maxMarkup` fails the part. Returns the chunk itself when nothing was cut.
 */
function createGuard(
  part: string,
  guard: XmlGuard,
  fail: (reason: string) => never,
): (chunk: string) => string {
  const maxMarkup = guard.maxMarkup ?? 1024 * 1024;
  const maxDropped = guard.maxDropped ?? guard.maxText * 16;
  let state = inText;
  let run = 0;
  let quote = 0;
  let dropping = false;
  /** The last text chunk ended inside an entity reference (`&am|p;`). */
  let entityOpen = false;
  /** The end of the previous chunk, for a comment/CDATA/PI terminator split across chunks. */
  let carry = '';
  const markupTooLong = (): never => fail(`markup longer than ${maxMarkup} characters`);

  /** Where to cut text that started at `from` so that no character or entity is split. */
  const safeCut = (chunk: string, from: number, cut: number): number => {
    const amp = chunk.lastIndexOf('&', cut - 1);
    const semicolon = chunk.lastIndexOf(';', cut - 1);
    if (amp >= from && amp > semicolon) return amp;
    if (amp < from && semicolon < from && entityOpen) {
      const close = chunk.indexOf(';', cut);
      if (close >= 0) return close + 1;
    }
    // A pair split by the cut: back off before its first half, or, when that half was in an
    // earlier chunk (already passed on), take its second half too.
    if (cut > from && isHighSurrogate(chunk.charCodeAt(cut - 1))) return cut - 1;
    if (cut === from && isLowSurrogate(chunk.charCodeAt(cut))) return cut + 1;
    return cut;
  };

  return (chunk) => {
    const length = chunk.length;
    let at = 0;
    /** Kept pieces when something was dropped; `keptFrom` starts the piece being kept. */
    let kept: string[] | undefined;
    let keptFrom = 0;
    while (at < length) {
      switch (state) {
        case inText: {
          const next = chunk.indexOf('<', at);
          const end = next < 0 ? length : next;
          if (dropping) {
            // Only ever at the start of a chunk: the previous one ended inside a cut node.
            kept ??= [];
            keptFrom = end;
            dropping = next < 0;
            run += end - at;
            if (run > maxDropped) {
              throw new LimitError('maxCellLength', phrase('xml-text-too-long', { part, max: maxDropped }));
            }
          } else if (run + (end - at) > guard.maxText) {
            const cut = Math.min(end, Math.max(at, safeCut(chunk, at, at + (guard.maxText - run))));
            kept ??= [];
            kept.push(chunk.slice(keptFrom, cut));
            keptFrom = end;
            dropping = next < 0;
            run += end - at;
            entityOpen = false;
            guard.onLongText();
          } else if (next < 0) {
            run += end - at;
            const amp = chunk.lastIndexOf('&');
            const semicolon = chunk.lastIndexOf(';');
            if (amp >= at || semicolon >= at) entityOpen = amp > semicolon;
          }
          if (next < 0) {
            at = length;
            break;
          }
          at = next + 1;
          state = inOpen;
          run = 0;
          entityOpen = false;
          break;
        }
        case inOpen: {
          const code = chunk.charCodeAt(at);
          if (code === 0x21 /* ! */) {
            state = inBang;
            at++;
          } else if (code === 0x3f /* ? */) {
            state = inInstruction;
            carry = '';
            at++;
          } else state = inTag;
          break;
        }
        case inBang: {
          const code = chunk.charCodeAt(at);
          // Office XML never declares anything: a DOCTYPE (entity tricks) is refused here,
          // before its internal subset is gathered.
          if (code === 0x2d /* - */) state = inComment;
          else if (code === 0x5b /* [ */) state = inCdata;
          else fail('DOCTYPE');
          carry = '';
          at++;
          break;
        }
        case inTag:
        case inQuotedValue: {
          // Attribute values may hold `>`: quotes are followed so a tag ends where saxes ends it.
          let index = at;
          for (; index < length; index++) {
            const code = chunk.charCodeAt(index);
            if (state === inQuotedValue) {
              if (code === quote) state = inTag;
            } else if (code === 0x3e /* > */) break;
            else if (code === 0x22 || code === 0x27) {
              quote = code;
              state = inQuotedValue;
            }
          }
          run += index - at;
          if (run > maxMarkup) markupTooLong();
          if (index === length) {
            at = length;
            break;
          }
          at = index + 1;
          state = inText;
          run = 0;
          break;
        }
        default: {
          // Comment, CDATA, processing instruction: up to a terminator, which may straddle chunks.
          const terminator = terminators[state] as string;
          let end = -1;
          if (carry !== '') {
            const joined = carry + chunk.slice(at, at + terminator.length - 1);
            const found = joined.indexOf(terminator);
            if (found >= 0) end = at + found + terminator.length - carry.length;
          }
          if (end < 0) {
            const found = chunk.indexOf(terminator, at);
            if (found >= 0) end = found + terminator.length;
          }
          run += (end < 0 ? length : end) - at;
          if (state === inCdata && run > guard.maxText) {
            // CDATA is text too, but no Office writer uses it: cutting one is not worth the code.
            guard.onLongText();
            fail(`CDATA longer than ${guard.maxText} characters`);
          }
          if (run > maxMarkup) markupTooLong();
          if (end < 0) {
            const tail = terminator.length - 1;
            carry = (carry + chunk.slice(Math.max(at, length - tail))).slice(-tail);
            at = length;
            break;
          }
          at = end;
          state = inText;
          run = 0;
          carry = '';
        }
      }
    }
    if (!kept) return chunk;
    if (keptFrom < length) kept.push(chunk.slice(keptFrom));
    return kept.join('');
  };
}

function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}

/**
 * A streaming XML parser over saxes that sees local names only. Office XML never carries a
 * DOCTYPE: one is refused outright, so entity-expansion tricks never get a chance.
 */
export function createSaxesXmlStream(part: string, handlers: XmlHandlers, guard?: XmlGuard): XmlStream {
  const parser = new SaxesParser({ position: false });
  const fail = (reason: string): never => {
    throw new UnreadableError(phrase('xml-invalid', { part, reason }));
  };
  parser.on('error', (error) => fail(error.message.split('\n')[0] ?? ''));
  parser.on('doctype', () => fail('DOCTYPE'));
  if (handlers.open) {
    const open = handlers.open;
    parser.on('opentag', (tag) => open(localName(tag.name), tag.attributes as Record<string, string>));
  }
  if (handlers.close) {
    const close = handlers.close;
    parser.on('closetag', (tag) => close(localName(tag.name)));
  }
  if (handlers.text) {
    const text = handlers.text;
    parser.on('text', text);
    parser.on('cdata', text);
  }
  const filter = guard ? createGuard(part, guard, fail) : undefined;
  return {
    write: (text) => {
      parser.write(filter ? filter(text) : text);
    },
    close: () => {
      parser.close();
    },
  };
}
