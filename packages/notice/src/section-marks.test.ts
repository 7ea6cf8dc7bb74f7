import { resolveCampaign } from '@jianshen/plugin-kit';
import { linfen2024Campaign } from '@jianshen/schema';
import { describe, expect, it } from 'vitest';
import { part } from './docx-xml.test-support.js';
import { renderNotice } from './render-notice.js';
import { mergeSectionMarks } from './section-marks.js';

const sectPr = '<w:sectPr><w:pgSz w:w="11906"/></w:sectPr>';
const breakParagraph = `<w:p><w:pPr>${sectPr}</w:pPr></w:p>`;

describe('mergeSectionMarks', () => {
  it('moves a section break into the paragraph before it, after its own properties', () => {
    const xml = `<w:body><w:p><w:pPr><w:jc w:val="left"/></w:pPr><w:r><w:t>附件：统计表</w:t></w:r></w:p>${breakParagraph}<w:tbl/></w:body>`;
    expect(mergeSectionMarks(xml)).toBe(
      `<w:body><w:p><w:pPr><w:jc w:val="left"/>${sectPr}</w:pPr><w:r><w:t>附件：统计表</w:t></w:r></w:p><w:tbl/></w:body>`,
    );
  });

  it('gives a paragraph without properties a w:pPr for the break', () => {
    expect(mergeSectionMarks(`<w:p><w:r><w:t>一</w:t></w:r></w:p>${breakParagraph}`)).toBe(
      `<w:p><w:pPr>${sectPr}</w:pPr><w:r><w:t>一</w:t></w:r></w:p>`,
    );
  });

  it('leaves a break after a table, or after a paragraph holding nested ones, where it is', () => {
    const afterTable = `<w:tbl><w:tr><w:tc><w:p/></w:tc></w:tr></w:tbl>${breakParagraph}`;
    expect(mergeSectionMarks(afterTable)).toBe(afterTable);
    const nested = `<w:p><w:r><w:txbxContent><w:p><w:r/></w:p></w:txbxContent></w:r></w:p>${breakParagraph}`;
    expect(mergeSectionMarks(nested)).toBe(nested);
  });

  it('leaves the notice with no paragraph that holds only a section break', async () => {
    const xml = part(await renderNotice(await resolveCampaign(linfen2024Campaign)), 'word/document.xml');
    expect(xml).not.toContain('<w:p><w:pPr><w:sectPr>');
    // The portrait notice ends in its 附件 line's paragraph; the landscape table page is the body's.
    expect(xml.match(/<w:sectPr>/g)).toHaveLength(2);
    expect(xml).toMatch(/<w:sectPr>[\s\S]*?<\/w:sectPr><\/w:pPr><w:r>/);
  });
});
