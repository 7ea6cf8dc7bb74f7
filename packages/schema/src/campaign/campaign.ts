import { z } from 'zod';
import { assessmentSectionSchema } from './assessment-section.js';
import { bodyBlockSchema } from './body-block.js';
import { docNumberSchema, isoDay } from './campaign-values.js';
import { docNumberPattern } from './doc-number.js';
import { reportSectionSchema } from './report-section.js';

export const fontsSchema = z
  .object({
    /** 正文 and most text: 3号仿宋. */
    body: z.string().default('仿宋_GB2312'),
    /** 一、 level headings and the 附件 label. */
    heading: z.string().default('黑体'),
    /** （一） level headings. */
    kai: z.string().default('楷体_GB2312'),
    /** 发文机关标志 and the title. */
    title: z.string().default('方正小标宋简体'),
    /** Page numbers. */
    song: z.string().default('宋体'),
    /** Latin letters and digits inside Chinese text. */
    latin: z.string().default('Times New Roman'),
  })
  .default({
    body: '仿宋_GB2312',
    heading: '黑体',
    kai: '楷体_GB2312',
    title: '方正小标宋简体',
    song: '宋体',
    latin: 'Times New Roman',
  });

export const contactPersonSchema = z.strictObject({
  unit: z.string().optional(),
  name: z.string().min(1),
  phone: z.string().optional(),
});

export const attachmentSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('statistics-table'),
    title: z.string().min(1),
  }),
  z.strictObject({
    kind: z.literal('text'),
    title: z.string().min(1),
    body: z.array(bodyBlockSchema).min(1),
  }),
]);

/** A plugin reference: a package name, a path relative to the campaign file, or (in TS) the plugin itself. */
export const pluginReferenceSchema = z.union([
  z.string().min(1),
  z.custom<{ name: string }>(
    (value) =>
      typeof value === 'object' && value !== null && typeof (value as { name?: unknown }).name === 'string',
    { params: { code: 'campaign-plugin-reference' } },
  ),
]);

/**
 * A reporting campaign: everything the notice, the template and the aggregator need.
 * Field names are English; texts are what the bureau prints.
 */
export const campaignSchema = z.strictObject({
  $schema: z.string().optional(),
  /** Stable id, written into templates so the aggregator recognises them. */
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
  /** 份号, 6 digits, optional. */
  copyNumber: z
    .string()
    .regex(/^\d{6}$/)
    .optional(),
  /** 密级和保密期限, optional. */
  secrecy: z.string().optional(),
  /** 紧急程度 (特急/加急), optional. */
  urgency: z.string().optional(),
  issuer: z.strictObject({
    /** The bureau's full name, e.g. 临汾市体育局. */
    name: z.string().min(1),
    /** 发文机关标志, e.g. 临汾市体育局文件. */
    mark: z.string().min(1),
    /** Area code of the bureau's city, used for landlines typed without one. */
    areaCode: z
      .string()
      .regex(/^0\d{2,3}$/)
      .optional(),
  }),
  /** 发文字号, e.g. 临体字〔2024〕44号. */
  docNumber: docNumberSchema,
  /** 签发人 (upward documents only). */
  signer: z.string().optional(),
  /** 标题. */
  title: z.string().min(1),
  /** 主送机关. */
  recipients: z.string().min(1),
  /** 正文. */
  body: z.array(bodyBlockSchema).min(1),
  /** 联系人 lines after the body. */
  contacts: z
    .strictObject({
      people: z.array(contactPersonSchema).default([]),
      phone: z.string().optional(),
      email: z.string().optional(),
      address: z.string().optional(),
    })
    .optional(),
  attachments: z
    .array(attachmentSchema)
    .default([])
    .refine((list) => list.filter((item) => item.kind === 'statistics-table').length <= 1, {
      params: { code: 'campaign-one-table' },
    }),
  /** 署名 and 成文日期; `seal` places them for a stamped document. */
  signature: z
    .strictObject({
      name: z.string().min(1),
      date: isoDay,
      seal: z.boolean().default(true),
    })
    .optional(),
  /** 版记: 抄送 and 印发机关 with 印发日期. */
  imprint: z
    .strictObject({
      cc: z.array(z.string().min(1)).default([]),
      office: z.string().min(1),
      date: isoDay,
    })
    .optional(),
  /** The activity period rows are checked against. */
  period: z.strictObject({ start: isoDay, end: isoDay }).refine((period) => period.start <= period.end, {
    params: { code: 'campaign-period-reversed' },
    // An invalid start or end is its own error; comparing it would invent a second one.
    when: (payload) => payload.issues.length === 0,
  }),
  /** Submission deadline (报送截止日期). */
  deadline: isoDay,
  /** Who collects the tables, e.g. 市体育局群体科. */
  submitTo: z.string().optional(),
  /** Units expected to submit; the aggregator reports who has not. */
  expectedUnits: z.array(z.string().min(1)).default([]),
  /**
   * The notice asks for the table stamped (单位名称（盖章）): with `true`, a unit that sent data
   * but no stamped copy (a PDF, JPG, PNG, TIFF or HEIC scan beside its file) gets a warning.
   */
  requireStamp: z.boolean().optional(),
  /** Statistics-table settings. */
  table: z
    .strictObject({
      /** The unit line above the table. */
      unitLine: z.string().default('单位名称（盖章）：'),
      /** Empty rows in templates and on the attachment page. */
      rows: z.number().int().min(1).max(1000).default(20),
      /** Template protection password; none by default. */
      password: z.string().optional(),
    })
    .default({ unitLine: '单位名称（盖章）：', rows: 20 }),
  fonts: fontsSchema,
  plugins: z.array(pluginReferenceSchema).default([]),
  /** The upward report (上报省体育局): 主送机关, 签发人, 文号, wording. */
  report: reportSectionSchema,
  /** How the 考核 table weighs each unit's reporting into a score. */
  assessment: assessmentSectionSchema,
});

/** What a campaign file contains (defaults not yet applied). */
export type CampaignInput = z.input<typeof campaignSchema>;
/** A validated campaign with defaults applied. */
export type Campaign = z.output<typeof campaignSchema>;
export type Attachment = z.output<typeof attachmentSchema>;
export type CampaignFonts = z.output<typeof fontsSchema>;

/** Identity function that gives TS campaign files completion and type checking. */
export function defineCampaign<const T extends CampaignInput>(campaign: T): T {
  return campaign;
}

export { docNumberPattern, docNumberSchema };
