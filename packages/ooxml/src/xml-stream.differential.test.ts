import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cellReferenceColumn } from './cell-reference.js';
import type { XmlAttributes } from './xml-attributes.js';
import { createSaxesXmlStream } from './xml-saxes.test-support.js';
import { createXmlStream, type XmlGuard, type XmlHandlers, type XmlStream } from './xml-stream.js';

type Event = readonly [kind: string, value: string, attributes?: Record<string, string>];
type Outcome = { events: Event[]; error?: string };
type Factory = (part: string, handlers: XmlHandlers, guard?: XmlGuard) => XmlStream;

/**
 * Feeds `xml` cut at `cuts` and records every event. A text node may come in one piece or in
 * several (saxes and the tokenizer split differently; every handler appends): neighbours are
 * joined and empty texts dropped before comparing.
 */
function run(factory: Factory, xml: string, cuts: readonly number[], guard?: XmlGuard): Outcome {
  const events: Event[] = [];
  const stream = factory(
    'part.xml',
    {
      open: (name, attributes) => events.push(['open', name, { ...attributes }]),
      close: (name) => events.push(['close', name]),
      text: (text) => {
        const last = events.at(-1);
        if (last?.[0] === 'text') events[events.length - 1] = ['text', last[1] + text];
        else events.push(['text', text]);
      },
    },
    guard,
  );
  const joined = () => events.filter((event) => event[0] !== 'text' || event[1] !== '');
  try {
    let at = 0;
    for (const cut of [...cuts].sort((a, b) => a - b)) {
      const end = Math.min(cut, xml.length);
      if (end < at) continue;
      stream.write(xml.slice(at, end));
      at = end;
    }
    stream.write(xml.slice(at));
    stream.close();
  } catch (error) {
    return { events: joined(), error: error instanceof Error ? error.name : String(error) };
  }
  return { events: joined() };
}

/**
 * The in-place view as the object `open` gets, each value read every way the view offers: `get`,
 * `number` and `column` must agree with the value and with Number / cellReferenceColumn of it.
 */
function viewObject(attributes: XmlAttributes): Record<string, string> {
  const entries: [string, string][] = [];
  for (let index = 0; index < attributes.size; index++) {
    const name = attributes.name(index);
    const value = attributes.value(index);
    expect(attributes.get(name)).toBe(value);
    expect(attributes.number(name)).toBe(Number(value));
    expect(attributes.column(name)).toBe(cellReferenceColumn(value));
    entries.push([name, value]);
  }
  return Object.fromEntries(entries);
}

/** The tokenizer with its in-place open form (`openInPlace`), seen through `viewObject`. */
const createInPlaceXmlStream: Factory = (part, handlers, guard) => {
  const { open, ...rest } = handlers;
  return createXmlStream(
    part,
    { ...rest, ...(open ? { openInPlace: (name, attributes) => open(name, viewObject(attributes)) } : {}) },
    guard,
  );
};

/** The in-place form with the worksheet's fast lane for rows (`worksheetRows`). */
const createRowLaneXmlStream: Factory = (part, handlers, guard) =>
  createInPlaceXmlStream(part, { ...handlers, worksheetRows: true }, guard);

/** The in-place form with the shared-string table's fast lane (`sharedStrings`). */
const createSharedStringLaneXmlStream: Factory = (part, handlers, guard) =>
  createInPlaceXmlStream(part, { ...handlers, sharedStrings: true }, guard);

const guards: Record<string, XmlGuard | undefined> = {
  // docx and parseXml read without a guard; xlsx parts with one.
  'no guard': undefined,
  guard: { maxText: 1_000_000, onLongText() {} },
};

/** Both forms of the tokenizer's open handler: the object per tag, and the view in place. */
const forms: [string, Factory][] = [
  ['object', createXmlStream],
  ['in place', createInPlaceXmlStream],
  ['row lane', createRowLaneXmlStream],
  ['shared-string lane', createSharedStringLaneXmlStream],
];

/** The forms worth running on a real part: each lane on the kind of part it is made for. */
function formsFor(part: string): [string, Factory][] {
  return forms.filter(([form]) => {
    if (form === 'row lane') return /worksheets\/.*\.xml$/.test(part);
    if (form === 'shared-string lane') return /sharedStrings\.xml$/.test(part);
    return true;
  });
}

