import { readZipText } from '@jianshen/ooxml';
import { definePlugin, resolveCampaign } from '@jianshen/plugin-kit';
import { linfen2024Campaign } from '@jianshen/schema';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { renderTemplateDocx } from './index.js';

function documentXml(bytes: Uint8Array): string {
  const xml = readZipText(bytes, 'word/document.xml');
  if (xml === undefined) throw new Error('missing word/document.xml');
  return xml;
}

/** Texts of the table's rows, cell by cell. */
function tableRows(xml: string): string[][] {
  const table = /<w:tbl>(.*?)<\/w:tbl>/s.exec(xml)?.[1] ?? '';
  return [...table.matchAll(/<w:tr\b.*?<\/w:tr>/gs)].map((row) =>
    [...row[0].matchAll(/<w:tc>(.*?)<\/w:tc>/gs)].map((cell) =>
      [...(cell[1] ?? '').matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((text) => text[1]).join(''),
    ),
  );
}

// The .docx is the notice's attachment page: @jianshen/notice snapshots its XML; here the
// structure the template promises is asserted, so layout work in the notice does not churn it.
describe('renderTemplateDocx', () => {
  it('is the attachment page: landscape, header repeated, the campaign columns and empty rows', async () => {
    const campaign = await resolveCampaign(linfen2024Campaign);
    const bytes = await renderTemplateDocx(campaign, { rows: 8 });
    const xml = documentXml(bytes);
    expect(xml).toMatch(/<w:pgSz [^>]*w:orient="landscape"/);
    expect(xml).toContain('<w:tblHeader/>');
    expect(xml).toContain('2024年全民健身志愿服务活动统计表');
    expect(xml).toContain('单位名称（盖章）：');
    const rows = tableRows(xml);
    expect(rows[0]).toEqual(campaign.fields.map((field) => field.label));
    expect(rows.slice(1)).toHaveLength(8);
    expect(rows.slice(1).every((row) => row.every((text) => text === ''))).toBe(true);
    const again = await renderTemplateDocx(await resolveCampaign(linfen2024Campaign), { rows: 8 });
    expect(Buffer.from(again).equals(Buffer.from(bytes))).toBe(true);
  });

  it('follows plugin columns and the campaign row count with no code change', async () => {
    const plugin = definePlugin({
      name: 'test-sports',
      fields: [{ key: 'sport', label: '运动项目', schema: z.enum(['太极拳', '广场舞']) }],
    });
    const campaign = await resolveCampaign({
      ...linfen2024Campaign,
      table: { unitLine: '填报单位（盖章）：', rows: 5 },
      plugins: [plugin],
    });
    const xml = documentXml(await renderTemplateDocx(campaign));
    const rows = tableRows(xml);
    expect(rows[0]).toContain('运动项目');
    expect(rows[0]?.at(-1)).toBe('备注');
    expect(rows.slice(1)).toHaveLength(5);
    expect(xml).toContain('填报单位（盖章）：');
  });
});
