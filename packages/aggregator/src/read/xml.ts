import { SaxesParser } from 'saxes';
import { UnreadableError } from '../limits.js';

export interface XmlHandlers {
  /** Element opened; `name` without its namespace prefix (x:c and c alike). */
  open?(name: string, attributes: Readonly<Record<string, string>>): void;
  close?(name: string): void;
  text?(text: string): void;
}

export interface XmlStream {
  write(text: string): void;
  close(): void;
}

function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}

/**
 * A streaming XML parser over saxes that sees local names only. Office XML never carries a
 * DOCTYPE: one is refused outright, so entity-expansion tricks never get a chance.
 */
export function createXmlStream(part: string, handlers: XmlHandlers): XmlStream {
  const parser = new SaxesParser({ position: false });
  const fail = (reason: string): never => {
    throw new UnreadableError({
      zh: `${part} 的 XML 有误：${reason}`,
      en: `invalid XML in ${part}: ${reason}`,
    });
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
  return {
    write: (text) => {
      parser.write(text);
    },
    close: () => {
      parser.close();
    },
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
