import { readFileSync } from 'node:fs';
import { unpackZip } from '@jianshen/ooxml';
import { type ResolvedCampaign, resolveCampaign } from '@jianshen/plugin-kit';
import { linfen2024Campaign } from '@jianshen/schema';
import { beforeAll, describe, expect, it } from 'vitest';
import { elementContent } from '../../ooxml/src/xml-snapshot.test-support.js';
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

let linfen: ResolvedCampaign;
let linfenDocx: Uint8Array;
let linfenXml: string;

beforeAll(async () => {
  linfen = await resolveCampaign(linfen2024Campaign);
  linfenDocx = await renderNotice(linfen);
  linfenXml = part(linfenDocx, 'word/document.xml');
});

function sections(xml: string): string[] {
  return [...xml.matchAll(/<w:sectPr>[\s\S]*?<\/w:sectPr>/g)].map((match) => match[0]);
}

describe('renderNotice: page layout (GB/T 9704-2012 §5)', () => {
  it('is A4 portrait with 37/35/28/26 mm margins and a 22-line grid', () => {
    const [first] = sections(linfenXml);
    expect(attribute(first!, 'w:pgSz', 'w:w')).toBe('11906');
    expect(attribute(first!, 'w:pgSz', 'w:h')).toBe('16838');
    expect(attribute(first!, 'w:pgSz', 'w:orient')).toBe('portrait');
    expect(attribute(first!, 'w:pgMar', 'w:top')).toBe('2098');
    expect(attribute(first!, 'w:pgMar', 'w:bottom')).toBe('1984');
    expect(attribute(first!, 'w:pgMar', 'w:left')).toBe('1588');
    expect(attribute(first!, 'w:pgMar', 'w:right')).toBe('1474');
    expect(attribute(first!, 'w:docGrid', 'w:type')).toBe('lines');
    expect(attribute(first!, 'w:docGrid', 'w:linePitch')).toBe('579');
  });

  it('sets 3号仿宋 black, −0.25 pt spacing and the exact grid line on docDefaults and Normal', () => {
    const styles = part(linfenDocx, 'word/styles.xml');
    const defaults = /<w:docDefaults>[\s\S]*?<\/w:docDefaults>/.exec(styles)![0];
    const normal = /<w:style w:type="paragraph" w:styleId="Normal"[\s\S]*?<\/w:style>/.exec(styles)![0];
    for (const xml of [defaults, normal]) {
      expect(attribute(xml, 'w:rFonts', 'w:eastAsia')).toBe('仿宋_GB2312');
      expect(attribute(xml, 'w:rFonts', 'w:hint')).toBe('eastAsia');
      expect(attribute(xml, 'w:rFonts', 'w:ascii')).toBe('Times New Roman');
      expect(attribute(xml, 'w:sz', 'w:val')).toBe('32');
      expect(attribute(xml, 'w:color', 'w:val')).toBe('000000');
      const runProperties = /<w:rPr>[\s\S]*?<\/w:rPr>/.exec(xml)![0];
      expect(attribute(runProperties, 'w:spacing', 'w:val')).toBe('-5');
      expect(xml).toContain('<w:spacing w:after="0" w:before="0" w:line="579" w:lineRule="exact"/>');
      expect(xml).toContain('<w:widowControl w:val="false"/>');
    }
    // Word's Heading styles are unused but black, should a clerk apply one.
    const heading1 = /<w:style w:type="paragraph" w:styleId="Heading1"[\s\S]*?<\/w:style>/.exec(styles)![0];
    expect(attribute(heading1, 'w:color', 'w:val')).toBe('000000');
  });

  it('numbers pages — N — in 4号宋体, odd right and even left, one character in', () => {
    expect(part(linfenDocx, 'word/settings.xml')).toContain('<w:evenAndOddHeaders/>');
    const rels = part(linfenDocx, 'word/_rels/document.xml.rels');
    for (const section of sections(linfenXml)) {
      for (const type of ['default', 'even'] as const) {
        const id = new RegExp(`<w:footerReference w:type="${type}" r:id="(\\w+)"/>`).exec(section)?.[1];
        const target = new RegExp(`Id="${id}"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Id="${id}"`).exec(
          rels,
        );
        const footer = part(linfenDocx, `word/${target?.[1] ?? target?.[2]}`);
        const [paragraph] = paragraphs(footer);
        expect(paragraph!.text).toBe('—  —');
        expect(paragraph!.xml).toContain('<w:instrText xml:space="preserve">PAGE</w:instrText>');
        expect(attribute(paragraph!.xml, 'w:jc', 'w:val')).toBe(type === 'default' ? 'right' : 'left');
        expect(attribute(paragraph!.xml, 'w:ind', type === 'default' ? 'w:right' : 'w:left')).toBe('280');
        expect(attribute(paragraph!.xml, 'w:spacing', 'w:line')).toBe('300');
        expect(attribute(paragraph!.xml, 'w:sz', 'w:val')).toBe('28');
        expect(attribute(paragraph!.xml, 'w:rFonts', 'w:eastAsia')).toBe('宋体');
        expect(attribute(paragraph!.xml, 'w:rFonts', 'w:ascii')).toBe('宋体');
      }
      // Numbering runs on: no section restarts it.
      expect(section).not.toContain('w:start=');
    }
  });
});

