import { afterEach, describe, expect, it, vi } from 'vitest';
import { readWith } from './lane.test-support.js';
import { SharedStringLane } from './shared-string-lane.js';
import { parseXml } from './xml-stream.js';

describe('the shared-string lane', () => {
  it('reads plain items whole and stops at rich text, leaving its item open', () => {
    const data =
      '<si><t>甲</t></si>\n<si><t xml:space="preserve"> a&amp;b </t></si><si><r><t>乙</t></r></si>';
    expect(readWith(SharedStringLane, data)).toEqual({
      events: '<si><t>"甲"</t></si>"\\n"<si><t xml:space=preserve>" a&b "</t></si><si>',
      stop: data.indexOf('<r>'),
      open: 'si',
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
