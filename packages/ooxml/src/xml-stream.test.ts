import { describe, expect, it } from 'vitest';
import { OoxmlError } from './ooxml-error.js';
import { createXmlStream, type XmlGuard } from './xml-stream.js';

type Event = [string, string];

/** Parses `xml` fed in pieces of `sizes` (cycled), recording every event the handlers see. */
function parse(xml: string, sizes: readonly number[], guard?: Partial<XmlGuard>) {
  const events: Event[] = [];
  let cuts = 0;
  const stream = createXmlStream(
    'test.xml',
    {
      open: (name) => events.push(['open', name]),
      close: (name) => events.push(['close', name]),
      text: (text) => events.push(['text', text]),
    },
    guard
      ? {
          maxText: 1_000_000,
          onLongText: () => {
            cuts++;
          },
          ...guard,
        }
      : undefined,
  );
  let at = 0;
  for (let index = 0; at < xml.length; index++) {
    const size = sizes[index % sizes.length] ?? 1;
    stream.write(xml.slice(at, at + size));
    at += size;
  }
  stream.close();
  // saxes may hand one text node over in several events: join neighbours for comparing.
  const joined: Event[] = [];
  for (const event of events) {
    const last = joined.at(-1);
    if (event[0] === 'text' && last?.[0] === 'text') last[1] += event[1];
    else joined.push([...event]);
  }
  return { events: joined, cuts };
}

const texts = (events: Event[]) => events.filter(([kind]) => kind === 'text').map(([, text]) => text);

const sample =
  '<?xml version="1.0" encoding="UTF-8"?>\n<sst a="x>y" b=\'>\'><!-- a > b <c> --><si><t xml:space="preserve">' +
  'a &amp; b &#x4E00; 😀 &lt;&gt;</t></si><si><t><![CDATA[x < y > z ]] ]>]]></t></si><?pi a > b?><si><t>尾</t></si></sst>';

describe('the XML guard', () => {
  it('a tag longer than 4 KiB that straddles chunks, with > inside a quoted value, reads as one tag', () => {
    const long = `a&gt;b'c>${'x'.repeat(9_000)}`;
    const xml = `<root><c r="A1" note="${long}" t="s"><v>1</v></c><d/></root>`;
    const whole = parse(xml, [xml.length]);
    expect(whole.events).toContainEqual(['open', 'c']);
    for (const sizes of [[10], [4_000, 7], [20, 5_000, 1]]) expect(parse(xml, sizes)).toEqual(whole);
  });

  it('changes nothing in a part within its bounds, however the chunks fall', () => {
    const plain = parse(sample, [sample.length]).events;
    for (const sizes of [[1], [2], [3], [5, 1, 7], [64]]) {
      expect(parse(sample, sizes, {}).events, `chunks of ${sizes}`).toEqual(plain);
    }
    expect(texts(plain)).toContain('a & b 一 😀 <>');
    expect(texts(plain)).toContain('x < y > z ]] ]>');
  });

  it('cuts an endless text node as it arrives, keeps what follows, and says so once', () => {
    const xml = `<a><t>${'x'.repeat(50_000)}</t><t>after</t></a>`;
    for (const sizes of [[7], [4096], [xml.length]]) {
      const { events, cuts } = parse(xml, sizes, { maxText: 1000, maxDropped: 100_000 });
      expect(texts(events)).toEqual(['x'.repeat(1000), 'after']);
      expect(cuts).toBe(1);
    }
  });

  it('never cuts inside an entity or a surrogate pair', () => {
    const amp = parse(`<t>${'&amp;'.repeat(100)}</t>`, [3], { maxText: 12, maxDropped: 1000 });
    // Cut before the entity the limit falls in, or (when that entity began in an earlier chunk,
    // already passed on) just after it: whole entities either way.
    expect(texts(amp.events)).toHaveLength(1);
    expect(texts(amp.events)[0]).toMatch(/^&{2,3}$/);
    const whole = parse(`<t>${'&amp;'.repeat(100)}</t>`, [1000], { maxText: 12, maxDropped: 1000 });
    expect(texts(whole.events)).toEqual(['&&']);
    const emoji = parse(`<t>${'😀'.repeat(100)}</t>`, [5], { maxText: 7, maxDropped: 1000 });
    expect(texts(emoji.events)[0]).toMatch(/^😀{3,4}$/u);
    const pairs = parse(`<t>${'😀'.repeat(100)}</t>`, [1000], { maxText: 7, maxDropped: 1000 });
    expect(texts(pairs.events)).toEqual(['😀😀😀']);
    // The entity starts in one chunk and the cut falls in the next: before it or after it.
    const straddling = parse(`<t>ab&amp;cd</t>`, [8, 100], { maxText: 6 });
    expect(texts(straddling.events)).toHaveLength(1);
    expect(['ab', 'ab&']).toContain(texts(straddling.events)[0]);
  });

  it('refuses a text that goes on far past the cut (a zip bomb) as a limit', () => {
    const stream = createXmlStream('bomb.xml', {}, { maxText: 100, onLongText() {} });
    stream.write('<t>');
    const endless = 'A'.repeat(1000);
    expect(() => {
      for (let index = 0; index < 10; index++) stream.write(endless);
    }).toThrow(OoxmlError);
  });

  it('stops the reading when the handler says so', () => {
    const stream = createXmlStream(
      'sheet.xml',
      {},
      {
        maxText: 10,
        onLongText() {
          throw new Error('cell too long');
        },
      },
    );
    expect(() => stream.write(`<t>${'A'.repeat(11)}`)).toThrow('cell too long');
  });

  it.each([
    ['a tag', '<c r="', 'A'],
    ['an attribute value holding >', '<c r="', '>'],
    ['a comment holding tags', '<!--', '<a>'],
    ['a processing instruction', '<?pi ', 'A'],
  ])('refuses %s longer than the markup limit, before saxes has gathered it', (_label, open, filler) => {
    const stream = createXmlStream('x.xml', {}, { maxText: 100, maxMarkup: 10_000, onLongText() {} });
    stream.write('<root>');
    stream.write(open);
    expect(() => {
      for (let index = 0; index < 100; index++) stream.write(filler.repeat(1000));
    }).toThrow(/markup longer than 10000/);
  });

  it('refuses a DOCTYPE at its first characters', () => {
    const stream = createXmlStream('x.xml', {}, { maxText: 100, onLongText() {} });
    expect(() => stream.write('<?xml version="1.0"?><!DOC')).toThrow(OoxmlError);
  });
});