describe('renderNotice: 版头 and 主体 (§7.2, §7.3)', () => {
  it('prints the 发文机关标志 red in 小标宋, centred, about 35 mm into the text area', () => {
    const mark = paragraphWithText(linfenXml, '临汾市体育局文件');
    expect(attribute(mark.xml, 'w:jc', 'w:val')).toBe('center');
    expect(attribute(mark.xml, 'w:color', 'w:val')).toBe('FF0000');
    expect(attribute(mark.xml, 'w:rFonts', 'w:eastAsia')).toBe('方正小标宋简体');
    expect(attribute(mark.xml, 'w:sz', 'w:val')).toBe('72');
    const before = Number(attribute(mark.xml, 'w:spacing', 'w:before'));
    expect(before).toBeGreaterThan(1984 - 36 * 20 * 0.5);
    expect(before).toBeLessThanOrEqual(1984);
    expect(paragraphs(linfenXml)[0]!.text).toBe('临汾市体育局文件');
  });

  it('centres the 发文字号 two blank lines under the mark, with the red separator under it', () => {
    const all = paragraphs(linfenXml);
    const index = all.findIndex((paragraph) => paragraph.text === '临体字〔2024〕44号');
    expect(all[index - 1]!.text).toBe('');
    expect(all[index - 2]!.text).toBe('');
    expect(all[index - 3]!.text).toBe('临汾市体育局文件');
    const number = all[index]!;
    expect(attribute(number.xml, 'w:jc', 'w:val')).toBe('center');
    expect(attribute(number.xml, 'w:bottom', 'w:color')).toBe('FF0000');
    expect(attribute(number.xml, 'w:bottom', 'w:val')).toBe('single');
    expect(Number(attribute(number.xml, 'w:bottom', 'w:sz'))).toBeGreaterThanOrEqual(8);
    expect(attribute(number.xml, 'w:ind', 'w:left')).toBeUndefined();
  });

  it('sets the title in 2号小标宋, centred in balanced lines, two blank lines under the separator', () => {
    const all = paragraphs(linfenXml);
    const index = all.findIndex((paragraph) => paragraph.text.startsWith('临汾市体育局关于'));
    const title = all[index]!;
    expect(all[index - 1]!.text).toBe('');
    expect(all[index - 2]!.text).toBe('');
    expect(all[index - 3]!.text).toBe('临体字〔2024〕44号');
    expect(attribute(title.xml, 'w:jc', 'w:val')).toBe('center');
    expect(attribute(title.xml, 'w:sz', 'w:val')).toBe('44');
    expect(attribute(title.xml, 'w:rFonts', 'w:eastAsia')).toBe('方正小标宋简体');
    const lines = title.text.split('\n');
    expect(lines).toEqual(['临汾市体育局关于开展2024年“奋进新征程', '运动促健康”全民健身志愿服务活动的通知']);
    // 主送机关 one blank line below, flush left.
    expect(all[index + 1]!.text).toBe('');
    expect(all[index + 2]!.text).toBe(linfen.recipients);
    expect(all[index + 2]!.xml).not.toContain('w:firstLine');
  });

  it('indents body paragraphs two characters and numbers headings 一、黑体 / （一）楷体', () => {
    const opening = paragraphs(linfenXml).find((paragraph) => paragraph.text.startsWith('为全面贯彻'))!;
    expect(opening.xml).toContain('<w:ind w:firstLine="640" w:firstLineChars="200"/>');
    expect(attribute(opening.xml, 'w:jc', 'w:val')).toBe('both');

    const level1 = paragraphWithText(linfenXml, '一、指导思想');
    expect(attribute(level1.xml, 'w:rFonts', 'w:eastAsia')).toBe('黑体');
    expect(level1.xml).toContain('<w:outlineLvl w:val="0"/>');
    expect(level1.xml).toContain('w:firstLineChars="200"');
    expect(paragraphs(linfenXml).some((paragraph) => paragraph.text === '六、活动要求')).toBe(true);

    // A run-in heading: （一） and its heading in 楷体, then the text in 仿宋, one paragraph.
    const runIn = paragraphs(linfenXml).find((paragraph) =>
      paragraph.text.startsWith('（一）开展社会体育指导员'),
    )!;
    const heading = runWithText(runIn.xml, '（一）开展社会体育指导员志愿服务活动。');
    expect(attribute(heading, 'w:rFonts', 'w:eastAsia')).toBe('楷体_GB2312');
    const text = runWithText(runIn.xml, linfen2024Campaign.body[4].children[1].text);
    expect(attribute(text, 'w:rFonts', 'w:eastAsia')).toBe('仿宋_GB2312');
    // Numbering restarts under each 一、 heading.
    expect(paragraphs(linfenXml).some((paragraph) => paragraph.text.startsWith('（一）部门联合'))).toBe(true);
  });

  it('has no keep-with-next, no Heading styles and no colour but black and the masthead red', () => {
    expect(linfenXml).not.toContain('<w:keepNext');
    expect(linfenXml).not.toContain('<w:pStyle');
    const colours = new Set([...linfenXml.matchAll(/<w:color w:val="(\w+)"/g)].map((match) => match[1]));
    expect([...colours].sort()).toEqual(['FF0000']);
  });

  it('writes contacts aligned under 联系人： and the 附件说明 two characters in', () => {
    const all = paragraphs(linfenXml);
    const first = all.findIndex((paragraph) => paragraph.text.startsWith('联系人：'));
    expect(all[first]!.text).toBe('联系人：临汾市体育局\u3000聂欣春');
    expect(all[first + 1]!.text).toBe('临汾市体育局\u3000赵\u3000阳');
    expect(attribute(all[first + 1]!.xml, 'w:ind', 'w:left')).toBe(String(640 + 4 * 315));
    expect(all[first + 2]!.text).toBe('邮\u3000箱：1fstyjqt2023@163.com');
    expect(all[first + 3]!.text).toBe('');
    const note = all[first + 4]!;
    expect(note.text).toBe('附件：2024年全民健身志愿服务活动统计表');
    expect(attribute(note.xml, 'w:ind', 'w:left')).toBe(String(640 + 3 * 315));
    expect(attribute(note.xml, 'w:ind', 'w:hanging')).toBe(String(3 * 315));
  });
});

