import {
  attachmentNoteParagraphs,
  blankLine,
  bodyParagraph,
  bodyParagraphs,
  documentStyles,
  docxTableRows,
  gridSpacing,
  headingNumber,
  type MakeTableRows,
  mastheadParagraphs,
  noticeLabels,
  packDocx,
  pageNumberFooters,
  portraitProperties,
  run,
  signatureParagraphs,
  textWidth,
  titleParagraph,
  xmlTableRows,
} from '@jianshen/notice/kit';
import type { ResolvedCampaign } from '@jianshen/plugin-kit';
import { AlignmentType, Document, Paragraph, type Table } from 'docx';
import { assessmentTable } from './assessment-table.js';
import { chartParagraphs } from './chart-pictures.js';
import { consolidatedAttachment } from './consolidated-attachment.js';
import { type ReportPart, reportParts } from './report-body.js';
import { type ReportFigures, reportFigures } from './report-figures.js';
import type { RenderReportOptions } from './report-input.js';
import { type ReportSettings, reportSettings } from './report-settings.js';
import { reportText } from './report-text.js';

/**
 * The campaign as the notice's layout code takes it, addressed as the report: its own 文号 and
 * 签发人, always on one line as an upward document has them (GB/T 9704 §7.2.5–7.2.6; blanks for the
 * clerk when the `report:` section gives none), its attachment and its signature.
 */
function reportAsCampaign(
  campaign: ResolvedCampaign,
  settings: ReportSettings,
  attachmentTitle: string,
): ResolvedCampaign {
  return {
    ...campaign,
    docNumber: settings.docNumber,
    signer: settings.signer,
    attachments: [{ kind: 'statistics-table', title: attachmentTitle }],
    signature: { name: campaign.issuer.name, date: settings.date, seal: true },
  };
}

/** 主送机关: flush left under the title, one blank line between (§7.3.2). */
function recipientsParagraph(campaign: ResolvedCampaign, recipients: string): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.BOTH,
    spacing: gridSpacing,
    children: [run(campaign.fonts, recipients)],
  });
}

/**
 * The numbered parts (一、 in 黑体, kept with the paragraph under it so a heading never ends a
 * page alone), each followed by what illustrates it: the charts, the 考核 table.
 */
function partsWithFigures(
  campaign: ResolvedCampaign,
  parts: readonly ReportPart[],
  extras: Readonly<Record<ReportPart['id'], (Paragraph | Table)[]>>,
): (Paragraph | Table)[] {
  return parts.flatMap((part, index) => {
    const { number, role } = headingNumber(1, index + 1);
    return [
      bodyParagraph(campaign.fonts, [{ text: `${number}${part.heading}`, role }], 0, true),
      ...bodyParagraphs(campaign.fonts, part.paragraphs),
      ...extras[part.id],
    ];
  });
}

function mainPage(
  options: RenderReportOptions,
  settings: ReportSettings,
  figures: ReportFigures,
  makeRows: MakeTableRows,
): (Paragraph | Table)[] {
  const lang = options.lang ?? 'zh';
  const { campaign } = options;
  const { fonts } = campaign;
  const attachmentTitle = reportText(lang, 'attachmentTitle', { table: campaign.tableTitle });
  const asCampaign = reportAsCampaign(campaign, settings, attachmentTitle);
  const opening = settings.opening ?? [
    reportText(lang, 'opening', { notice: campaign.title, docNumber: campaign.docNumber }),
  ];
  const charts = (options.charts ?? []).flatMap((chart, index) =>
    chartParagraphs(fonts, chart, { number: index + 1, lang }),
  );
  return [
    ...mastheadParagraphs(asCampaign),
    blankLine(),
    blankLine(),
    titleParagraph(fonts, settings.title, textWidth, campaign.issuer.name),
    blankLine(),
    recipientsParagraph(campaign, settings.recipients),
    ...bodyParagraphs(fonts, opening),
    ...partsWithFigures(campaign, reportParts(figures, lang), {
      submissions: [],
      activities: charts,
      assessment: [assessmentTable(fonts, figures.assessment, lang, makeRows), blankLine()],
    }),
    ...bodyParagraphs(fonts, [...settings.closing, settings.ending]),
    ...attachmentNoteParagraphs(asCampaign, noticeLabels(lang), true),
    ...signatureParagraphs(asCampaign),
  ];
}

/**
 * The city's upward report (上行文) as a docx Document: 版头 with 文号 and 签发人, 关于…开展情况的
 * 报告, 主送机关 (省体育局), the opening, 一、报送情况 二、活动开展情况 (with the charts) 三、考核情况
 * (with the 考核 table), the closing and 特此报告。, 附件说明, 署名 and 成文日期; then the consolidated
 * table as a landscape attachment. Every figure comes from report.json.
 */
export function reportDocument(options: RenderReportOptions): Document {
  return draftReport(options, docxTableRows);
}

/** The report's Document, its tables' rows made by `makeRows`. */
function draftReport(options: RenderReportOptions, makeRows: MakeTableRows): Document {
  const { campaign, report } = options;
  const lang = options.lang ?? 'zh';
  const settings = reportSettings(campaign, report, lang);
  const figures = reportFigures(campaign, report, lang);
  const label = noticeLabels(lang).attachment();
  const attachmentTitle = reportText(lang, 'attachmentTitle', { table: campaign.tableTitle });
  return new Document({
    creator: campaign.issuer.name,
    lastModifiedBy: campaign.issuer.name,
    title: settings.title,
    subject: settings.docNumber,
    evenAndOddHeaderAndFooters: true,
    styles: documentStyles(campaign.fonts),
    sections: [
      {
        properties: portraitProperties(),
        footers: pageNumberFooters(campaign.fonts),
        children: mainPage(options, settings, figures, makeRows),
      },
      consolidatedAttachment(campaign, report.rows, {
        label,
        title: attachmentTitle,
        lang,
        rowCount: Math.max(report.rows.length, report.summary.rowsAccepted),
        makeRows,
      }),
    ],
  });
}

/**
 * `reportDocument` packed as .docx bytes; the same inputs give the same bytes. The tables' rows
 * are written as XML (`xmlTableRows`, the same document.xml as docx's objects give): on a
 * 120-unit report docx's objects for the 考核 table were half of the document's CPU time.
 */
export async function renderReport(options: RenderReportOptions): Promise<Uint8Array> {
  const settings = reportSettings(options.campaign, options.report, options.lang ?? 'zh');
  const rows = xmlTableRows();
  return packDocx(draftReport(options, rows.make), settings.date, {
    rows,
    ...(options.createDeflater ? { createDeflater: options.createDeflater } : {}),
  });
}
