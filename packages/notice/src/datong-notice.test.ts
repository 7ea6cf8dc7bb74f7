import { definePlugin, type ResolvedCampaign, resolveCampaign } from '@jianshen/plugin-kit';
import type { BodyBlock } from '@jianshen/schema';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { datong2025Campaign } from './__fixtures__/datong-2025.js';
import {
  attribute,
  comparable,
  paragraphs,
  paragraphWithText,
  part,
  runWithText,
} from './docx-xml.test-support.js';
import { renderAttachmentDocx, renderNotice } from './index.js';

// The second city: nothing of Linfen may show, and everything Linfen does not use must work.
let datong: ResolvedCampaign;
let xml: string;

beforeAll(async () => {
  datong = await resolveCampaign(datong2025Campaign);
  xml = part(await renderNotice(datong), 'word/document.xml');
});

function texts(): string[] {
  return paragraphs(xml).map((paragraph) => paragraph.text);
}

function flatten(blocks: readonly BodyBlock[]): string[] {
  return blocks.flatMap((block) =>
    typeof block === 'string'
      ? [block]
      : [block.heading, ...(block.text ? [block.text] : []), ...flatten(block.children ?? [])],
  );
}

describe('renderNotice: a second campaign (大同市体育局 同体字〔2025〕12号)', () => {
  it('contains every text of the campaign, in order, and nothing of Linfen', () => {
    const document = comparable(texts().join('\n'));
    const expected = [
      datong.issuer.mark,
      datong.docNumber,
      datong.title,
      datong.recipients,
      ...flatten(datong.body),
      '联系人：',
      '王晓东',
      '0352-2041234',
      'dtstyjqtk@163.com',
      '附件：1.',
      '2.',
      '大同市体育局',
      '2025年7月20日',
      '附件1',
      '2025年“全民健身日”系列活动统计表',
      '单位名称（盖章）：',
      ...datong.fields.map((field) => field.label),
      '附件2',
      '2025年“全民健身日”系列活动安全工作要点',
      ...flatten((datong.attachments[1] as { body: BodyBlock[] }).body),
      '抄送：山西省体育局，大同市人民政府办公室。',
      '大同市体育局办公室',
      '2025年7月21日印发',
    ];
    let from = 0;
    for (const piece of expected) {
      const at = document.indexOf(comparable(piece), from);
      expect(at, piece).toBeGreaterThanOrEqual(0);
      from = at + comparable(piece).length;
    }
    expect(xml).not.toContain('临汾');
  });

  it('numbers four heading levels 一、 （一） 1. （1）, restarting under each parent', () => {
    const all = texts();
    expect(all).toContain('一、活动安排');
    expect(all).toContain('二、工作要求');
    expect(all).toContain('（二）县区特色活动');
    expect(all).toContain('1.广场健身操（舞）展示。以社区为单位组队，每队不少于20人。');
    expect(all).toContain('2.登山健步走。');
    expect(all).toContain('（1）线路选择。选择安全、成熟的登山线路，全程不超过10公里。');
    expect(all).toContain('（2）安全保障。配备医疗保障人员和应急车辆。');
    const level3 = paragraphWithText(xml, '2.登山健步走。');
    expect(attribute(level3.xml, 'w:rFonts', 'w:eastAsia')).toBe('仿宋_GB2312');
    expect(level3.xml).toContain('<w:outlineLvl w:val="2"/>');
    const level4 = paragraphs(xml).find((paragraph) => paragraph.text.startsWith('（1）线路选择'))!;
    expect(attribute(runWithText(level4.xml, '（1）线路选择。'), 'w:rFonts', 'w:eastAsia')).toBe(
      '仿宋_GB2312',
    );
    // The text attachment numbers its own headings from 一 again.
    expect(all.filter((text) => text.startsWith('一、'))).toEqual(['一、活动安排', '一、落实安全责任']);
  });

  it('lists two attachments as 附件：1. … with the second aligned under 1., and labels them 附件1, 附件2', () => {
    const all = paragraphs(xml);
    const first = all.findIndex((paragraph) => paragraph.text.startsWith('附件：1. '));
    expect(all[first - 1]!.text).toBe('');
    expect(all[first]!.text).toBe('附件：1. 2025年“全民健身日”系列活动统计表');
    expect(all[first + 1]!.text).toBe('2. 2025年“全民健身日”系列活动安全工作要点');
    const hanging = Number(attribute(all[first]!.xml, 'w:ind', 'w:hanging'));
    const left = Number(attribute(all[first]!.xml, 'w:ind', 'w:left'));
    expect(left - hanging).toBe(640);
    expect(attribute(all[first + 1]!.xml, 'w:ind', 'w:left')).toBe(String(left));
    expect(texts().filter((text) => /^附件\d$/.test(text))).toEqual(['附件1', '附件2']);
  });

  it('places the sealed signature: date four characters from the right, name centred over it', () => {
    const all = paragraphs(xml);
    const name = all.findIndex((paragraph) => paragraph.text === '大同市体育局');
    const date = all[name + 1]!;
    expect(date.text).toBe('2025年7月20日');
    expect(attribute(date.xml, 'w:jc', 'w:val')).toBe('right');
    expect(attribute(date.xml, 'w:ind', 'w:right')).toBe(String(4 * 315));
    // 2025年7月20日 is 3 + 7×½ + 5×¼ (space where digits meet Han) = 7.75 em wide, 大同市体育局
    // 6 em: the name sits 0.875 em further in.
    expect(attribute(all[name]!.xml, 'w:ind', 'w:right')).toBe(String(Math.round(4.875 * 315)));
    // Two blank lines for the seal, and the lines above kept with the signature.
    expect(all[name - 1]!.text).toBe('');
    expect(all[name - 2]!.text).toBe('');
    for (const index of [name - 3, name - 2, name - 1, name])
      expect(all[index]!.xml).toContain('<w:keepNext/>');
    expect(date.xml).not.toContain('<w:keepNext/>');
  });

  it('places an unsealed signature two characters from the right, the date two characters further right', async () => {
    const unsealed = await resolveCampaign({
      ...datong2025Campaign,
      signature: { name: '大同市体育局', date: '2025-07-20', seal: false },
    });
    const all = paragraphs(part(await renderNotice(unsealed), 'word/document.xml'));
    const name = all.findIndex((paragraph) => paragraph.text === '大同市体育局');
    expect(all[name - 1]!.text).toBe('');
    expect(all[name - 2]!.text).not.toBe('');
    // Name 6 em, date 7.75 em: the date would stand 6 − 7.75 < 2 from the edge, so it takes 2 and
    // the name moves left to keep the date's first character two right of the name's.
    expect(attribute(all[name + 1]!.xml, 'w:ind', 'w:right')).toBe(String(2 * 315));
    expect(attribute(all[name]!.xml, 'w:ind', 'w:right')).toBe(String(Math.round(5.75 * 315)));
  });

  it('builds the 版记 as an inline table with thick outer and thin inner rules, on the bottom of its page', () => {
    const tables = [...xml.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map((match) => match[0]);
    const imprint = tables.find((table) => table.includes('抄送'))!;
    expect(imprint).not.toContain('w:tblpPr');
    expect(attribute(imprint, 'w:top', 'w:sz')).toBe('8');
    expect(attribute(imprint, 'w:bottom', 'w:sz')).toBe('8');
    expect(attribute(imprint, 'w:insideH', 'w:sz')).toBe('6');
    expect(attribute(imprint, 'w:left', 'w:val')).toBe('none');
    expect(attribute(imprint, 'w:tblW', 'w:w')).toBe('8844');
    const rows = paragraphs(imprint);
    expect(rows.map((row) => row.text)).toEqual([
      '抄送：山西省体育局，大同市人民政府办公室。',
      '大同市体育局办公室2025年7月21日印发',
    ]);
    expect(attribute(rows[0]!.xml, 'w:sz', 'w:val')).toBe('28');
    expect(imprint).toContain('<w:left w:type="dxa" w:w="280"/>');
    expect(rows[1]!.xml).toContain('<w:tab/>');
    // The spacer before it fills the page above: 225 mm less two lines and 2 mm.
    const before = xml.slice(0, xml.indexOf(imprint));
    const spacer = paragraphs(before).at(-1)!;
    expect(Number(attribute(spacer.xml, 'w:spacing', 'w:before'))).toBe(12756 - 2 * 579 - 113 - 579);
  });

  it('gives each attachment its section: the table landscape, the text portrait, the 版记 portrait', () => {
    const orientations = [...xml.matchAll(/<w:pgSz [^>]*w:orient="(\w+)"/g)].map((match) => match[1]);
    expect(orientations).toEqual(['portrait', 'landscape', 'portrait', 'portrait']);
    const table = /<w:tbl>[\s\S]*?<\/w:tbl>/.exec(xml)![0];
    expect([...table.matchAll(/<w:tr>/g)]).toHaveLength(1 + 12);
  });
});

describe('renderNotice: plugins', () => {
  it('adds plugin columns to the table and plugin sections to the numbered body', async () => {
    const plugin = definePlugin({
      name: 'test-participants',
      fields: [{ key: 'participants', label: '参与人数', schema: z.number().int().min(0), width: 10 }],
      notice: {
        after: '活动安排',
        blocks: [{ heading: '人数统计', children: ['请如实填写参与人数。'] }],
      },
    });
    const campaign = await resolveCampaign({ ...datong2025Campaign, plugins: [plugin] });
    const document = part(await renderNotice(campaign), 'word/document.xml');
    const all = paragraphs(document).map((paragraph) => paragraph.text);
    expect(all).toContain('二、人数统计');
    expect(all).toContain('三、工作要求');
    const header = /<w:tr>[\s\S]*?<\/w:tr>/.exec(/<w:tbl>[\s\S]*?<\/w:tbl>/.exec(document)![0])![0];
    const labels = paragraphs(header).map((paragraph) => paragraph.text);
    expect(labels.at(-2)).toBe('参与人数');
    expect(labels.at(-1)).toBe('备注');
  });
});

describe('renderNotice: a minimal campaign', () => {
  it('renders without contacts, attachments or cc, keeping the last body paragraph with the signature', async () => {
    const campaign = await resolveCampaign({
      id: 'minimal',
      issuer: { name: '某市体育局', mark: '某市体育局文件' },
      docNumber: '某体函〔2026〕3号',
      title: '关于报送统计数据的通知',
      recipients: '各县（区）体育局：',
      body: Array.from({ length: 12 }, (_unused, index) => ({
        heading: `事项${index + 1}`,
        children: ['内容。'],
      })),
      signature: { name: '某市体育局', date: '2026-01-05', seal: false },
      imprint: { office: '某市体育局办公室', date: '2026-01-05' },
      period: { start: '2026-01-01', end: '2026-12-31' },
      deadline: '2026-02-01',
    });
    const bytes = await renderNotice(campaign);
    const document = part(bytes, 'word/document.xml');
    const all = paragraphs(document);
    expect(all.map((paragraph) => paragraph.text)).toEqual(
      expect.arrayContaining(['十一、事项11', '十二、事项12']),
    );
    expect(all.some((paragraph) => paragraph.text.startsWith('附件'))).toBe(false);
    const name = all.findIndex((paragraph) => paragraph.text === '某市体育局');
    expect(all[name - 2]!.text).toBe('内容。');
    expect(all[name - 2]!.xml).toContain('<w:keepNext/>');
    const imprint = /<w:tbl>[\s\S]*?<\/w:tbl>/.exec(document)![0];
    expect(paragraphs(imprint).map((paragraph) => paragraph.text)).toEqual([
      '某市体育局办公室2026年1月5日印发',
    ]);
    expect(part(bytes, 'docProps/core.xml')).toContain('>2026-01-05T00:00:00Z</dcterms:created>');
    // The attachment page alone still works without a statistics-table attachment.
    const alone = part(await renderAttachmentDocx(campaign, { rows: 2 }), 'word/document.xml');
    expect(paragraphs(alone)[0]!.text).toBe('附件');
    expect(paragraphs(alone)[2]!.text).toBe(campaign.tableTitle);
  });
});