/** Same outcome: both throw (of the same kind), or neither does and the events are equal. */
function expectSame(xml: string, cuts: readonly number[]) {
  for (const [label, guard] of Object.entries(guards)) {
    const expected = run(createSaxesXmlStream, xml, cuts, guard);
    for (const [form, factory] of forms) {
      const actual = run(factory, xml, cuts, guard);
      const context = `${label}, ${form}, cuts ${JSON.stringify(cuts)}: ${JSON.stringify(xml)}`;
      if (expected.error !== undefined) {
        expect(actual.error, `should throw (${context})`).toBe(expected.error);
      } else {
        expect(actual.error, `should not throw (${context})`).toBeUndefined();
        expect(actual.events, context).toEqual(expected.events);
      }
    }
  }
}

// Office-like XML: prefixed and bare names, r:id / xml:space attributes, entities of every kind,
// CJK, astral characters, CRLF, tabs, CDATA, comments, instructions.
const names = [
  'c',
  'x:c',
  'row',
  'v',
  'si',
  't',
  'w:t',
  'w:p',
  'is',
  'rPh',
  'sheet',
  'a:b:c',
  '_x',
  'é',
  '数据',
  'x-y.z',
];
const attributeNames = [
  'r',
  's',
  't',
  'r:id',
  'xml:space',
  'w:val',
  'ref',
  'Target',
  'name',
  'constructor',
  'toString',
];
const textPieces = [
  'a',
  'B',
  '1',
  '07',
  '$',
  'XFD',
  '1048576',
  '.5',
  'e3',
  ' ',
  '  ',
  '\t',
  '\n',
  '\r\n',
  '\r',
  '表',
  '😀',
  '&amp;',
  '&lt;',
  '&gt;',
  '&quot;',
  '&apos;',
  '&#123;',
  '&#x4E00;',
  '&#x1F600;',
  '&#24180;',
  '&#0065;',
  '&#x10FFFF;',
  '&#xaBcD;',
  '&#10;',
  '&#13;',
  '&#9;',
  '>',
  ']',
  ']]',
  '"',
  "'",
  '-',
  '?',
];

const textArbitrary = fc
  .array(fc.constantFrom(...textPieces), { maxLength: 8 })
  .map((pieces) => pieces.join(''));
/** Text fit for an attribute value quoted with `quote` (`>` is fine there, `<` is not). */
const valueArbitrary = (quote: string) =>
  fc
    .array(fc.constantFrom(...textPieces.filter((piece) => piece !== quote)), { maxLength: 6 })
    .map((pieces) => pieces.join(''));
const spaceArbitrary = fc.constantFrom('', ' ', '\n', '\t', '\r\n  ');

const attributesArbitrary = fc
  .uniqueArray(
    fc.record({
      name: fc.constantFrom(...attributeNames),
      quote: fc.constantFrom('"', "'"),
      before: fc.constantFrom(' ', '\n', '\t', '  ', '\r\n'),
      around: fc.constantFrom('', ' ', '\n'),
      seed: fc.nat(),
    }),
    { selector: (attribute) => attribute.name, maxLength: 3 },
  )
  .chain((attributes) =>
    fc
      .tuple(...attributes.map((attribute) => valueArbitrary(attribute.quote)))
      .map((values) =>
        attributes
          .map(
            (attribute, index) =>
              `${attribute.before}${attribute.name}${attribute.around}=${attribute.around}${attribute.quote}${values[index]}${attribute.quote}`,
          )
          .join(''),
      ),
  );

const { element } = fc.letrec<{ element: string; content: string }>((tie) => ({
  element: fc
    .tuple(fc.constantFrom(...names), attributesArbitrary, spaceArbitrary, fc.boolean(), tie('content'))
    .map(([name, attributes, space, empty, content]) =>
      empty
        ? `<${name}${attributes}${space}/>`
        : `<${name}${attributes}${space}>${content}</${name}${space}>`,
    ),
  content: fc
    .array(
      fc.oneof(
        { weight: 3, arbitrary: textArbitrary },
        { weight: 3, arbitrary: tie('element') },
        { weight: 1, arbitrary: textArbitrary.map((text) => `<![CDATA[${text.replace(/]]>/g, '')}]]>`) },
        {
          weight: 1,
          arbitrary: fc.constantFrom('<!-- a > b <c> -->', '<!---->', '<!-- - -->', '<?pi a > b?>', '<?x?>'),
        },
      ),
      { maxLength: 4 },
    )
    .map((parts) => parts.join('')),
}));

