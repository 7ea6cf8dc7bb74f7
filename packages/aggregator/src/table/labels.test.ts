import { normalizeText, toHalfWidth } from '@jianshen/schema';
import { describe, expect, it } from 'vitest';
import { linfenCampaign } from '../fixtures.test-support.js';
import { createLabelMatcher, dateEndKey, dateStartKey, normalizeLabel, unitColumnKey } from './labels.js';

describe('header labels', () => {
  it.each([
    ['序 号', 'seq'],
    ['序号', 'seq'],
    ['No.', 'seq'],
    ['举办单位', 'organizer'],
    ['主办单位', 'organizer'],
    ['单位', 'organizer'],
    ['*活动名称', 'name'],
    ['活动名称\n（必填）', 'name'],
    ['活动内容', 'summary'],
    ['举办方式（线上、线下）', 'mode'],
    ['举办方式(线上/线下)', 'mode'],
    ['举办方式（线上/线下/线上线下）', 'mode'],
    ['形式', 'mode'],
    ['举办时间', 'date'],
    ['活动时间（起止日期）', 'date'],
    ['开始日期', dateStartKey],
    ['结束时间', dateEndKey],
    ['联系人', 'contact'],
    ['负责人', 'contact'],
    ['联系电话', 'phone'],
    ['手机号', 'phone'],
    ['联系人电话', 'phone'],
    ['联系方式（手机）', 'phone'],
    ['Phone', 'phone'],
    ['备 注', 'note'],
    ['来源单位', unitColumnKey],
  ])('%s → %s', async (label, key) => {
    const matcher = createLabelMatcher((await linfenCampaign()).fields);
    expect(matcher.match(label)).toBe(key);
  });

  it.each([
    '名称',
    '参与人数',
    '2024年全民健身志愿服务活动统计表',
    '单位名称（盖章）：尧都区体育局',
    '1',
    '线下',
  ])('%s names no column', async (label) => {
    const matcher = createLabelMatcher((await linfenCampaign()).fields);
    expect(matcher.match(label)).toBeUndefined();
  });
});

describe('normalizeLabel', () => {
  // The definition, without the fast path for text that is already a label.
  const slow = (text: string) =>
    toHalfWidth(normalizeText(text), { punctuation: true })
      .toLowerCase()
      .replace(/[\s*:：.。]/g, '')
      .replace(/[()[\]【】〔〕<>《》{}「」『』]/g, '');

  it('answers as its definition for random text around the fast path’s edges', () => {
    // Characters at and beside the edges of the ideograph, digit and letter ranges, and ones
    // every step of the definition changes.
    const alphabet = [
      ...'09azAZ/:@`{~ *.。：（）【】\t\n\u00a0\u3000',
      '\u4e00',
      '\u4dff',
      '\u9fff',
      '\ua000',
      '体',
      '育',
      '\uff10',
      '\uff21',
      '\uff41',
      '\u200b',
      '\ufeff',
    ];
    let seed = 7;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    const wrong: string[] = [];
    for (let round = 0; round < 20_000; round++) {
      const length = Math.floor(random() * 8);
      let text = '';
      for (let index = 0; index < length; index++) text += alphabet[Math.floor(random() * alphabet.length)];
      if (normalizeLabel(text) !== slow(text)) wrong.push(text);
    }
    for (const text of ['尧都区体育中心', '健步走第1场', 'abc123', '', 'ABC', '体育 中心', '（示例）']) {
      if (normalizeLabel(text) !== slow(text)) wrong.push(text);
    }
    expect(wrong).toEqual([]);
  });
});
