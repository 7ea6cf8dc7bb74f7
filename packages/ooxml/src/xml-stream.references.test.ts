import { describe, expect, it } from 'vitest';
import { OoxmlError } from './ooxml-error.js';
import { createXmlStream } from './xml-stream.js';

/** The text of `<t>…</t>` holding `raw`, fed in pieces of `size` characters. */
function textOf(raw: string, size = Number.POSITIVE_INFINITY): string {
  const xml = `<t>${raw}</t>`;
  let text = '';
  const stream = createXmlStream('sheet1.xml', {
    text: (value) => {
      text += value;
    },
  });
  for (let at = 0; at < xml.length; at += size) stream.write(xml.slice(at, at + size));
  stream.close();
  return text;
}

/** The reason the part was refused for. */
function refusal(raw: string): string {
  try {
    textOf(raw);
  } catch (error) {
    if (error instanceof OoxmlError) return error.message;
    throw error;
  }
  return 'read';
}

// What openpyxl writes: every CJK character as a decimal reference.
const openpyxl = '2024&#24180;&#20840;&#27665;&#20581;&#36523;&#65288;&#32447;&#19978;&#65289;';

describe('character references', () => {
  it('decodes decimal ones, leading zeros and all, between plain text', () => {
    expect(textOf(openpyxl)).toBe('2024年全民健身（线上）');
    expect(textOf('a&#65;b&#0000066;c&#9;&#10;')).toBe('aAbBc\t\n');
  });

  it('decodes hexadecimal ones, in either case of digit', () => {
    expect(textOf('&#x4E00;&#x4e8c;&#xaBcD;')).toBe('一二\uABCD');
  });

  it('decodes astral ones to surrogate pairs', () => {
    expect(textOf('&#x1F600;&#128512;&#x10FFFF;&#x20000;')).toBe('😀😀\u{10FFFF}\u{20000}');
  });

  it('decodes the predefined entities among them', () => {
    expect(textOf('&lt;&#24180;&gt;&amp;&quot;&apos;')).toBe('<年>&"\'');
  });

  it('decodes a text of more references than one string is built from at a time', () => {
    const long = Array.from({ length: 20_000 }, (_, index) => `&#${0x4e00 + (index % 500)};`).join('');
    const expected = Array.from({ length: 20_000 }, (_, index) =>
      String.fromCharCode(0x4e00 + (index % 500)),
    );
    expect(textOf(`x${long}&#x1F600;y`)).toBe(`x${expected.join('')}😀y`);
  });

  it('gives the same text however the chunks fall, even inside a reference', () => {
    const raw = `${openpyxl}&#x1F600;&amp;&#x4e00;z`;
    const whole = textOf(raw);
    for (let size = 1; size <= 13; size++) expect(textOf(raw, size), `chunks of ${size}`).toBe(whole);
  });

  it.each([
    ['&#;', 'malformed character entity'],
    ['&#x;', 'malformed character entity'],
    ['&#X41;', 'malformed character entity'],
    ['&#12a;', 'malformed character entity'],
    ['&#-1;', 'malformed character entity'],
    ['&#0;', 'malformed character entity'],
    ['&#xD800;', 'malformed character entity'],
    ['&#xFFFE;', 'malformed character entity'],
    ['&#x110000;', 'malformed character entity'],
    ['&#99999999999999999999;', 'malformed character entity'],
    ['&#24180', 'unterminated entity reference'],
    ['&;', 'empty entity name'],
    ['&LT;', 'undefined entity &LT;'],
    ['&nbsp;', 'undefined entity &nbsp;'],
  ])('refuses %s as before', (raw, reason) => {
    expect(refusal(`&#24180;${raw}`)).toContain(reason);
  });
});