const documentArbitrary = fc
  .tuple(
    fc.constantFrom(
      '',
      '\uFEFF',
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n',
      "<?xml version='1.0'?>",
      '<?xml version="1.0" encoding="UTF-8"?>\n<!-- generated -->\n',
      '  \n',
    ),
    element,
    fc.constantFrom('', '\n', '\r\n', '<!-- end -->', '<?pi?>\n'),
  )
  .map(([head, root, tail]) => `${head}${root}${tail}`);

// Breakage: what hostile or broken writers produce.
const breakages = [
  '<',
  '>',
  '&',
  '&foo;',
  '&amp',
  '&#;',
  '&#0;',
  '&#x110000;',
  '&#X41;',
  '&#xD800;',
  '&#xFFFE;',
  '&#12a;',
  '&#x;',
  '&#65',
  '&#-1;',
  '&#99999999999999999999;',
  '&LT;',
  '&lt',
  ']]>',
  '</x>',
  '</>',
  '<a>',
  '<a/>',
  '<a b="1" b="2"/>',
  '<a b="1"c="2"/>',
  '<a b=1/>',
  '<a b/>',
  '< a/>',
  '<1a/>',
  '<!DOCTYPE a [<!ENTITY x "y">]>',
  '<!ENTITY x "y">',
  '<!-- a -- b -->',
  '<![CDATA[',
  '<?xml version="1.0"?>',
  '<?XML x?>',
  '<? x?>',
  '<?a',
  '\u0001',
  '\u000B',
  '\uFFFE',
  'text',
  '"',
  "'",
  '=',
  '/',
  '<!x>',
  '<!-x-->',
];

const mutationArbitrary = fc.oneof(
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), piece: fc.constantFrom(...breakages) }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), piece: fc.integer({ min: 1, max: 4 }) }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat(), piece: fc.constant(0) }),
);

function mutate(xml: string, mutation: { kind: string; at: number; piece: string | number }): string {
  const at = xml.length === 0 ? 0 : mutation.at % (xml.length + 1);
  if (mutation.kind === 'insert') return xml.slice(0, at) + String(mutation.piece) + xml.slice(at);
  if (mutation.kind === 'delete') return xml.slice(0, at) + xml.slice(at + Number(mutation.piece));
  return xml.slice(0, at);
}

const loneSurrogate = /[\uD800-\uDFFF]/u;

/** Cut points: anywhere, including inside names, values, entities, CRLF and surrogate pairs. */
const cutsArbitrary = fc.array(fc.nat({ max: 400 }), { maxLength: 12 });

