import type { LocalizedText } from '../i18n/lang.js';
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
      zh: '这份旧版 .xls 文件无法读取，请在 Excel 或 WPS 中另存为 .xlsx 后重新报送',
      en: 'This legacy .xls file cannot be read; save it as .xlsx in Excel or WPS and send it again',
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
      zh: '不支持的文件类型（{format}），请报送 .xlsx、.xls、.ods、.csv 或 .docx',
      en: 'Unsupported file type ({format}); send .xlsx, .xls, .ods, .csv or .docx',
    },
  },
  'file-word-binary': {
    severity: 'error',
    text: {
      zh: '这是 Word 97-2003（.doc）或 WPS 文字（.wps）文件，无法读取其中的表格；请在 Word 或 WPS 中“另存为”.docx，或把统计表复制到 Excel 另存为 .xlsx，然后重新报送',
      en: 'This is a Word 97-2003 (.doc) or WPS Writer (.wps) file, whose tables cannot be read; save it as .docx in Word or WPS, or copy the table into Excel and save it as .xlsx, then send it again',
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
  // Stamped copies (盖章件) and the folder listing: every file in a folder is accounted for.
  'stamp-unit-unknown': {
    severity: 'warning',
    text: {
      zh: '无法确定这份盖章件属于哪个单位（文件名和文件中的文字都没有应报单位的名称），请按单位名称重命名',
      en: 'Cannot tell which unit this stamped copy is from (neither its name nor its text names an expected unit); rename it after the unit',
    },
  },
  'stamp-without-data': {
    severity: 'warning',
    text: {
      zh: '{unit} 已报送盖章件，但未报送数据文件：请联系该单位报送电子表格（.xlsx）',
      en: '{unit} sent a stamped copy but no data file: ask the unit for the spreadsheet (.xlsx)',
    },
  },
  'stamp-missing': {
    severity: 'warning',
    text: {
      zh: '{unit} 未报送盖章件（加盖公章的统计表扫描件或照片）',
      en: '{unit} has not sent a stamped copy (a scan or photo of the stamped table)',
    },
  },
  'folder-unreadable': {
    severity: 'error',
    text: {
      zh: '文件夹无法读取：{reason}，其中的文件未汇总',
      en: 'The folder cannot be read: {reason}; the files in it were not aggregated',
    },
  },
  'input-not-regular': {
    severity: 'error',
    text: {
      zh: '「{path}」不是普通文件或文件夹（{kind}），已拒绝读取',
      en: '"{path}" is not a regular file or folder ({kind}); refused',
    },
  },
  'unit-inferred': {
    severity: 'warning',
    text: {
      zh: '未找到「单位名称（盖章）」一行，已根据{source}认定报送单位为「{unit}」',
      en: 'No 单位名称（盖章） line found; the unit "{unit}" was taken from the {source}',
    },
  },
  'unit-from-file-name': {
    severity: 'warning',
    text: {
      zh: '未找到「单位名称（盖章）」一行，已根据文件名「{file}」认定报送单位为「{unit}」',
      en: 'No 单位名称（盖章） line found; the unit "{unit}" was taken from the file name "{file}"',
    },
  },
  'unit-sent-twice': {
    severity: 'warning',
    text: {
      zh: '「{unit}」报送了 {count} 个文件（{files}），各文件中的活动都已计入；如后报的是更正版，请选择以新文件替换旧文件（--replace）重新汇总',
      en: '"{unit}" sent {count} files ({files}) and the activities of each were counted; if the later one is a correction, aggregate again replacing older files with newer ones (--replace)',
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
  // Outputs and hostile input (issue 15)
  'output-locked': {
    severity: 'error',
    text: {
      zh: '输出目录 {dir} 正由另一个汇总进程（进程号 {pid}）写入，请等它结束后再运行；如该进程已不存在，删除 {lock} 即可',
      en: 'The output folder {dir} is being written by another aggregation (process {pid}); run again when it ends, or delete {lock} if that process is gone',
    },
  },
  'output-write-failed': {
    severity: 'error',
    text: {
      zh: '无法写入输出目录 {dir}：{reason}；原有的输出未改动',
      en: 'Cannot write to the output folder {dir}: {reason}; the previous outputs are unchanged',
    },
  },
  'output-overwrites-input': {
    severity: 'error',
    text: {
      zh: '拒绝覆盖输入文件 {path}，请换一个输出目录',
      en: 'Refusing to overwrite the input file {path}; choose another output folder',
    },
  },
  'text-undecodable': {
    severity: 'warning',
    text: {
      zh: '本行有 {count} 处字节无法按 {encoding} 解码，已替换为 �，请核对原文',
      en: '{count} byte sequences of this line are not valid {encoding} and were replaced with �; check the original',
    },
  },
  'file-not-text': {
    severity: 'error',
    text: {
      zh: '这不是文本文件（含有 NUL 字节），无法作为 CSV 读取',
      en: 'This is not a text file (it contains NUL bytes) and cannot be read as CSV',
    },
  },
  'cell-outside-table': {
    severity: 'warning',
    text: {
      zh: '单元格 {cell} 远离统计表（表格到第 {last} 行为止），其内容「{value}」未导入',
      en: 'Cell {cell} lies far from the table (which ends at row {last}); its content "{value}" was not imported',
    },
  },
  'cell-far-right': {
    severity: 'warning',
    text: {
      zh: '单元格 {cell} 在第 {max} 列之外，远离统计表，其内容「{value}」未导入',
      en: 'Cell {cell} lies beyond column {max}, far from the table; its content "{value}" was not imported',
    },
  },
  'shared-string-missing': {
    severity: 'error',
    text: {
      zh: '单元格 {cell} 引用的共享字符串（第 {index} 个）不存在，文件可能已损坏',
      en: 'Cell {cell} refers to shared string {index}, which does not exist; the file may be damaged',
    },
  },
  'nested-table': {
    severity: 'warning',
    text: {
      zh: '本行第 {column} 列的单元格中嵌有一个 {rows} 行的表格，其文字已并入该单元格；如列的是几项活动，请分别填成统计表的一行',
      en: 'A {rows}-row table is nested in the cell of column {column} of this row; its text was folded into the cell: if it lists several activities, give each its own row',
    },
  },
  'file-superseded-same-time': {
    severity: 'warning',
    text: {
      zh: '与同一单位的文件 {other} 修改时间相同，按输入顺序以后给出的 {other} 为准',
      en: 'Has the same modification time as {other} from the same unit; the one given later ({other}) counts',
    },
  },
  'cell-truncated': {
    severity: 'warning',
    text: {
      zh: '{output} 的单元格 {cell} 有 {length} 个字符，超过 Excel 单元格上限 {max} 个字符，已截断（末尾注明“已截断”）；完整内容见 report.json',
      en: 'Cell {cell} of {output} has {length} characters, over Excel’s limit of {max} per cell: it was cut (marked at its end); report.json has it whole',
    },
  },
  'plugin-failed': {
    severity: 'error',
    text: {
      zh: '插件「{plugin}」在{place}出错：{reason}',
      en: 'Plugin "{plugin}" failed in {place}: {reason}',
    },
  },
  'rule-timeout': {
    severity: 'error',
    text: {
      zh: '规则「{rule}」在本文件上运行超过 {budget} 毫秒，已停止；其余规则照常执行',
      en: 'Rule "{rule}" ran longer than {budget} ms on this file and was stopped; the other rules still ran',
    },
  },
  'plugin-timeout': {
    severity: 'error',
    text: {
      zh: '插件「{plugin}」的{place}运行超过 {budget} 毫秒，已停止，此后不再执行；各行照常收录',
      en: 'Plugin "{plugin}": {place} ran longer than {budget} ms and was stopped for the rest of the run; the rows are still delivered',
    },
  },
  // Plugin rules
  'rule-crashed': {
    severity: 'error',
    text: { zh: '规则运行出错 {rule}: {reason}', en: 'Rule failed {rule}: {reason}' },
  },
} as const satisfies Record<string, MessageDefinition>;

export type MessageCode = keyof typeof messages;

/**
 * Parts of sentences, rendered like messages but never issue codes: what fills a `{reason}`,
 * `{source}`, `{format}` or `{hint}` slot. A producer puts `phrase(code, data)` in the data; the
 * renderer words it in the same language as the message around it.
 */
export const phrases = {
  /** Joins several phrases in one slot (a plugin's problems). */
  'list-separator': { zh: '；', en: '; ' },
  'did-you-mean': { zh: '，是否应为「{suggestion}」？', en: '; did you mean "{suggestion}"?' },
  // The 盖章件 column of the per-unit tables (consolidated workbook, web page).
  'stamp-column': { zh: '盖章件', en: 'Stamped copy' },
  'stamp-present': { zh: '有（{files}）', en: 'Yes ({files})' },
  'stamp-absent': { zh: '无', en: 'None' },
  // Why a file found in a folder was not read (report.json files[].note); not issues.
  'ignored-lock-file': {
    zh: '已忽略：Office/WPS 打开文件时生成的锁定文件',
    en: 'Ignored: a lock file Office or WPS leaves while a file is open',
  },
  'ignored-system-file': { zh: '已忽略：系统生成的文件', en: 'Ignored: a file the system made' },
  'ignored-hidden-file': { zh: '已忽略：隐藏文件', en: 'Ignored: a hidden file' },
  'ignored-temporary-file': { zh: '已忽略：临时文件或备份文件', en: 'Ignored: a temporary or backup file' },
  'ignored-other-type': {
    zh: '已忽略：不是报送文件的类型（{extension}）',
    en: 'Ignored: not a kind of file submissions come in ({extension})',
  },
  'ignored-special-file': {
    zh: '已忽略：不是普通文件（管道、设备或套接字）',
    en: 'Ignored: not a regular file (a pipe, device or socket)',
  },
  'ignored-folder-loop': {
    zh: '已忽略：链接指向已读过的文件夹（{target}），不再重复读取',
    en: 'Ignored: the link leads to a folder already read ({target}); not read twice',
  },
  'ignored-same-file': {
    zh: '已忽略：与「{target}」是同一个文件（链接）',
    en: 'Ignored: the same file as "{target}" (a link)',
  },
  // campaign-doc-number {reason}
  'doc-number-brackets': { zh: '年份须用六角括号〔〕', en: 'the year goes inside 〔〕 (U+3014/U+3015)' },
  'doc-number-shape': { zh: '格式应为 X字〔YYYY〕N号', en: 'must look like X字〔YYYY〕N号' },
  'doc-number-di': { zh: '序号前不加“第”', en: 'no 第 before the number' },
  'doc-number-leading-zero': { zh: '序号不编虚位（不加前导 0）', en: 'no leading zeros in the number' },
  'doc-number-year-digits': { zh: '年份须写全称（4 位）', en: 'the year must have four digits' },
  'doc-number-hao': { zh: '须以“号”结尾', en: 'must end with 号' },
  // file-too-large {reason}
  'file-larger-than': { zh: '文件大于 {megabytes} MB', en: 'larger than {megabytes} MB' },
  'rows-over': { zh: '超过 {max} 行', en: 'more than {max} rows' },
  'row-columns-over': { zh: '第 {row} 行超过 {max} 列', en: 'row {row} has more than {max} columns' },
  'row-cell-too-long': {
    zh: '第 {row} 行有单元格超过 {max} 个字符',
    en: 'row {row} has a cell longer than {max} characters',
  },
  'table-rows-over': { zh: '表格超过 {max} 行', en: 'a table has more than {max} rows' },
  'table-columns-over': { zh: '表格超过 {max} 列', en: 'a table has more than {max} columns' },
  'tables-over': { zh: '表格超过 {max} 个', en: 'more than {max} tables' },
  'cell-too-long': { zh: '有单元格超过 {max} 个字符', en: 'a cell is longer than {max} characters' },
  'sheet-cell-too-long': {
    zh: '工作表「{sheet}」的单元格 {cell} 超过 {max} 个字符',
    en: 'cell {cell} of sheet "{sheet}" is longer than {max} characters',
  },
  'sheet-rows-over': { zh: '工作表「{sheet}」超过 {max} 行', en: 'sheet "{sheet}" has more than {max} rows' },
  'sheet-columns-over': {
    zh: '工作表「{sheet}」超过 {max} 列',
    en: 'sheet "{sheet}" has more than {max} columns',
  },
  'sheets-over': { zh: '工作表超过 {max} 个', en: 'more than {max} worksheets' },
  'xml-text-too-long': {
    zh: '{part} 中有一段文字超过 {max} 个字符（可能是压缩炸弹）',
    en: 'a text in {part} is longer than {max} characters (possibly a zip bomb)',
  },
  'zip-bomb': {
    zh: '解压后的内容超过上限（可能是压缩炸弹）',
    en: 'the unpacked content exceeds the limit (possibly a zip bomb)',
  },
  // file-unreadable {reason}
  'no-content': { zh: '文件没有内容', en: 'the file has no content' },
  'no-such-file': { zh: '文件不存在', en: 'no such file' },
  'disk-full': { zh: '磁盘空间不足', en: 'the disk is full' },
  'no-write-permission': { zh: '没有写入权限', en: 'no permission to write there' },
  'read-only-folder': { zh: '所在磁盘只读', en: 'the disk is read-only' },
  'symlink-loop': {
    zh: '链接互相指向、形成循环，找不到实际文件',
    en: 'the links point at each other in a loop; there is no file behind them',
  },
  'permission-denied': { zh: '没有读取权限', en: 'permission denied' },
  'is-folder': { zh: '这是一个文件夹', en: 'this is a folder' },
  'page-worker-stopped': {
    zh: '读取此文件时网页的工作线程意外停止（可能内存不足），已跳过此文件；请检查文件或用命令行 jianshen 汇总',
    en: "the page's worker stopped while reading this file (perhaps out of memory); the file was skipped: check it or aggregate it with the jianshen CLI",
  },
  'docx-no-document': {
    zh: '不是有效的 Word 文档（缺少 document.xml）',
    en: 'not a valid Word document (no document.xml)',
  },
  'ods-no-content': {
    zh: '不是有效的 OpenDocument 表格（缺少 content.xml）',
    en: 'not a valid OpenDocument spreadsheet (no content.xml)',
  },
  'xlsx-no-workbook': {
    zh: '不是有效的 Excel 工作簿（缺少 workbook.xml）',
    en: 'not a valid workbook (no workbook.xml)',
  },
  'sheet-part-missing': { zh: '缺少工作表 {sheet}（{part}）', en: 'worksheet {sheet} is missing ({part})' },
  'xml-invalid': { zh: '{part} 的 XML 有误：{reason}', en: 'invalid XML in {part}: {reason}' },
  'zip-no-directory': {
    zh: '文件不完整或已损坏（zip 结构缺失），请重新保存后报送',
    en: 'the file is truncated or corrupt (no zip directory)',
  },
  'zip64-unsupported': { zh: '不支持 ZIP64 格式的文件', en: 'ZIP64 files are not supported' },
  'zip-directory-out-of-range': {
    zh: '文件不完整或已损坏（zip 目录越界）',
    en: 'the file is truncated or corrupt (zip directory out of range)',
  },
  'zip-bad-directory-entry': {
    zh: '文件已损坏（zip 目录项无效）',
    en: 'the file is corrupt (bad zip directory entry)',
  },
  'zip-cannot-inflate': {
    zh: '文件已损坏（{entry} 无法解压）',
    en: 'the file is corrupt ({entry} cannot be inflated)',
  },
  'zip-encrypted': { zh: '压缩包内容已加密', en: 'the zip content is encrypted' },
  'zip-bad-entry': { zh: '文件已损坏（{entry} 无效）', en: 'the file is corrupt (bad entry {entry})' },
  'zip-truncated': { zh: '文件不完整（内容被截断）', en: 'the file is truncated' },
  'zip-method-unsupported': {
    zh: '不支持的压缩方式 {method}',
    en: 'unsupported compression method {method}',
  },
  // file-unsupported {format}
  'format-legacy-doc': { zh: '旧版 Word .doc', en: 'legacy Word .doc' },
  'format-binary': { zh: '二进制文件', en: 'binary' },
  'format-html': { zh: '网页/XML 格式', en: 'HTML/XML' },
  // template-mismatch {reason}
  'template-other-campaign': {
    zh: '属于另一活动（{campaign}）',
    en: 'belongs to another campaign ({campaign})',
  },
  'template-columns-changed': {
    zh: '生成后活动的列已变更',
    en: 'was made before the campaign’s columns changed',
  },
  'template-newer-version': { zh: '由更新版本的工具生成', en: 'was made by a newer version of the kit' },
  // unit-inferred {source}
  'unit-source-title': { zh: '表格标题', en: 'table title' },
  'unit-source-sheet-name': { zh: '工作表名称', en: 'sheet name' },
  // duplicate-row {other}
  'file-row': { zh: '{path} 第 {row} 行', en: '{path} row {row}' },
  // plugin-not-found, plugin-conflict, plugin-invalid {reason}
  'plugin-load-timeout': {
    zh: '{seconds} 秒内未加载完成（模块或工厂函数一直没有返回）',
    en: 'did not finish loading within {seconds} s (the module or its factory never returned)',
  },
  'plugin-needs-loader': {
    zh: '在浏览器中请直接传入插件对象，或在 Node 中使用 loadCampaign',
    en: 'pass plugin objects in browsers, or use loadCampaign in Node',
  },
  'plugin-twice': { zh: '{plugin} ×2', en: '{plugin} ×2' },
  'plugin-column-taken': {
    zh: '插件 {plugin} 添加的列「{label}」({key}) 已由 {owner} 定义',
    en: 'plugin {plugin} adds column "{label}" ({key}), already defined by {owner}',
  },
  'owner-core': { zh: '内置列', en: 'the built-in columns' },
  'owner-plugin': { zh: '插件 {plugin}', en: 'plugin {plugin}' },
  'rule-twice': { zh: '规则 {rule} 重复定义', en: 'rule {rule} is defined twice' },
  'summary-twice': {
    zh: '插件 {plugin} 和 {other} 都定义了汇总「{summary}」',
    en: 'plugins {plugin} and {other} both define summary "{summary}"',
  },
  'assessment-column-twice': {
    zh: '插件 {plugin} 和 {other} 都定义了考核列「{key}」',
    en: 'plugins {plugin} and {other} both define assessment column "{key}"',
  },
  'plugin-not-a-plugin': {
    zh: '插件模块须默认导出 definePlugin() 的结果',
    en: 'the module must default-export a plugin',
  },
  'plugin-no-name': { zh: '缺少 name', en: 'missing name' },
  'plugin-fields-not-array': { zh: 'fields 须为数组', en: 'fields must be an array' },
  'plugin-field-key': {
    zh: 'fields[{index}].key 须为英文标识符',
    en: 'fields[{index}].key must be an identifier',
  },
  'plugin-field-label': { zh: 'fields[{index}] 缺少 label', en: 'fields[{index}] has no label' },
  'plugin-field-schema': {
    zh: 'fields[{index}].schema 须为 zod 模式',
    en: 'fields[{index}].schema must be a zod schema',
  },
  'plugin-rules-not-object': { zh: 'rules 须为对象', en: 'rules must be an object' },
  'plugin-rule-shape': {
    zh: '规则 {rule} 须有 meta.messages 和 create()',
    en: 'rule {rule} needs meta.messages and create()',
  },
  'plugin-summaries-not-array': { zh: 'summaries 须为数组', en: 'summaries must be an array' },
  'plugin-summary-id': { zh: 'summaries[{index}] 缺少 id', en: 'summaries[{index}] has no id' },
  // campaign-syntax {reason}: the YAML parser's error codes in words a clerk recognises
  'yaml-bad-indent': {
    zh: '缩进不对，或缺少闭合的括号',
    en: 'wrong indentation, or a closing bracket is missing',
  },
  'yaml-tab-as-indent': { zh: '用了制表符缩进，请改用空格', en: 'a tab is used for indentation; use spaces' },
  'yaml-duplicate-key': { zh: '同一项写了两次', en: 'the same setting appears twice' },
  'yaml-missing-char': { zh: '缺少配对的括号或引号', en: 'a closing bracket or quote is missing' },
  'yaml-block-as-implicit-key': {
    zh: '一行中出现了两个“名称: 值”，值中含冒号时请加引号',
    en: 'two "key: value" pairs on one line; quote a value that contains a colon',
  },
  'yaml-multiline-implicit-key': {
    zh: '一项的名称跨了多行（可能缺少冒号）',
    en: 'a key spans several lines (a colon may be missing)',
  },
  'yaml-bad-scalar-start': {
    zh: '值不能以这个字符开头，请加引号',
    en: 'a value cannot start with this character; quote it',
  },
  'yaml-unexpected-token': { zh: '出现了意外的符号', en: 'an unexpected character' },
  'yaml-block-in-flow': { zh: '方括号或花括号中不能换行写列表', en: 'a block collection inside brackets' },
  /** Ends an output cell cut to Excel's 32,767-character limit. */
  // plugin-failed {place}
  'plugin-place-group-by': { zh: '汇总「{id}」的分组（groupBy）', en: 'the groupBy of summary "{id}"' },
  'plugin-place-total': { zh: '合计「{id}」的取值（value）', en: 'the value of total "{id}"' },
  'total-not-number': { zh: '返回的不是数字', en: 'it did not return a number' },
  'group-by-not-groups': {
    zh: '返回的不是分组名（字符串）或分组名的数组',
    en: 'it returned neither a group name (a string) nor an array of group names',
  },
  'plugin-place-load': { zh: '加载时', en: 'loading' },
  // input-not-regular {kind}: what a path named on the command line is instead of a file or folder
  'input-kind-fifo': { zh: '命名管道', en: 'named pipe' },
  'input-kind-character-device': { zh: '字符设备', en: 'character device' },
  'input-kind-block-device': { zh: '块设备', en: 'block device' },
  'input-kind-socket': { zh: '套接字', en: 'socket' },
  'plugin-place-rule': { zh: '规则「{id}」', en: 'rule "{id}"' },
  'plugin-place-field': { zh: '列「{id}」的校验（schema）', en: 'the schema of column "{id}"' },
  'cell-truncated-marker': { zh: '…〔超出单元格上限，已截断〕', en: '… [cut at the cell limit]' },
} as const satisfies Record<string, LocalizedText>;

export type PhraseCode = keyof typeof phrases;

export function isMessageCode(code: string): code is MessageCode {
  return Object.hasOwn(messages, code);
}

/** The severity the catalogue gives a built-in code. */
export function severityOf(code: MessageCode): Severity {
  return messages[code].severity;
}
