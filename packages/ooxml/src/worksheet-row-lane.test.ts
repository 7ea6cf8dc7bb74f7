import { describe, expect, it } from 'vitest';
import { WorksheetRowLane } from './worksheet-row-lane.js';
import { XmlAttributeList } from './xml-attributes.js';

/** A lane over `data` from `from`: what it reported, where it stopped, what it left open. */
function readRows(data: string, from = 0, bounds = { maxText: 100, maxMarkup: 1000 }) {
  const events: string[] = [];
  const lane = new WorksheetRowLane(
    {
      openInPlace: (name, attributes) => {
        const pairs = Array.from({ length: attributes.size }, (_, index) => {
          return `${attributes.name(index)}=${attributes.value(index)}`;
        });
        events.push(`<${[name, ...pairs].join(' ')}>`);
      },
      close: (name) => events.push(`</${name}>`),
      text: (text) => events.push(JSON.stringify(text)),
    },
    new XmlAttributeList(),
    bounds,
  );
  const stop = lane.rows(data, from);
  return { events: events.join(''), stop, open: lane.open };
}

describe('the worksheet row lane', () => {
  it('reads rows of the usual shape whole, one after another', () => {
    const data =
      '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1"/></row>\n<row r="2"><c r="A2"><f>ROW()</f><v>2</v></c></row><sheetData/>';
    expect(readRows(data)).toEqual({
      events:
        '<row r=1><c r=A1 t=s><v>"0"</v></c><c r=B1></c></row>"\\n"' +
        '<row r=2><c r=A2><f>"ROW()"</f><v>"2"</v></c></row>',
      stop: data.indexOf('<sheetData/>'),
      open: 0,
    });
  });

  it('stops at an inline string, leaving its row and cell open', () => {
    const data = '<row r="1"><c r="A1" t="inlineStr"><is><t>a</t></is></c></row>';
    expect(readRows(data)).toEqual({
      events: '<row r=1><c r=A1 t=inlineStr>',
      stop: data.indexOf('<is>'),
      open: 2,
    });
  });

  it('leaves a value with an entity, and a cell with one in an attribute, to the tokenizer', () => {
    const value = '<row><c r="A1"><v>1</v><v>a&amp;b</v></c></row>';
    expect(readRows(value)).toEqual({
      events: '<row><c r=A1><v>"1"</v>',
      stop: value.indexOf('<v>a'),
      open: 2,
    });
    const attribute = '<row><c r="A1"/><c r="&#65;2"/></row>';
    expect(readRows(attribute)).toEqual({
      events: '<row><c r=A1></c>',
      stop: attribute.indexOf('<c r="&'),
      open: 1,
    });
  });

  it('stops where the chunk ends, before a tag or a text cut short', () => {
    const data = '<row r="1"><c r="A1"><v>12</v></c><c r="B1"><v>3';
    expect(readRows(data)).toEqual({
      events: '<row r=1><c r=A1><v>"12"</v></c><c r=B1>',
      stop: data.lastIndexOf('<v>'),
      open: 2,
    });
    expect(readRows('<row r="1"')).toEqual({ events: '', stop: 0, open: 0 });
  });

  it('reads nothing of a tag that only starts like a row, or of one past the bounds', () => {
    expect(readRows('<rows/>')).toEqual({ events: '', stop: 0, open: 0 });
    expect(readRows('<row  r = "1"/>')).toEqual({ events: '', stop: 0, open: 0 });
    const long = `<row><c><v>${'1'.repeat(20)}</v></c></row>`;
    expect(readRows(long, 0, { maxText: 10, maxMarkup: 1000 })).toEqual({
      events: '<row><c>',
      stop: long.indexOf('<v>'),
      open: 2,
    });
  });
});