describe('the XML tokenizer against the saxes-based parser it replaced', () => {
  it('gives the same events for well-formed Office-like XML, however it is cut', () => {
    fc.assert(
      fc.property(documentArbitrary, cutsArbitrary, (xml, cuts) => {
        expectSame(xml, cuts);
      }),
      { numRuns: 10000 },
    );
  });

  it('throws exactly when saxes throws on broken XML, and agrees on the events otherwise', () => {
    fc.assert(
      fc.property(
        documentArbitrary,
        fc.array(mutationArbitrary, { minLength: 1, maxLength: 3 }),
        cutsArbitrary,
        (xml, mutations, cuts) => {
          const broken = mutations.reduce((text, mutation) => mutate(text, mutation), xml);
          // Parts reach the parser through a TextDecoder, which never yields half a surrogate
          // pair (saxes reads a lone high one together with whatever follows it).
          fc.pre(!loneSurrogate.test(broken));
          expectSame(broken, cuts);
        },
      ),
      { numRuns: 10000 },
    );
  });

  it.each([
    ['an empty part', ''],
    ['whitespace only', ' \n'],
    ['text only', 'abc'],
    ['two roots', '<a/><b/>'],
    ['text after the root', '<a/>x'],
    ['an entity after the root', '<a/>&amp;'],
    ['an unclosed root', '<a><b></b>'],
    ['a mismatched close', '<a><b></a></b>'],
    [
      'an entity expansion attack',
      '<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;">]><a>&lol2;</a>',
    ],
    ['an undefined entity', '<a>&nbsp;</a>'],
    ['a declaration after whitespace', ' <?xml version="1.0"?><a/>'],
    ['a declaration without a version', '<?xml encoding="UTF-8"?><a/>'],
    ['CDATA outside the root', '<![CDATA[x]]><a/>'],
    ['an unterminated comment', '<a/><!-- x'],
    ['an unterminated entity', '<a>&amp</a>'],
    ['< in an attribute value', '<a b="<"/>'],
    ['a BOM then a declaration', '\uFEFF<?xml version="1.0"?><a/>'],
    ['whitespace after the root', '<a/>\r\n \t'],
    ['attribute normalisation', '<a b="x\ty\r\nz&#10;&#9;" c=\'"\' d="&lt;&gt;&amp;&quot;&apos;"/>'],
  ])('agrees on %s', (_label, xml) => {
    for (const cuts of [[], [1], [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20]]) {
      expectSame(xml, cuts);
    }
  });

  it('agrees on real Office parts: every XML part of the fixtures, cut in small pieces', async () => {
    const { readZipEntries } = await loadZipReader();
    // The real Office files (Excel, WPS, LibreOffice, openpyxl, Word) are the aggregator's fixtures.
    const fixtures = join(import.meta.dirname, '..', '..', 'aggregator', 'src', '__fixtures__');
    let parts = 0;
    for (const [file, entries] of readZipEntries(fixtures)) {
      for (const [name, xml] of entries) {
        parts++;
        const cuts = Array.from(
          { length: Math.min(200, Math.ceil(xml.length / 97)) },
          (_, index) => index * 97 + (index % 7),
        );
        for (const [label, guard] of Object.entries(guards)) {
          const expected = run(createSaxesXmlStream, xml, cuts, guard);
          for (const [form, factory] of formsFor(name)) {
            const actual = run(factory, xml, cuts, guard);
            expect(actual, `${file} ${name} (${label}, ${form})`).toEqual(expected);
          }
        }
      }
    }
    expect(parts).toBeGreaterThan(10);
  });
});

// Worksheets: rows of the lane's shape, and every way a writer or a forger strays from it (entities,
// tabs and newlines in values, spaces around `=` or before `>`, prefixes, inline strings, comments,
// CDATA, texts past a small guard's maxText) in the middle of a row or a cell.
const sheetTexts = ['1', '0.5', '表', ' ', '\t', '\n', ']', ']]>', '&amp;', '&#24180;', 'x'.repeat(12)];
const sheetTextArbitrary = fc
  .array(fc.constantFrom(...sheetTexts), { maxLength: 3 })
  .map((pieces) => pieces.join(''));
const sheetAttributesArbitrary = fc
  .uniqueArray(
    fc.record({
      name: fc.constantFrom('r', 's', 't', 'x14ac:dyDescent', 'spans', 'cm', 'r:id'),
      value: fc.constantFrom(
        'A1',
        'XFD1048576',
        '3',
        's',
        'str',
        'inlineStr',
        '1:10',
        '',
        'a\tb',
        '&amp;',
        '&#10;',
        '>',
      ),
      quote: fc.constantFrom('"', '"', "'"),
      before: fc.constantFrom(' ', ' ', ' ', '  ', '\n', '\t', '\r\n'),
      around: fc.constantFrom('', '', '', ' '),
    }),
    { selector: (attribute) => attribute.name, maxLength: 3 },
  )
  .map((attributes) =>
    attributes
      .map(
        ({ name, value, quote, before, around }) =>
          `${before}${name}${around}=${around}${quote}${value}${quote}`,
      )
      .join(''),
  );
