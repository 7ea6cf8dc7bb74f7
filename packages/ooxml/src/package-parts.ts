import { createXmlStream, type XmlGuard, type XmlHandlers } from './xml-stream.js';
import { findEntry, streamEntryText, type ZipDirectory, type ZipEntry } from './zip-reader.js';

/** Resolves a relationship target against the folder of the part that owns it (OPC, ECMA-376 part 2). */
export function resolvePartPath(base: string, target: string): string {
  // openpyxl and some others write absolute part names (/xl/worksheets/sheet1.xml).
  const parts = target.startsWith('/') ? [] : base.split('/').slice(0, -1);
  for (const segment of target.replace(/\\/g, '/').split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') parts.pop();
    else parts.push(segment);
  }
  return parts.join('/');
}

/** The part holding `part`'s relationships: `xl/workbook.xml` → `xl/_rels/workbook.xml.rels`; `''` → `_rels/.rels`. */
export function relationshipsPartOf(part: string): string {
  const slash = part.lastIndexOf('/');
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

export interface ParseXmlEntryOptions {
  zip: ZipDirectory;
  entry: ZipEntry;
  /** The part's name, as errors name it. */
  part: string;
  handlers: XmlHandlers;
  guard: XmlGuard;
}

/**
 * Streams one part through the XML tokenizer as it inflates: no part is ever held whole as
 * text, and the guard keeps the tokenizer from gathering an endless text node or tag.
 */
export function parseXmlEntry({ zip, entry, part, handlers, guard }: ParseXmlEntryOptions): void {
  const stream = createXmlStream(part, handlers, guard);
  streamEntryText(zip, entry, (text) => stream.write(text));
  stream.close();
}

export interface Relationship {
  type: string;
  target: string;
  external: boolean;
}

/**
 * The relationships of `part` by id (`''` for the package's own, `_rels/.rels`); empty when the
 * part has none. Long texts are cut by `guard`: a relationship holds none worth keeping.
 */
export function readRelationships(
  zip: ZipDirectory,
  part: string,
  guard: XmlGuard,
): Map<string, Relationship> {
  const relsPart = relationshipsPartOf(part);
  const entry = findEntry(zip, relsPart);
  const relationships = new Map<string, Relationship>();
  if (!entry) return relationships;
  const handlers: XmlHandlers = {
    open(name, attributes) {
      if (name !== 'Relationship') return;
      relationships.set(attributes.Id ?? '', {
        type: attributes.Type ?? '',
        target: attributes.Target ?? '',
        external: attributes.TargetMode === 'External',
      });
    },
  };
  parseXmlEntry({ zip, entry, part: relsPart, handlers, guard });
  return relationships;
}

/** The first relationship of `part` whose type ends with `typeSuffix` (e.g. `/officeDocument`), resolved. */
export function relatedPart(
  relationships: ReadonlyMap<string, Relationship>,
  part: string,
  typeSuffix: string,
): string | undefined {
  for (const relationship of relationships.values()) {
    if (relationship.type.endsWith(typeSuffix)) return resolvePartPath(part, relationship.target);
  }
  return undefined;
}
