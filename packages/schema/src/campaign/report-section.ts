import { z } from 'zod';
import { docNumberSchema, isoDay } from './campaign-values.js';

/** 主送机关 of the report when the campaign names none: the notice ends 统一汇总上报省体育局. */
export const defaultReportRecipients = '省体育局';

/**
 * The campaign's `report:` section: how the city's upward report (上行文, GB/T 9704 §7.2.3) is
 * addressed and worded. Every field is optional; the report is drafted from report.json's
 * figures and the clerk edits the wording here and rebuilds it.
 */
export const reportSectionSchema = z
  .strictObject({
    /** 主送机关; default 省体育局. */
    recipients: z.string().min(1).default(defaultReportRecipients),
    /**
     * 签发人: an upward document carries it on the 发文字号 line (GB/T 9704 §7.2.6). Default: left
     * blank for the clerk (签发人：　　　), never the notice's signer.
     */
    signer: z
      .string()
      .min(1)
      .optional()
      .describe('签发人；缺省留空（签发人：　　　）供填写，不借用活动的 signer (signer; blank when unset)'),
    /**
     * The report's own 发文字号. Default: the issuer's 机关代字 with the year and number left blank
     * (临体字〔　　〕　　号) for the clerk to fill, never the notice's number.
     */
    docNumber: docNumberSchema
      .optional()
      .describe(
        '报告自己的发文字号；缺省为 临体字〔　　〕　　号，从不沿用通知的 (own number; blanks when unset)',
      ),
    /** 标题; default 关于…开展情况的报告 from the notice's title. */
    title: z.string().min(1).optional(),
    /** 成文日期; default the submission deadline. */
    date: isoDay.optional(),
    /** Paragraphs said before the figures (default: one sentence naming the notice). */
    opening: z.array(z.string().min(1)).optional(),
    /** Paragraphs after the figures, e.g. the next steps. */
    closing: z.array(z.string().min(1)).optional(),
    /** The last line; default 特此报告。 */
    ending: z.string().min(1).optional(),
  })
  .optional();

export type ReportSection = z.output<typeof reportSectionSchema>;