const sheetSpace = fc.constantFrom('', '', '', ' ', '\n', '\r\n  ');
// Rich-text runs as Excel, WPS and LibreOffice write them (formatting of empty elements, one
// font a run), and the shapes a run's lane must leave to the tokenizer.
const runPropertyArbitrary = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.constantFrom(
      '<sz val="11"/>',
      '<color rgb="FF000000"/>',
      '<rFont val="Noto Sans CJK SC"/>',
      '<rFont val="宋体"/>',
      '<family val="2"/>',
      '<charset val="134"/>',
      '<scheme val="minor"/>',
      '<b/>',
      '<i />',
      '<vertAlign val="superscript"/>',
    ),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      '<b></b>',
      '<x:b/>',
      '<sz val="1&amp;1"/>',
      '<sz val = "11"/>',
      '<sz\nval="11"/>',
      '<color rgb="FF000000" rgb="1"/>',
      '<!-- b -->',
      'x',
      '<rFont val="a>b"/>',
      '<b/ >',
    ),
  },
);
const runPropertiesArbitrary = fc
  .tuple(fc.nat(9), fc.array(runPropertyArbitrary, { maxLength: 4 }), sheetSpace)
  .map(([shape, properties, between]) =>
    shape === 0
      ? ''
      : shape === 1
        ? '<rPr/>'
        : `<rPr>${properties.join(between)}</rPr${shape === 2 ? ' ' : ''}>`,
  );
const runArbitrary = fc
  .tuple(fc.nat(9), runPropertiesArbitrary, sheetTextArbitrary, sheetSpace)
  .map(([shape, properties, text, between]) =>
    shape === 0
      ? '<r/>'
      : shape === 1
        ? `<r>${properties}${between}<t xml:space="preserve">${text}</t></r >`
        : `<r>${properties}${between}<t>${text}</t></r>`,
  );
const runsArbitrary = fc.array(runArbitrary, { minLength: 1, maxLength: 3 }).map((runs) => runs.join(''));
const cellChildArbitrary = fc.oneof(
  { weight: 6, arbitrary: sheetTextArbitrary.map((text) => `<v>${text}</v>`) },
  {
    weight: 2,
    arbitrary: fc.constantFrom('<v/>', '<v></v>', '<f t="shared" si="0"/>', '<v >1</v >', '<v>1</v >'),
  },
  { weight: 2, arbitrary: sheetTextArbitrary.map((text) => `<f>${text}</f>`) },
  { weight: 1, arbitrary: sheetTextArbitrary.map((text) => `<is><t>${text}</t></is>`) },
  { weight: 1, arbitrary: runsArbitrary.map((runs) => `<is>${runs}</is>`) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      '<is><r><t xml:space="preserve">a </t></r><rPh sb="0" eb="1"><t>b</t></rPh></is>',
      '<x:v>1</x:v>',
      '<extLst/>',
      '<!-- c -->',
      '<![CDATA[1]]>',
      '<?pi x?>',
      '<vv>1</vv>',
      '<v\n>1</v>',
    ),
  },
);
const cellArbitrary = fc
  .tuple(
    sheetAttributesArbitrary,
    sheetSpace,
    fc.nat(9),
    fc.array(cellChildArbitrary, { maxLength: 2 }),
    sheetSpace,
  )
  .map(([attributes, space, shape, children, between]) =>
    shape === 0
      ? `<c${attributes}${space}/>`
      : `<c${attributes}${space}>${children.join(between)}</c${shape === 1 ? ' ' : ''}>`,
  );
const rowArbitrary = fc
  .tuple(sheetAttributesArbitrary, fc.nat(9), fc.array(cellArbitrary, { maxLength: 4 }), sheetSpace)
  .map(([attributes, shape, cells, between]) =>
    shape === 0
      ? `<row${attributes}/>`
      : `<${shape === 1 ? 'x:row' : 'row'}${attributes}>${cells.join(between)}</${shape === 1 ? 'x:row' : 'row'}${shape === 2 ? ' ' : ''}>`,
  );
