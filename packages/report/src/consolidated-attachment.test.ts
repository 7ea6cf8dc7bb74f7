import type { ReportRow } from '@jianshen/aggregator';
import { readZipText } from '@jianshen/ooxml';
import { describe, expect, it } from 'vitest';
import { attachmentRowLimit } from './consolidated-attachment.js';
import { renderReport } from './render-report.js';
import { linfenReportCampaign, linfenReportJson } from './report.test-support.js';

/** The w:t texts of each w:p, in order. */
function paragraphTexts(xml: string): string[] {
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((match) =>
    [...match[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((piece) => piece[1]).join(''),
  );
}

/** The table rows of the document's last table (the attachment's when it lists rows). */
function lastTableRows(xml: string): number {
  const tables = [...xml.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map((match) => match[0]);
  return [...(tables.at(-1) ?? '').matchAll(/<w:tr[ >]/g)].length;
}

describe('consolidatedAttachment above its row limit', async () => {
  const campaign = await linfenReportCampaign();
  const report = await linfenReportJson(campaign);
  const first = report.rows[0] as ReportRow;
  // The Linfen returns' rows repeated past the limit: a city batch too long for a Word table.
  const many = Array.from({ length: attachmentRowLimit + 1 }, (_, index) => ({ ...first, seq: index + 1 }));
  const big = { ...report, rows: many, summary: { ...report.summary, rowsAccepted: many.length } };

  it('lists every row up to the limit', async () => {
    const rows = many.slice(0, attachmentRowLimit);
    const atLimit = { ...report, rows, summary: { ...report.summary, rowsAccepted: rows.length } };
    const xml = readZipText(await renderReport({ campaign, report: atLimit }), 'word/document.xml') ?? '';
    expect(lastTableRows(xml)).toBe(attachmentRowLimit + 1);
  });

  it('names the consolidated workbook instead of a table of every row', async () => {
    const xml = readZipText(await renderReport({ campaign, report: big }), 'word/document.xml') ?? '';
    const texts = paragraphTexts(xml);
    expect(texts).toContain(
      `本次汇总活动共${attachmentRowLimit + 1}项，超过${attachmentRowLimit}项，不在本文中逐条列出，明细见同时生成的汇总工作簿《2024年全民健身志愿服务活动统计表（汇总）.xlsx》。`,
    );
    // Still its own landscape section under the 附件 heading; the last table is the 考核 table.
    const sections = [...xml.matchAll(/<w:sectPr[ >][\s\S]*?<\/w:sectPr>/g)].map((match) => match[0]);
    expect(sections).toHaveLength(2);
    expect(sections[1]).toContain('w:orient="landscape"');
    expect(texts).toContain('2024年全民健身志愿服务活动统计表（汇总）');
    expect(lastTableRows(xml)).toBe((report.assessment?.units.length ?? 0) + 1);
  });

  it('counts from the summary when the rows were not read (a streamed aggregation)', async () => {
    const unread = { ...big, rows: [] };
    const xml = readZipText(await renderReport({ campaign, report: unread }), 'word/document.xml') ?? '';
    expect(paragraphTexts(xml).join('\n')).toContain(`本次汇总活动共${attachmentRowLimit + 1}项`);
  });

  it('says it in English too', async () => {
    const xml =
      readZipText(await renderReport({ campaign, report: big, lang: 'en' }), 'word/document.xml') ?? '';
    expect(paragraphTexts(xml).join('\n')).toContain(
      `The ${attachmentRowLimit + 1} activities consolidated are more than ${attachmentRowLimit}`,
    );
  });
});