describe('renderNotice: the attachment section', () => {
  it('puts the statistics table on landscape A4 with a repeated header and empty rows', () => {
    const [, landscape] = sections(linfenXml);
    expect(attribute(landscape!, 'w:pgSz', 'w:w')).toBe('16838');
    expect(attribute(landscape!, 'w:pgSz', 'w:h')).toBe('11906');
    expect(attribute(landscape!, 'w:pgSz', 'w:orient')).toBe('landscape');
    expect(attribute(landscape!, 'w:pgMar', 'w:top')).toBe('1588');
    expect(attribute(landscape!, 'w:pgMar', 'w:left')).toBe('1984');
    expect(attribute(landscape!, 'w:pgMar', 'w:right')).toBe('2098');
    expect(attribute(landscape!, 'w:pgMar', 'w:bottom')).toBe('1474');

    const table = /<w:tbl>[\s\S]*?<\/w:tbl>/.exec(linfenXml)![0];
    const rows = [...table.matchAll(/<w:tr>[\s\S]*?<\/w:tr>/g)].map((match) => match[0]);
    expect(rows).toHaveLength(1 + linfen.table.rows);
    expect(rows[0]).toContain('<w:tblHeader/>');
    expect(rows.slice(1).every((row) => !row.includes('w:tblHeader'))).toBe(true);
    expect(paragraphs(rows[0]!).map((paragraph) => paragraph.text)).toEqual(
      linfen.fields.map((field) => field.label),
    );
    const widths = [...table.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((match) => Number(match[1]));
    expect(widths.reduce((sum, width) => sum + width, 0)).toBe(16838 - 1984 - 2098);
  });

  it('labels the page 附件 in 黑体 with the title on the third line and the unit line', () => {
    const all = paragraphs(linfenXml);
    const label = all.findIndex((paragraph) => paragraph.text === '附件');
    expect(attribute(all[label]!.xml, 'w:rFonts', 'w:eastAsia')).toBe('黑体');
    expect(all[label + 1]!.text).toBe('');
    expect(all[label + 2]!.text).toBe('2024年全民健身志愿服务活动统计表');
    expect(attribute(all[label + 2]!.xml, 'w:sz', 'w:val')).toBe('44');
    expect(all[label + 3]!.text).toBe('单位名称（盖章）：');
  });
});

describe('renderNotice: output', () => {
  it('is byte-identical for the same campaign and dates docProps from the campaign', async () => {
    const again = await renderNotice(await resolveCampaign(linfen2024Campaign));
    expect(Buffer.from(again).equals(Buffer.from(linfenDocx))).toBe(true);
    const core = part(linfenDocx, 'docProps/core.xml');
    expect(core).toContain('>2000-01-01T00:00:00Z</dcterms:created>');
    const datong = await renderNotice(await resolveCampaign(datong2025Campaign));
    expect(part(datong, 'docProps/core.xml')).toContain('>2025-07-20T00:00:00Z</dcterms:modified>');
  });

  it('reproduces the reference notice: every sentence, in order, nothing added', () => {
    const reference = readFileSync(new URL('./__fixtures__/linfen-2024-notice.txt', import.meta.url), 'utf8');
    const text = paragraphs(linfenXml)
      .map((paragraph) => paragraph.text)
      .join('\n');
    expect(comparable(text)).toBe(comparable(reference));
  });

  it('matches the document.xml snapshot', async () => {
    // The body only (the namespace header is docx's), one paragraph, row or section per line, so
    // a change reads as a small diff.
    const readable = elementContent(linfenXml, 'w:body').replace(
      /(<w:p>|<w:p |<w:tbl>|<w:tr>|<w:sectPr>)/g,
      '\n$1',
    );
    await expect(readable).toMatchFileSnapshot('./__snapshots__/linfen-document.xml');
  });

  it('writes only the parts a .docx needs, all of them well-formed enough to list', () => {
    const names = Object.keys(unpackZip(linfenDocx));
    expect(names[0]).toBe('[Content_Types].xml');
    expect(names).toEqual(
      expect.arrayContaining(['word/document.xml', 'word/styles.xml', 'word/settings.xml']),
    );
  });
});

describe('renderAttachmentDocx', () => {
  it('is the notice attachment section alone, with the requested number of rows', async () => {
    const bytes = await renderAttachmentDocx(linfen, { rows: 5 });
    const xml = part(bytes, 'word/document.xml');
    const texts = paragraphs(xml).map((paragraph) => paragraph.text);
    expect(texts.slice(0, 4)).toEqual(['附件', '', '2024年全民健身志愿服务活动统计表', '单位名称（盖章）：']);
    expect([...xml.matchAll(/<w:tr>/g)]).toHaveLength(6);
    expect(attribute(sections(xml)[0]!, 'w:pgSz', 'w:orient')).toBe('landscape');
    expect(part(bytes, 'word/settings.xml')).toContain('<w:evenAndOddHeaders/>');
    // The same code path as the notice: the table XML is identical but for the row count.
    const noticeTable = /<w:tbl>[\s\S]*?<\/w:tr>/.exec(linfenXml)![0];
    expect(xml).toContain(noticeTable);
  });

  it('prints English column headers with lang: en', async () => {
    const xml = part(await renderAttachmentDocx(linfen, { rows: 1, lang: 'en' }), 'word/document.xml');
    expect(xml).toContain(`>${linfen.fields[0]!.labelEn}</w:t>`);
  });
});
