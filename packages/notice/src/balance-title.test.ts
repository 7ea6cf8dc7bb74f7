import { describe, expect, it } from 'vitest';
import { balanceTitle } from './balance-title.js';
import { textWidthEm } from './text-width.js';

describe('balanceTitle', () => {
  it('keeps a title that fits on one line', () => {
    expect(balanceTitle('关于做好统计工作的通知', 20)).toEqual(['关于做好统计工作的通知']);
  });

  it('breaks the Linfen title into two even lines at the space inside the quotation', () => {
    expect(
      balanceTitle(
        '临汾市体育局关于开展2024年“奋进新征程 运动促健康”全民健身志愿服务活动的通知',
        20,
        '临汾市体育局',
      ),
    ).toEqual(['临汾市体育局关于开展2024年“奋进新征程', '运动促健康”全民健身志愿服务活动的通知']);
  });

  it('never leaves a character alone on the last line (22 characters at 20 a line)', () => {
    const lines = balanceTitle('大同市体育局关于做好全民健身日活动的通知', 20, '大同市体育局');
    expect(lines.join('')).toBe('大同市体育局关于做好全民健身日活动的通知');
    const widths = lines.map(textWidthEm);
    expect(Math.min(...widths)).toBeGreaterThanOrEqual(Math.max(...widths) / 2);
    const long = balanceTitle('一二三四五六七八九十一二三四五六七八九十一二', 20);
    expect(long.map((line) => line.length)).toEqual([11, 11]);
  });

  it('prefers breaking before 关于 and after the issuer over splitting a phrase', () => {
    expect(
      balanceTitle('大同市体育局关于进一步加强和改进全民健身志愿服务工作的通知', 20, '大同市体育局'),
    ).toEqual(['大同市体育局关于进一步加强', '和改进全民健身志愿服务工作的通知']);
  });

  it('keeps a quoted name and common words whole, even at the cost of a third line', () => {
    // Two lines would need 20.5 em for the first (the digits bring a quarter em each side).
    expect(
      balanceTitle('大同市体育局关于做好2025年“全民健身日”系列活动组织和统计工作的通知', 20, '大同市体育局'),
    ).toEqual(['大同市体育局关于做好2025年', '“全民健身日”系列活动', '组织和统计工作的通知']);
  });

  it('does not split numbers, start a line with punctuation or end one with an opening quote', () => {
    for (const lines of [
      balanceTitle('关于公布2025年度第一批全民健身示范县（市、区）和“十佳”社会体育指导员名单的通知', 20),
      balanceTitle('关于开展“运动促健康，健身迎新春”2025年全民健身系列活动的通知', 20),
    ]) {
      for (const [index, line] of lines.entries()) {
        expect(line).not.toMatch(/^[，、。：；！？”》）]/);
        expect(line).not.toMatch(/[“《（]$/);
        expect(textWidthEm(line)).toBeLessThanOrEqual(20);
        if (index > 0) expect(`${lines[index - 1]!.slice(-1)}${line[0]}`).not.toMatch(/^\d\d$/);
      }
    }
  });
});
