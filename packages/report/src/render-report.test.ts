import { packDocx } from '@jianshen/notice/kit';
import { readZipText, unpackZip } from '@jianshen/ooxml';
import { describe, expect, it } from 'vitest';
import { renderReport, reportDocument } from './render-report.js';
import { linfenReportCampaign, linfenReportJson } from './report.test-support.js';
import type { ChartPicture, ReportJson } from './report-input.js';
import { reportSettings } from './report-settings.js';

/** The w:t texts of each w:p, in order. */
function paragraphTexts(xml: string): string[] {
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((match) =>
    [...match[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((piece) => piece[1]).join(''),
  );
}

// A 1×1 white PNG: the text tests need pictures, not drawn charts (the node test draws them).
const pixel = Uint8Array.from(
  atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8/5+hHgAHggJ/PchI7wAAAABJRU5ErkJggg=='),
  (character) => character.charCodeAt(0),
);
const charts: ChartPicture[] = ['各单位活动数', '举办方式占比', '各月活动数'].map((title) => ({
  title,
  png: pixel,
  width: 800,
  height: 450,
}));

/** Counts recomputed from report.json's rows, not from its summary: a second way to the figures. */
function countsFromRows(report: ReportJson) {
  const count = (key: (row: ReportJson['rows'][number]) => string) => {
    const counts = new Map<string, number>();
    for (const row of report.rows) counts.set(key(row), (counts.get(key(row)) ?? 0) + 1);
    return counts;
  };
  return {
    total: report.rows.length,
    modes: count((row) => row.mode),
    months: count((row) => row.start.slice(0, 7)),
    units: count((row) => row.unit),
  };
}

describe('renderReport', async () => {
  const campaign = await linfenReportCampaign();
  const report = await linfenReportJson(campaign);
  const bytes = await renderReport({ campaign, report, charts });
  const xml = readZipText(bytes, 'word/document.xml') ?? '';
  const texts = paragraphTexts(xml);
  const body = texts.join('\n');

  it('is an upward document: 文号 and 签发人 on one line, the title, 主送机关', () => {
    const numberLine = texts.find((text) => text.includes('临体字〔2024〕60号'));
    expect(numberLine).toBe('临体字〔2024〕60号签发人：王　强');
    expect(texts).toContain('临汾市体育局文件');
    expect(texts).toContain('关于2024年“奋进新征程 运动促健康”全民健身志愿服务活动开展情况的报告');
    expect(texts).toContain('山西省体育局：');
    expect(texts).toContain('一、报送情况');
    expect(texts).toContain('二、活动开展情况');
    expect(texts).toContain('三、考核情况');
    expect(texts).toContain('特此报告。');
    expect(texts).toContain('附件：2024年全民健身志愿服务活动统计表（汇总）');
  });

  it('without a report: section leaves 文号 and 签发人 blank, never the notice’s 文号', async () => {
    const { report: _section, ...withoutSection } = campaign;
    const draft = await renderReport({ campaign: withoutSection, report, charts });
    const draftTexts = paragraphTexts(readZipText(draft, 'word/document.xml') ?? '');
    // The issuer's 机关代字 with the year and the number blank (U+3000), 签发人： with room for a name.
    const numberLine = draftTexts.find((text) => text.includes('签发人：'));
    expect(numberLine).toBe('临体字〔\u3000\u3000〕\u3000\u3000号签发人：\u3000\u3000\u3000');
    // 临体字〔2024〕44号 is the notice's: it appears only where the opening cites the notice.
    const noticeNumber = draftTexts.filter((text) => text.includes('临体字〔2024〕44号'));
    expect(noticeNumber).toEqual([expect.stringMatching(/^根据《.+》（临体字〔2024〕44号）要求/)]);
  });

  it('states every figure as report.json has it', () => {
    const counts = countsFromRows(report);
    const { summary } = report;
    expect(summary.rowsAccepted).toBe(counts.total);
    expect(body).toContain(`各单位共报送活动${counts.total}项`);
    const labels = { online: '线上', offline: '线下', hybrid: '线上线下' } as const;
    for (const [mode, rows] of counts.modes) {
      const percent = Math.round((rows / counts.total) * 1000) / 10;
      expect(body).toContain(`${labels[mode as keyof typeof labels]}${rows}项（占${percent}%）`);
    }
    for (const [month, rows] of counts.months) {
      expect(body).toContain(`${month.slice(0, 4)}年${Number(month.slice(5))}月${rows}项`);
    }
    const top = [...counts.units].sort((a, b) => b[1] - a[1])[0]!;
    expect(body).toContain(`报送活动较多的单位是${top[0]}（${top[1]}项）`);
    const expected = campaign.expectedUnits.length;
    const missing = summary.missingUnits;
    const late = report.assessment!.units.filter((unit) => unit.submitted && !unit.onTime);
    expect(late.map((unit) => unit.unit)).toEqual(['霍州市']);
    expect(body).toContain(
      `应报送单位${expected}个，已报送${expected - missing.length}个，其中按时报送${expected - missing.length - late.length}个，逾期报送${late.length}个（霍州市）。`,
    );
    expect(body).toContain(`未报送单位${missing.length}个：${missing.join('、')}。`);
  });

  it('carries the three charts as PNG pictures with captions', () => {
    // The same bytes three times are stored once (docx keys media by content); the node test
    // draws three real charts and finds three files.
    const media = Object.keys(unpackZip(bytes)).filter((name) => name.startsWith('word/media/'));
    expect(media).toHaveLength(1);
    expect(xml.match(/<pic:pic[ >]/g)).toHaveLength(3);
    expect(texts).toEqual(
      expect.arrayContaining(['图1　各单位活动数', '图2　举办方式占比', '图3　各月活动数']),
    );
  });

  it('sizes charts to flow with the text: at most 8 of 22 grid lines, two to a page', async () => {
    // A tall per-unit chart (17 units drew 800 × 554) and the 16:9 ones; before, they were as wide
    // as the text area (108 and 88 mm tall), one stood alone on a half-empty page.
    const tall = { ...charts[0]!, height: 554 };
    const drawn = await renderReport({ campaign, report, charts: [tall, charts[1]!, charts[2]!] });
    const drawnXml = readZipText(drawn, 'word/document.xml') ?? '';
    const extents = [...drawnXml.matchAll(/<wp:extent cx="(\d+)" cy="(\d+)"\/>/g)].map((match) => ({
      width: Number(match[1]),
      height: Number(match[2]),
    }));
    expect(extents).toHaveLength(3);
    const emuPerTwip = 635;
    const line = 579 * emuPerTwip;
    for (const extent of extents) {
      expect(extent.height).toBeLessThanOrEqual(8 * line);
      expect(extent.width).toBeLessThanOrEqual(8844 * emuPerTwip);
    }
    // Aspect kept: the tall chart is narrower than the text area, the 16:9 ones keep 16:9.
    expect(extents[0]!.width / extents[0]!.height).toBeCloseTo(800 / 554, 1);
    expect(extents[1]!.width / extents[1]!.height).toBeCloseTo(800 / 450, 1);
    // Picture and caption together, and no page break forced anywhere in the report's body.
    expect(drawnXml).not.toMatch(/w:pageBreakBefore|w:type="page"/);
  });

  it('has the 考核 table: one row per expected unit, 未报送 for the missing', () => {
    const assessment = report.assessment!;
    expect(texts).toEqual(
      expect.arrayContaining(['报送单位', '报送日期', '按时', '活动数', '退回行数', '问题数', '得分']),
    );
    const missingRows = texts.filter((text) => text === '未报送');
    expect(missingRows).toHaveLength(report.summary.missingUnits.length);
    for (const unit of assessment.units) expect(texts).toContain(unit.unit);
  });

  it('puts the consolidated table on a landscape section with a repeated header row', () => {
    const sections = [...xml.matchAll(/<w:sectPr[ >][\s\S]*?<\/w:sectPr>/g)].map((match) => match[0]);
    expect(sections).toHaveLength(2);
    expect(sections[0]).not.toContain('w:orient="landscape"');
    expect(sections[1]).toContain('w:orient="landscape"');
    const tables = [...xml.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map((match) => match[0]);
    const attachment = tables.at(-1) ?? '';
    const rows = [...attachment.matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map((match) => match[0]);
    expect(rows).toHaveLength(report.rows.length + 1);
    expect(rows[0]).toContain('<w:tblHeader/>');
    expect(paragraphTexts(rows[0] ?? '')).toContain('来源单位');
    for (const row of report.rows) expect(attachment).toContain(row.name.replace(/"/g, '&quot;'));
  });

  it('gives the same bytes for the same inputs', async () => {
    const again = await renderReport({ campaign, report: await linfenReportJson(campaign), charts });
    expect(Buffer.from(again).equals(Buffer.from(bytes))).toBe(true);
  });

  it('writes its tables as the docx objects of reportDocument would, byte for byte', async () => {
    expect(report.rows.length).toBeGreaterThan(0);
    const options = { campaign, report, charts };
    const fromObjects = await packDocx(reportDocument(options), reportSettings(campaign, report, 'zh').date);
    expect(Buffer.from(fromObjects).equals(Buffer.from(bytes))).toBe(true);
  });
});
