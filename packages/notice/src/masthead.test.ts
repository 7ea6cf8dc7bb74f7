import { resolveCampaign } from '@jianshen/plugin-kit';
import { describe, expect, it } from 'vitest';
import { datong2025Campaign } from './__fixtures__/datong-2025.js';
import { attribute, paragraphs, paragraphWithText, part, runWithText } from './docx-xml.test-support.js';
import { markSize, renderNotice } from './index.js';

describe('markSize', () => {
  it('uses 小初 for short names, shrinks long ones, and narrows what 22 pt cannot fit', () => {
    expect(markSize('临汾市体育局文件')).toEqual({ points: 36, scale: 100 });
    const twelve = markSize('山西省临汾市体育局文件文件');
    expect(twelve.points).toBeLessThan(36);
    expect(twelve.points * 13).toBeLessThanOrEqual(442 * 0.85);
    const long = markSize('山西省临汾市体育局山西省临汾市教育局联合文件文件');
    expect(long.points).toBe(22);
    expect(long.scale).toBeLessThan(100);
  });
});

describe('renderNotice: optional masthead elements', () => {
  it('prints 份号, 密级 and 紧急程度 top-left, and the 签发人 on the 文号 line', async () => {
    const campaign = await resolveCampaign({
      ...datong2025Campaign,
      copyNumber: '000123',
      secrecy: '秘密★1年',
      urgency: '特急',
      signer: '李明',
    });
    const xml = part(await renderNotice(campaign), 'word/document.xml');
    const all = paragraphs(xml);
    expect(all.slice(0, 4).map((paragraph) => paragraph.text)).toEqual([
      '000123',
      '秘密★1年',
      '特急',
      '大同市体育局文件',
    ]);
    expect(attribute(all[1]!.xml, 'w:rFonts', 'w:eastAsia')).toBe('黑体');
    expect(attribute(all[2]!.xml, 'w:rFonts', 'w:eastAsia')).toBe('黑体');
    // The mark still starts about 35 mm into the text area: three lines are already used.
    expect(Number(attribute(all[3]!.xml, 'w:spacing', 'w:before'))).toBe(
      Math.max(0, 1984 - 3 * 579 - Math.round(36 * 20 * 0.35)),
    );
    const number = paragraphWithText(xml, '同体字〔2025〕12号签发人：李明');
    expect(number.xml).not.toContain('<w:ind');
    expect(number.xml).toContain('<w:tab w:val="left" w:pos="320"/>');
    expect(number.xml).toContain('<w:tab/>');
    expect(attribute(runWithText(number.xml, '李明'), 'w:rFonts', 'w:eastAsia')).toBe('楷体_GB2312');
    expect(attribute(number.xml, 'w:bottom', 'w:color')).toBe('FF0000');
  });

  it('prints the fixed words in English with lang: en', async () => {
    const campaign = await resolveCampaign(datong2025Campaign);
    const xml = part(await renderNotice(campaign, { lang: 'en' }), 'word/document.xml');
    const texts = paragraphs(xml).map((paragraph) => paragraph.text);
    expect(texts).toContain('Attachment 1');
    expect(texts.some((text) => text.startsWith('Contact: '))).toBe(true);
    expect(texts.some((text) => text.startsWith('CC: '))).toBe(true);
  });
});

describe('renderNotice: fonts', () => {
  it('takes every face from campaign.fonts', async () => {
    const campaign = await resolveCampaign({
      ...datong2025Campaign,
      fonts: {
        body: '仿宋',
        heading: '方正黑体_GBK',
        kai: '楷体',
        title: '华文中宋',
        song: 'SimSun',
        latin: 'Arial',
      },
    });
    const bytes = await renderNotice(campaign);
    const xml = part(bytes, 'word/document.xml');
    const styles = part(bytes, 'word/styles.xml');
    expect(attribute(styles, 'w:rFonts', 'w:eastAsia')).toBe('仿宋');
    expect(attribute(styles, 'w:rFonts', 'w:ascii')).toBe('Arial');
    expect(attribute(paragraphWithText(xml, '大同市体育局文件').xml, 'w:rFonts', 'w:eastAsia')).toBe(
      '华文中宋',
    );
    expect(attribute(paragraphWithText(xml, '一、活动安排').xml, 'w:rFonts', 'w:eastAsia')).toBe(
      '方正黑体_GBK',
    );
    expect(attribute(runWithText(xml, '（一）集中示范活动。'), 'w:rFonts', 'w:eastAsia')).toBe('楷体');
    expect(xml).not.toMatch(/仿宋_GB2312|楷体_GB2312|方正小标宋简体/);
    expect(part(bytes, 'word/footer1.xml')).toContain('w:eastAsia="SimSun"');
  });
});
