import { describe, expect, it } from 'vitest';
import { readWith } from './lane.test-support.js';
import { SharedStringLane } from './shared-string-lane.js';

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
