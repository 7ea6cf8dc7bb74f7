import { afterEach, describe, expect, it, vi } from 'vitest';
import { readWith } from './lane.test-support.js';
import { SharedStringLane } from './shared-string-lane.js';
import { parseXml } from './xml-stream.js';

describe('the shared-string lane', () => {
  it('reads plain items and rich-text runs whole', () => {
    const data =
      '<si><t>甲</t></si>\n<si><t xml:space="preserve"> a&amp;b </t></si>' +
      '<si><r><rPr><sz val="11"/><rFont val="宋体"/><b/></rPr><t>乙</t></r><r><t xml:space="preserve">2</t></r></si>';
    expect(readWith(SharedStringLane, data)).toEqual({
      events:
        '<si><t>"甲"</t></si>"\\n"<si><t xml:space=preserve>" a&b "</t></si>' +
        '<si><r><rPr><sz val=11></sz><rFont val=宋体></rFont><b></b></rPr><t>"乙"</t></r><r><t xml:space=preserve>"2"</t></r></si>',
      stop: data.length,
      open: '',
    });
  });

  it("stops inside a run's formatting at anything but an empty element of a bare name", () => {
    const filled = '<si><r><rPr><sz val="11"/><b></b></rPr><t>乙</t></r></si>';
    expect(readWith(SharedStringLane, filled)).toEqual({
      events: '<si><r><rPr><sz val=11></sz>',
      stop: filled.indexOf('<b>'),
      open: 'si r rPr',
    });
    const prefixed = '<si><r><x:rPr/><t>乙</t></r></si>';
    expect(readWith(SharedStringLane, prefixed)).toEqual({
      events: '<si><r>',
      stop: prefixed.indexOf('<x:rPr'),
      open: 'si r',
    });
  });

  it("reports a run's formatting met again as reading it did, values from where it now stands", () => {
    const cjk = '<rPr><sz val="11"/><rFont val="宋体"/><family val="2"/></rPr>';
    const latin = '<rPr><sz val="11"/><rFont val="Calibri"/><family val="2"/></rPr>';
    const item = (first: string, second: string) =>
      `<si><r>${first}<t>第</t></r><r>${second}<t>12</t></r></si>`;
    const data = item(cjk, latin) + item(cjk, latin) + item(latin, latin.replace('11', '12'));
    const events = (properties: string) =>
      properties.replace(/="([^"]*)"/g, '=$1').replace(/<(\w+) ([^/]*)\/>/g, '<$1 $2></$1>');
    const expected = (first: string, second: string) =>
      `<si><r>${events(first)}<t>"第"</t></r><r>${events(second)}<t>"12"</t></r></si>`;
    expect(readWith(SharedStringLane, data)).toEqual({
      events: expected(cjk, latin) + expected(cjk, latin) + expected(latin, latin.replace('11', '12')),
      stop: data.length,
      open: '',
    });
  });

  it('matches a name remembered by its first letter whole, not by its length', () => {
    // `strike` then `shadow`, `val` then `vax`: the same first letter, the same length.
    const data = '<si><r><rPr><strike/><shadow/><sz val="11" vax="1"/></rPr><t>甲</t></r></si>';
    expect(readWith(SharedStringLane, data)).toEqual({
      events:
        '<si><r><rPr><strike></strike><shadow></shadow><sz val=11 vax=1></sz></rPr><t>"甲"</t></r></si>',
      stop: data.length,
      open: '',
    });
  });

  it('stops at a phonetic guide after the text', () => {
    const data = '<si><t>漢字</t><rPh sb="0" eb="2"><t>かんじ</t></rPh></si>';
    expect(readWith(SharedStringLane, data)).toEqual({
      events: '<si><t>"漢字"</t>',
      stop: data.indexOf('<rPh'),
      open: 'si',
    });
  });
});

describe('the tokenizer with the shared-string lane', () => {
  afterEach(() => vi.restoreAllMocks());

  it('hands the items to the lane, which reads them', () => {
    const read = vi.spyOn(SharedStringLane.prototype, 'read');
    const texts: string[] = [];
    parseXml('sharedStrings.xml', '<sst><si><t>甲</t></si><si><t>乙</t></si></sst>', {
      sharedStrings: true,
      openInPlace: () => {},
      text: (text) => texts.push(text),
    });
    // Both items in one call, from the first `<si`.
    expect(read).toHaveBeenCalledTimes(1);
    expect(read.mock.results[0]?.value).toBe('<sst><si><t>甲</t></si><si><t>乙</t></si>'.length);
    expect(texts).toEqual(['甲', '乙']);
  });
});
