import { describe, expect, it } from 'vitest';
import { OoxmlError } from './ooxml-error.js';
import type { XmlAttributes } from './xml-attributes.js';
import { createXmlStream } from './xml-stream.js';

/**
 * Reads `xml` fed in pieces of `size` characters with the in-place open form, letting `read`
 * look at each tag's view while it is valid; returns what it gave, tag by tag.
 */
function readInPlace<T>(
  xml: string,
  read: (name: string, attributes: XmlAttributes) => T,
  size = xml.length,
) {
  const seen: T[] = [];
  const stream = createXmlStream('sheet.xml', {
    openInPlace: (name, attributes) => seen.push(read(name, attributes)),
  });
  for (let at = 0; at < xml.length; at += size) stream.write(xml.slice(at, at + size));
  stream.close();
  return seen;
}

/** The error `xml` fails with when read in place, by reason (undefined when it is read). */
function failure(xml: string, size?: number): string | undefined {
  try {
    readInPlace(xml, (_name, attributes) => attributes.get('r'), size);
  } catch (error) {
    if (error instanceof OoxmlError && error.problem.code === 'xml-malformed') return error.problem.reason;
    throw error;
  }
  return undefined;
}

const cells =
  '<sheetData><row r="12" spans="1:3"><c r="B12" s="3" t="s"><v>0</v></c><c r="$AB$12" t="inlineStr"/></row></sheetData>';

describe('the in-place open form (XmlAttributes)', () => {
  it('reads column, number and text where the tokenizer found them, however the part is cut', () => {
    const read = (name: string, attributes: XmlAttributes) => ({
      name,
      size: attributes.size,
      column: attributes.column('r'),
      style: attributes.number('s'),
      type: attributes.get('t'),
      row: name === 'row' ? attributes.number('r') : undefined,
    });
    const whole = readInPlace(cells, read);
    expect(whole).toEqual([
      { name: 'sheetData', size: 0, column: -1, style: undefined, type: undefined, row: undefined },
      { name: 'row', size: 2, column: -1, style: undefined, type: undefined, row: 12 },
      { name: 'c', size: 3, column: 1, style: 3, type: 's', row: undefined },
      { name: 'v', size: 0, column: -1, style: undefined, type: undefined, row: undefined },
      { name: 'c', size: 2, column: 27, style: undefined, type: 'inlineStr', row: undefined },
    ]);
    for (const size of [1, 2, 3, 7]) expect(readInPlace(cells, read, size)).toEqual(whole);
  });

  it('decodes entities and normalises tabs and newlines in the values it gives', () => {
    const xml =
      '<a r="&#66;7" s="&#51;" n="x\ty\r\nz&#10;&#9;" q="&lt;&amp;&quot;&apos;&gt;" w="&#x1F600;"/>';
    for (const size of [xml.length, 1, 5]) {
      const [read] = readInPlace(
        xml,
        (_name, attributes) => ({
          column: attributes.column('r'),
          r: attributes.get('r'),
          s: attributes.number('s'),
          n: attributes.get('n'),
          q: attributes.get('q'),
          w: attributes.value(4),
        }),
        size,
      );
      expect(read).toEqual({ column: 1, r: 'B7', s: 3, n: 'x y z\n\t', q: '<&"\'>', w: '😀' });
    }
  });

  it('reads numbers as Number does when they are not plain digits', () => {
    const xml = '<a p="007" q=" 3 " e="" x="0x10" f="1e2" h="12a" b="1234567890123456789"/>';
    const [read] = readInPlace(xml, (_name, attributes) =>
      ['p', 'q', 'e', 'x', 'f', 'h', 'b', 'missing'].map((name) => attributes.number(name)),
    );
    expect(read).toEqual([7, 3, 0, 16, 100, Number.NaN, Number('1234567890123456789'), undefined]);
  });

  it('keeps names a plain object inherits as ordinary attributes', () => {
    const [read] = readInPlace('<a constructor="1" __proto__="2" toString="3"/>', (_name, attributes) => [
      attributes.get('constructor'),
      attributes.get('__proto__'),
      attributes.get('toString'),
      attributes.get('hasOwnProperty'),
    ]);
    expect(read).toEqual(['1', '2', '3', undefined]);
  });

  it('gives whole names, prefix included, in document order', () => {
    const [read] = readInPlace('<x:c r:id="rId1" xml:space="preserve"/>', (name, attributes) => [
      name,
      attributes.name(0),
      attributes.name(1),
      attributes.get('r:id'),
    ]);
    expect(read).toEqual(['c', 'r:id', 'xml:space', 'rId1']);
  });

  it.each([
    ['a duplicate attribute', '<a r="1" r="2"/>', 'duplicate attribute: r'],
    ['< in a value', '<a r="<"/>', 'disallowed character < in attribute value'],
    ['< in a value with an entity', '<a r="&amp;<"/>', 'disallowed character < in attribute value'],
    ['an undefined entity in a value never read', '<a x="&nbsp;"/>', 'undefined entity &nbsp;'],
    ['a bad character reference in a value never read', '<a x="&#0;"/>', 'malformed character entity'],
    ['an unterminated entity in a value', '<a x="&amp"/>', 'unterminated entity reference'],
    ['an unquoted value', '<a r=1/>', 'unquoted attribute value'],
    ['an attribute without a value', '<a r/>', 'attribute without value'],
    ['no space between attributes', '<a r="1"s="2"/>', 'no whitespace between attributes'],
  ])('fails on %s as the object form does', (_label, xml, reason) => {
    for (const size of [undefined, 1, 3]) expect(failure(xml, size)).toBe(reason);
    expect(() => createXmlStream('sheet.xml', { open() {} }).write(xml)).toThrow(reason);
  });

  it('is used instead of open when both are given', () => {
    const opened: string[] = [];
    const stream = createXmlStream('sheet.xml', {
      open: (name) => opened.push(`object ${name}`),
      openInPlace: (name) => opened.push(`in place ${name}`),
    });
    stream.write('<a r="1"/>');
    stream.close();
    expect(opened).toEqual(['in place a']);
  });
});
