import { z } from 'zod';
import { activityModes, modeLabels } from '../normalize/mode.js';
import { columnRegistry } from './column-meta.js';

const isoDay = z.iso.date();

/** 序号: renumbered on merge, so only a positive whole number when present. */
export const seqSchema = z
  .number()
  .int()
  .positive()
  .register(columnRegistry, {
    label: '序号',
    labelEn: 'No.',
    aliases: ['序 号', '编号', 'No', 'No.', '序'],
    kind: 'sequence',
    width: 6,
    hint: { zh: '可不填，汇总时自动重新编号', en: 'Optional; renumbered when merged' },
    example: '1',
  });

export const organizerSchema = z
  .string()
  .min(1)
  .max(100)
  .register(columnRegistry, {
    label: '举办单位',
    labelEn: 'Organiser',
    aliases: ['主办单位', '举办单位名称', '承办单位', '组织单位'],
    kind: 'text',
    width: 20,
    maxLength: 100,
    hint: { zh: '举办活动的单位全称', en: 'Full name of the organising body' },
    example: '尧都区体育中心',
  });

export const nameSchema = z
  .string()
  .min(1)
  .max(100)
  .register(columnRegistry, {
    label: '活动名称',
    labelEn: 'Activity',
    aliases: ['活动名', '活动项目', '项目名称', '活动主题'],
    kind: 'text',
    width: 24,
    maxLength: 100,
    hint: { zh: '活动的正式名称', en: 'The activity’s name' },
    example: '社会体育指导员进社区健身指导',
  });

export const summarySchema = z
  .string()
  .max(500)
  .register(columnRegistry, {
    label: '活动简介',
    labelEn: 'Summary',
    aliases: ['活动内容', '简介', '活动概况', '内容简介'],
    kind: 'long-text',
    width: 40,
    maxLength: 500,
    hint: { zh: '活动内容、地点和规模，500 字以内', en: 'What, where and how many; up to 500 characters' },
    example: '在尧都区鼓楼社区开展太极拳教学和科学健身讲座，约 80 人参加',
  });

export const modeSchema = z.enum(activityModes).register(columnRegistry, {
  label: '举办方式（线上、线下）',
  labelEn: 'Mode (online/offline)',
  aliases: ['举办方式', '举办方式(线上、线下)', '举办方式（线上/线下）', '举办形式', '方式', '活动形式'],
  kind: 'mode',
  width: 12,
  options: activityModes.map((mode) => modeLabels[mode].zh),
  hint: {
    zh: '从下拉列表选择：线上、线下 或 线上线下',
    en: 'Pick 线上 (online), 线下 (offline) or 线上线下 (both)',
  },
  example: '线下',
});

export const dateRangeSchema = z
  .object({ start: isoDay, end: isoDay })
  .refine((range) => range.start <= range.end, { message: 'end before start' })
  .register(columnRegistry, {
    label: '举办时间',
    labelEn: 'Date',
    aliases: ['活动时间', '举办日期', '时间', '日期', '开展时间'],
    kind: 'date',
    width: 14,
    excelFormat: 'yyyy"年"m"月"d"日"',
    hint: {
      zh: '填写日期，如 2024年6月15日；多日活动写 2024.7.15-7.19',
      en: 'A date such as 2024-06-15; several days as 2024.7.15-7.19',
    },
    example: '2024年6月15日',
  });

export const contactSchema = z
  .string()
  .max(50)
  .register(columnRegistry, {
    label: '联系人',
    labelEn: 'Contact',
    aliases: ['负责人', '联系人姓名', '填报人'],
    kind: 'text',
    width: 10,
    maxLength: 50,
    hint: { zh: '活动负责人姓名', en: 'Name of the person responsible' },
    example: '王明',
  });

export const phoneSchema = z
  .array(z.string().min(1))
  .min(1)
  .register(columnRegistry, {
    label: '联系方式',
    labelEn: 'Phone',
    aliases: ['联系电话', '电话', '手机', '手机号码', '联系方式（电话）', '电话号码'],
    kind: 'phone',
    width: 16,
    excelFormat: '@',
    maxLength: 60,
    hint: {
      zh: '手机号或带区号的固定电话，如 13912345678 或 0357-1234567',
      en: 'Mobile number, or landline with area code, e.g. 0357-1234567',
    },
    example: '13912345678',
  });

export const noteSchema = z
  .string()
  .max(200)
  .register(columnRegistry, {
    label: '备注',
    labelEn: 'Note',
    aliases: ['说明', '其他'],
    kind: 'text',
    width: 14,
    maxLength: 200,
    hint: { zh: '其他需要说明的情况，可不填', en: 'Anything else; optional' },
    example: '',
  });

/** The nine columns of the attachment, in the order the notice prints them. */
export const activityColumnSchemas = {
  seq: seqSchema,
  organizer: organizerSchema,
  name: nameSchema,
  summary: summarySchema,
  mode: modeSchema,
  date: dateRangeSchema,
  contact: contactSchema,
  phone: phoneSchema,
  note: noteSchema,
} as const;

export type ActivityColumnKey = keyof typeof activityColumnSchemas;
export const activityColumnKeys = Object.keys(activityColumnSchemas) as ActivityColumnKey[];

/** Columns a row cannot count without (序号 and 备注 are optional, 活动简介 too). */
export const requiredActivityColumns: readonly ActivityColumnKey[] = [
  'organizer',
  'name',
  'mode',
  'date',
  'phone',
];

/**
 * A normalised activity row: what every reader produces and every writer consumes.
 * Plugin columns travel next to these keys, by field key; cells under unknown columns go to
 * `extra` (the aggregator's `ReportRow`).
 */
export const activityRowSchema = z.object({
  seq: seqSchema.optional(),
  organizer: organizerSchema,
  name: nameSchema,
  summary: summarySchema.default(''),
  mode: modeSchema,
  date: dateRangeSchema,
  contact: contactSchema.default(''),
  phone: phoneSchema,
  note: noteSchema.default(''),
});

export type ActivityRow = z.infer<typeof activityRowSchema>;
