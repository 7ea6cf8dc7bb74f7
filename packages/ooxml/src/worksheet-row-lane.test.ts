import { afterEach, describe, expect, it, vi } from 'vitest';
import { readWith } from './lane.test-support.js';
import { WorksheetRowLane } from './worksheet-row-lane.js';
import { createXmlStream } from './xml-stream.js';

const readRows = (data: string, bounds?: { maxText: number; maxMarkup: number }) =>
  readWith(WorksheetRowLane, data, bounds);

describe('the worksheet row lane', () => {
  it('reads rows of the usual shape whole, one after another', () => {
    const data =
      '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1"/></row>\n<row r="2"><c r="A2"><f>ROW()</f><v>2</v></c></row><sheetData/>';
    expect(readRows(data)).toEqual({
      events:
        '<row r=1><c r=A1 t=s><v>"0"</v></c><c r=B1></c></row>"\\n"' +
        '<row r=2><c r=A2><f>"ROW()"</f><v>"2"</v></c></row>',
      stop: data.indexOf('<sheetData/>'),
      open: '',
    });
  });

  it('reads an inline string, plain or in rich-text runs, and stops at a phonetic guide', () => {
    const plain = '<row r="1"><c r="A1" t="inlineStr"><is><t xml:space="preserve"> a </t></is></c></row>';
    expect(readRows(plain)).toEqual({
      events: '<row r=1><c r=A1 t=inlineStr><is><t xml:space=preserve>" a "</t></is></c></row>',
      stop: plain.length,
      open: '',
    });
    const rich = '<row r="1"><c r="A1" t="inlineStr"><is><r><rPr><b/></rPr><t>a</t></r></is></c></row>';
    expect(readRows(rich)).toEqual({
      events: '<row r=1><c r=A1 t=inlineStr><is><r><rPr><b></b></rPr><t>"a"</t></r></is></c></row>',
      stop: rich.length,
      open: '',
    });
    const guide =
      '<row r="1"><c r="A1" t="inlineStr"><is><r><t>漢</t></r><rPh sb="0" eb="1"><t>かん</t></rPh></is></c></row>';
    expect(readRows(guide)).toEqual({
      events: '<row r=1><c r=A1 t=inlineStr><is><r><t>"漢"</t></r>',
      stop: guide.indexOf('<rPh'),
      open: 'row c is',
    });
  });

  it("decodes a value's entities with the tokenizer's decoder, and leaves one in an attribute to it", () => {
    const value = '<row><c r="A1"><v>a&amp;b</v></c></row>';
    expect(readRows(value)).toEqual({
      events: '<row><c r=A1><v>"a&b"</v></c></row>',
      stop: value.length,
      open: '',
    });
    const attribute = '<row><c r="A1"/><c r="&#65;2"/></row>';
    expect(readRows(attribute)).toEqual({
      events: '<row><c r=A1></c>',
      stop: attribute.indexOf('<c r="&'),
      open: 'row',
    });
  });

  it('stops where the chunk ends, before a tag or a text cut short', () => {
    const data = '<row r="1"><c r="A1"><v>12</v></c><c r="B1"><v>3';
    expect(readRows(data)).toEqual({
      events: '<row r=1><c r=A1><v>"12"</v></c><c r=B1>',
      stop: data.lastIndexOf('<v>'),
      open: 'row c',
    });
    expect(readRows('<row r="1"')).toEqual({ events: '', stop: 0, open: '' });
  });

  it('reads nothing of a tag that only starts like a row, or of one past the bounds', () => {
    expect(readRows('<rows/>')).toEqual({ events: '', stop: 0, open: '' });
    expect(readRows('<row  r = "1"/>')).toEqual({ events: '', stop: 0, open: '' });
    const long = `<row><c><v>${'1'.repeat(20)}</v></c></row>`;
    expect(readRows(long, { maxText: 10, maxMarkup: 1000 })).toEqual({
      events: '<row><c>',
      stop: long.indexOf('<v>'),
      open: 'row c',
    });
  });
});

describe('the tokenizer with the row lane', () => {
  afterEach(() => vi.restoreAllMocks());

  it('hands each row to the lane, which reads it, and goes on where the lane stopped', () => {
    const read = vi.spyOn(WorksheetRowLane.prototype, 'read');
    const events: string[] = [];
    const stream = createXmlStream('sheet.xml', {
      worksheetRows: true,
      openInPlace: (name) => events.push(name),
      close: (name) => events.push(`/${name}`),
    });
    stream.write('<worksheet><sheetData><row r="1"><c r="A1"><v>1</v></c></row>');
    stream.write(
      '<row r="2"><c r="A2"><is><r><t>a</t></r><rPh><t>b</t></rPh></is></c></row></sheetData></worksheet>',
    );
    stream.close();
    // Row 1 whole, row 2 up to its phonetic guide; the guide `<rPh>` is offered too (it starts
    // with r) and left to the tokenizer.
    const progressed = read.mock.results.map(
      (result, index) => result.value > (read.mock.calls[index]?.[1] ?? 0),
    );
    expect(progressed).toEqual([true, true, false]);
    expect(events.join(' ')).toBe(
      'worksheet sheetData row c v /v /c /row row c is r t /t /r rPh t /t /rPh /is /c /row /sheetData /worksheet',
    );
  });
});
