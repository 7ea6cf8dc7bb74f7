import { formatTemplate, type Lang, type LocalizedText, localize } from '../i18n/lang.js';
import type { Severity } from './issue.js';

/** A message definition: default severity plus its text in both languages. */
export interface MessageDefinition {
  severity: Severity;
  text: LocalizedText;
}

/**
 * Every built-in issue code. Codes are part of the public contract (report.json, plugins):
 * add new ones, never rename. Placeholders: {label} column header, {value} the typed value.
 */
export const messages = {
  // Cell values
  required: {
    severity: 'error',
    text: { zh: '「{label}」不能为空', en: '"{label}" is required' },
  },
  'text-too-long': {
    severity: 'error',
    text: { zh: '「{label}」超过 {max} 个字', en: '"{label}" is longer than {max} characters' },
  },
  'value-invalid': {
    severity: 'error',
    text: {
      zh: '「{label}」的值「{value}」不符合要求：{reason}',
      en: '"{label}" value "{value}" is invalid: {reason}',
    },
  },
  'date-invalid': {
    severity: 'error',
    text: {
      zh: '无法识别的日期「{value}」，请填写如 2024年6月15日 或 2024.7.15-7.19',
      en: 'Unrecognised date "{value}"; write e.g. 2024-06-15 or 2024.7.15-7.19',
    },
  },
  'date-impossible': {
    severity: 'error',
    text: { zh: '日期「{value}」不存在', en: 'The date "{value}" does not exist' },
  },
  'date-range-reversed': {
    severity: 'error',
    text: { zh: '日期范围「{value}」的结束早于开始', en: 'The date range "{value}" ends before it starts' },
  },
  'date-outside-period': {
    severity: 'warning',
    text: {
      zh: '举办时间 {value} 不在活动期间（{start} 至 {end}）内',
      en: 'Date {value} is outside the campaign period ({start} to {end})',
    },
  },
  'mode-unknown': {
    severity: 'error',
    text: {
      zh: '举办方式「{value}」无法识别，应为 线上、线下 或 线上线下',
      en: 'Unknown mode "{value}"; use 线上 (online), 线下 (offline) or 线上线下 (both)',
    },
  },
  'phone-invalid': {
    severity: 'error',
    text: {
      zh: '联系方式「{value}」不是有效的手机号或带区号的固定电话',
      en: '"{value}" is not a valid mobile number or landline with area code',
    },
  },
  'phone-precision-lost': {
    severity: 'error',
    text: {
      zh: '联系方式「{value}」被 Excel 存成了科学计数法，号码已丢失，请将单元格设为文本后重新填写',
      en: '"{value}" was stored by Excel in scientific notation and the number is lost; format the cell as text and type it again',
    },
  },
  'phone-leading-zero-restored': {
    severity: 'warning',
    text: {
      zh: '联系方式「{value}」丢失了开头的 0（单元格为数字格式），已按「{phone}」读取',
      en: '"{value}" lost its leading 0 (number cell); read as "{phone}"',
    },
  },
  // Rows and tables
  'duplicate-row': {
    severity: 'warning',
    text: {
      zh: '与 {other} 重复（同一举办单位、活动名称和举办时间），只计一次',
      en: 'Duplicate of {other} (same organiser, name and date); counted once',
    },
  },
  'unknown-column': {
    severity: 'warning',
    text: {
      zh: '未知的列「{label}」：内容只保留在 report.json 的 extra 中，不参与校验和汇总',
      en: 'Unknown column "{label}": kept only in report.json (extra), not validated or summarised',
    },
  },
  'missing-column': {
    severity: 'error',
    text: { zh: '表头中缺少必填列「{label}」', en: 'The header has no column "{label}", which is required' },
  },
  'unit-missing': {
    severity: 'warning',
    text: {
      zh: '未找到「单位名称（盖章）」一行，已用文件名「{unit}」作为报送单位',
      en: 'No 单位名称（盖章） line found; the file name "{unit}" is used as the unit',
    },
  },
  // Files
  'file-unreadable': {
    severity: 'error',
    text: { zh: '文件无法读取：{reason}', en: 'The file cannot be read: {reason}' },
  },
  'file-empty': {
    severity: 'error',
    text: { zh: '文件是空的', en: 'The file is empty' },
  },
  'file-legacy-xls': {
    severity: 'error',
    text: {
      zh: '这是旧版 .xls 文件，请另存为 .xlsx 后重新报送',
      en: 'This is a legacy .xls file; save it as .xlsx and send it again',
    },
  },
  'file-encrypted': {
    severity: 'error',
    text: {
      zh: '文件设置了打开密码，请取消密码后重新报送',
      en: 'The file is password-protected; remove the password and send it again',
    },
  },
  'file-unsupported': {
    severity: 'error',
    text: {
      zh: '不支持的文件类型（{format}），请报送 .xlsx、.csv 或 .docx',
      en: 'Unsupported file type ({format}); send .xlsx, .csv or .docx',
    },
  },
  'file-too-large': {
    severity: 'error',
    text: { zh: '文件超出限制：{reason}', en: 'The file exceeds a limit: {reason}' },
  },
  'header-not-found': {
    severity: 'error',
    text: {
      zh: '未找到统计表的表头（应包含 活动名称、举办时间 等列）',
      en: 'No table header found (expected columns such as 活动名称 and 举办时间)',
    },
  },
  'late-submission': {
    severity: 'warning',
    text: {
      zh: '{unit} 于 {date} 报送，晚于截止日期 {deadline}',
      en: '{unit} submitted on {date}, after the deadline {deadline}',
    },
  },
  'unit-not-submitted': {
    severity: 'warning',
    text: { zh: '{unit} 尚未报送', en: '{unit} has not submitted' },
  },
  'file-superseded': {
    severity: 'warning',
    text: {
      zh: '已被同一单位较新的文件 {other} 替换',
      en: 'Replaced by the newer file {other} from the same unit',
    },
  },
  'unit-inferred': {
    severity: 'warning',
    text: {
      zh: '未找到「单位名称（盖章）」一行，已根据{source}认定报送单位为「{unit}」',
      en: 'No 单位名称（盖章） line found; the unit "{unit}" was taken from the {source}',
    },
  },
  'sheet-ignored': {
    severity: 'warning',
    text: {
      zh: '工作表「{sheet}」有 {rows} 行表格内容，但没有统计表表头，未导入；如是报送数据，请补上表头',
      en: 'Sheet "{sheet}" has {rows} rows of tabular content but no table header and was not imported; add the header if it holds activities',
    },
  },
  'table-empty': {
    severity: 'warning',
    text: { zh: '统计表中没有填写任何活动', en: 'The table has no activities filled in' },
  },
  'template-mismatch': {
    severity: 'warning',
    text: {
      zh: '该文件的模板{reason}，请核对各列是否与本次活动一致',
      en: 'This file’s template {reason}; check that its columns match this campaign',
    },
  },
  // report.json read back (jianshen report)
  'report-json-invalid': {
    severity: 'error',
    text: {
      zh: '该文件不是 jianshen aggregate 写出的 report.json（{field} 缺失或有误）',
      en: 'This file is not a report.json written by jianshen aggregate ({field} is missing or wrong)',
    },
  },
  'report-json-other-campaign': {
    severity: 'error',
    text: {
      zh: '该 report.json 属于活动「{reportCampaign}」，与所给活动配置「{campaign}」不同',
      en: 'This report.json belongs to campaign "{reportCampaign}", not to the given campaign "{campaign}"',
    },
  },
  // Campaign files
  'campaign-invalid': {
    severity: 'error',
    text: { zh: '活动配置「{field}」有误：{reason}', en: 'Campaign setting "{field}" is invalid: {reason}' },
  },
  'campaign-doc-number': {
    severity: 'error',
    text: {
      zh: '发文字号「{value}」有误：{reason}；格式应为 X字〔YYYY〕N号，如 临体字〔2024〕44号',
      en: 'Document number "{value}" is wrong: {reason}; it must look like X字〔YYYY〕N号, e.g. 临体字〔2024〕44号',
    },
  },
  'campaign-missing': {
    severity: 'error',
    text: {
      zh: '活动配置「{field}」缺少此项（必填）',
      en: 'Campaign setting "{field}" is missing (required)',
    },
  },
  'campaign-unknown-key': {
    severity: 'error',
    text: {
      zh: '活动配置中没有「{field}」这一项{hint}',
      en: 'Unknown campaign setting "{field}"{hint}',
    },
  },
  'campaign-date': {
    severity: 'error',
    text: {
      zh: '活动配置「{field}」须为 YYYY-MM-DD 格式的日期，如 2024-05-28；现为「{value}」',
      en: 'Campaign setting "{field}" must be a YYYY-MM-DD date such as 2024-05-28, not "{value}"',
    },
  },
  'campaign-period-reversed': {
    severity: 'error',
    text: {
      zh: '活动期间的结束日期 {end} 早于开始日期 {start}',
      en: 'The campaign period ends ({end}) before it starts ({start})',
    },
  },
  'campaign-id': {
    severity: 'error',
    text: {
      zh: '活动标识「{value}」只能包含小写字母、数字和连字符，且以字母或数字开头',
      en: 'Campaign id "{value}" may contain only lowercase letters, digits and hyphens, starting with a letter or digit',
    },
  },
  'campaign-one-table': {
    severity: 'error',
    text: {
      zh: '附件中最多只能有一个统计表（kind: statistics-table）',
      en: 'At most one attachment may be the statistics table (kind: statistics-table)',
    },
  },
  'campaign-plugin-reference': {
    severity: 'error',
    text: {
      zh: '插件须为包名、相对于活动配置文件的路径，或 definePlugin() 的结果',
      en: 'A plugin must be a package name, a path relative to the campaign file, or a definePlugin() result',
    },
  },
  'campaign-syntax': {
    severity: 'error',
    text: {
      zh: '活动配置文件第 {line} 行第 {column} 列有语法错误：{reason}',
      en: 'Syntax error in the campaign file at line {line}, column {column}: {reason}',
    },
  },
  'campaign-file-missing': {
    severity: 'error',
    text: { zh: '找不到活动配置文件', en: 'The campaign file does not exist' },
  },
  'campaign-file-unreadable': {
    severity: 'error',
    text: { zh: '无法读取活动配置文件：{reason}', en: 'The campaign file cannot be read: {reason}' },
  },
  'plugin-not-found': {
    severity: 'error',
    text: { zh: '找不到插件「{plugin}」：{reason}', en: 'Plugin "{plugin}" not found: {reason}' },
  },
  'plugin-conflict': {
    severity: 'error',
    text: { zh: '插件冲突：{reason}', en: 'Plugin conflict: {reason}' },
  },
  'plugin-invalid': {
    severity: 'error',
    text: { zh: '插件「{plugin}」无效：{reason}', en: 'Plugin "{plugin}" is invalid: {reason}' },
  },
} as const satisfies Record<string, MessageDefinition>;

export type MessageCode = keyof typeof messages;

/**
 * Parts of sentences that several messages share, rendered like messages (never issue codes):
 * `campaign-unknown-key` appends `did-you-mean` when a known setting is close to the typed one.
 */
export const messageHints = {
  'did-you-mean': { zh: '，是否应为「{suggestion}」？', en: '; did you mean "{suggestion}"?' },
} as const satisfies Record<string, LocalizedText>;

export function formatHint(
  hint: keyof typeof messageHints,
  data: Record<string, unknown> = {},
  lang: Lang = 'zh',
): string {
  return formatTemplate(localize(messageHints[hint], lang), data);
}

export function isMessageCode(code: string): code is MessageCode {
  return Object.hasOwn(messages, code);
}

/** The message for a built-in code in the given language, placeholders filled. */
export function formatMessage(
  code: MessageCode,
  data: Record<string, unknown> = {},
  lang: Lang = 'zh',
): string {
  return formatTemplate(localize(messages[code].text, lang), data);
}

export function defaultSeverity(code: MessageCode): Severity {
  return messages[code].severity;
}
