import { describe, expect, it } from 'vitest';
import { detectContent } from './detect-format.js';

const ole2 = (entry: string) => {
  const name = Array.from(entry).flatMap((char) => [char.charCodeAt(0), 0]);
  return new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(504).fill(0), ...name]);
};
const text = (value: string) => new TextEncoder().encode(value);
const utf16 = (value: string) =>
  new Uint8Array([
    0xff,
    0xfe,
    ...Array.from(value).flatMap((char) => [char.charCodeAt(0) & 0xff, char.charCodeAt(0) >> 8]),
  ]);

describe('detectContent', () => {
  it.each([
    ['a zip', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0]), { kind: 'zip' }],
    ['an Excel 97–2003 or WPS workbook', ole2('Workbook'), { kind: 'ole2', holds: 'workbook' }],
    ['an Excel 5 workbook', ole2('Book'), { kind: 'ole2', holds: 'workbook' }],
    ['a Word or WPS document', ole2('WordDocument'), { kind: 'ole2', holds: 'word' }],
    ['an encrypted workbook', ole2('EncryptedPackage'), { kind: 'ole2', holds: 'encrypted' }],
    [
      'an HTML table',
      text('\uFEFF  <html><body><table><tr><td>序号</td></tr></table>'),
      { kind: 'markup', markup: 'html' },
    ],
    ['a bare table', text('<table border=1><tr><td>1</td></tr></table>'), { kind: 'markup', markup: 'html' }],
    ['a UTF-16 HTML page', utf16('<html><table></table></html>'), { kind: 'markup', markup: 'html' }],
    [
      'Excel 2003 XML',
      text('<?xml version="1.0"?><Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"></Workbook>'),
      { kind: 'markup', markup: 'spreadsheetml' },
    ],
    ['other XML', text('<?xml version="1.0"?><root/>'), { kind: 'markup', markup: 'other' }],
    ['a CSV', text('序号,活动名称\n1,健步走\n'), { kind: 'text' }],
    ['a UTF-16 tab export', utf16('序号\t活动名称\r\n'), { kind: 'text' }],
    ['a PDF', text('%PDF-1.7\n'), { kind: 'binary', label: 'PDF' }],
    ['a TIFF scan', new Uint8Array([0x49, 0x49, 0x2a, 0x00, 8, 0]), { kind: 'binary', label: 'TIFF' }],
    [
      'an iPhone photo',
      new Uint8Array([0, 0, 0, 0x18, 0x66, 0x74, 0x79, 0x70, 0x68, 0x65, 0x69, 0x63]),
      { kind: 'binary', label: 'HEIC' },
    ],
  ])('tells %s', (_what, bytes, expected) => {
    expect(detectContent(bytes)).toEqual(expected);
  });
});