const sheetArbitrary = fc
  .tuple(fc.array(rowArbitrary, { maxLength: 5 }), sheetSpace)
  .map(
    ([rows, between]) =>
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows.join(between)}</sheetData><mergeCells count="1"><mergeCell ref="A1:B2"/></mergeCells></worksheet>`,
  );
/**
 * A guard so small that cells' texts and tags pass it: the lane must leave each of those to the
 * tokenizer. Compared with the tokenizer without the lane (saxes' guard cuts such texts elsewhere).
 */
const smallGuard: XmlGuard = { maxText: 8, maxMarkup: 90, onLongText() {} };

/** Same outcome for saxes and the tokenizer in every form; with a small guard, with and without each lane. */
function expectSameSheet(xml: string, cuts: readonly number[]) {
  expectSame(xml, cuts);
  // With the texts each guard cut counted: the lane must never read one the tokenizer would cut.
  const outcome = (factory: Factory) => {
    let cut = 0;
    const guard = { ...smallGuard, onLongText: () => void cut++ };
    return { ...run(factory, xml, cuts, guard), cut };
  };
  const context = `small guard, cuts ${JSON.stringify(cuts)}: ${JSON.stringify(xml)}`;
  const expected = outcome(createInPlaceXmlStream);
  expect(outcome(createRowLaneXmlStream), context).toEqual(expected);
  expect(outcome(createSharedStringLaneXmlStream), context).toEqual(expected);
}

// Shared-string tables: plain items, rich text, phonetic guides, xml:space, entities, whitespace.
const itemArbitrary = fc.oneof(
  { weight: 6, arbitrary: sheetTextArbitrary.map((text) => `<si><t>${text}</t></si>`) },
  { weight: 2, arbitrary: sheetTextArbitrary.map((text) => `<si><t xml:space="preserve">${text}</t></si>`) },
  { weight: 3, arbitrary: runsArbitrary.map((runs) => `<si>${runs}</si>`) },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      '<si/>',
      '<si><t/></si>',
      '<si></si>',
      '<si><r><rPr><b/></rPr><t>a</t></r><r><t>b</t></r></si>',
      '<si><t>漢字</t><rPh sb="0" eb="2"><t>かんじ</t></rPh><phoneticPr fontId="1"/></si>',
      '<si ><t >a</t ></si >',
      '<x:si><x:t>a</x:t></x:si>',
      '<si><t>a</t>\n</si>',
      '<sis/>',
    ),
  },
);
const sharedStringsArbitrary = fc
  .tuple(fc.array(itemArbitrary, { maxLength: 6 }), sheetSpace)
  .map(
    ([items, between]) =>
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${items.length}">${items.join(between)}</sst>`,
  );

describe.each([
  { part: 'worksheets', arbitrary: sheetArbitrary, numRuns: 1500 },
  { part: 'shared-string tables', arbitrary: sharedStringsArbitrary, numRuns: 1000 },
])('the fast lanes against saxes on $part', ({ arbitrary, numRuns }) => {
  it('gives the same events for every shape, however it is cut', () => {
    fc.assert(
      fc.property(arbitrary, cutsArbitrary, (xml, cuts) => expectSameSheet(xml, cuts)),
      { numRuns },
    );
  });

  it('throws exactly when saxes throws on a broken part', () => {
    fc.assert(
      fc.property(
        arbitrary,
        fc.array(mutationArbitrary, { minLength: 1, maxLength: 3 }),
        cutsArbitrary,
        (xml, mutations, cuts) => {
          const broken = mutations.reduce((text, mutation) => mutate(text, mutation), xml);
          fc.pre(!loneSurrogate.test(broken));
          expectSameSheet(broken, cuts);
        },
      ),
      { numRuns },
    );
  });
});

/** Every .xml / .rels entry of every xlsx and docx fixture, decoded. */
async function loadZipReader() {
  const { readdirSync, statSync } = await import('node:fs');
  const { unzipSync } = await import('fflate');
  const decoder = new TextDecoder();
  const walk = (folder: string): string[] =>
    readdirSync(folder).flatMap((name) => {
      const path = join(folder, name);
      return statSync(path).isDirectory() ? walk(path) : [path];
    });
  return {
    *readZipEntries(folder: string): Generator<[string, [string, string][]]> {
      for (const file of walk(folder).filter((path) => /\.(xlsx|docx)$/i.test(path))) {
        let entries: Record<string, Uint8Array>;
        try {
          // Zip-bomb fixtures are left out: their parts are what the size budget is for.
          entries = unzipSync(new Uint8Array(readFileSync(file)), {
            filter: (entry) => entry.originalSize < 4_000_000 && /\.(xml|rels)$/i.test(entry.name),
          });
        } catch {
          continue;
        }
        yield [
          file,
          Object.entries(entries)
            .filter(([name]) => /\.(xml|rels)$/i.test(name))
            .map(([name, bytes]) => [name, decoder.decode(bytes)] as [string, string]),
        ];
      }
    },
  };
}
