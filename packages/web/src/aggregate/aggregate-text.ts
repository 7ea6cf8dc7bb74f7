import { defineTexts, type Lang, textsIn } from '@jianshen/schema';

/**
 * The 汇总 part's own words. Issue messages are not here: the worker renders them from the
 * schema's catalogue in the chosen language, as the CLI does.
 */
const aggregateText = defineTexts({
  heading: { zh: '汇总各单位报送', en: "Aggregate the units' submissions" },
  listSeparator: { zh: '、', en: ', ' },
  intro: {
    zh: '选择各单位交回的统计表（.xlsx、.xls、.et、.ods、.csv、.docx 等）和盖章件（PDF、图片），可多选，也可选整个文件夹或拖放到本页。检查立即开始，文件只在本机读取，不会上传。',
    en: 'Choose the tables the units sent back (.xlsx, .xls, .et, .ods, .csv, .docx …) and their stamped copies (PDF, pictures): several files, a whole folder, or drop them on this page. Checking starts at once; files are read on this computer only, never uploaded.',
  },
  files: { zh: '报送文件', en: '报送文件 (submission files)' },
  folder: { zh: '选择整个文件夹', en: 'A whole folder' },
  submittedOn: { zh: '报送日期', en: '报送日期 (submitted on)' },
  submittedOnHint: {
    zh: '可选。填写后所有文件都按此日期判断是否逾期（同命令行 --submitted-on）；不填则用各文件的修改时间。',
    en: "Optional. Every file counts as submitted on this day (like the CLI's --submitted-on); empty: each file's modified time.",
  },
  dropHint: {
    zh: '也可以把文件或文件夹拖放到本页任意位置。',
    en: 'You can also drop files or folders anywhere on this page.',
  },
  chosen: { zh: '已选择 {count} 个文件', en: '{count} files chosen' },
  clear: { zh: '清除所选文件', en: 'Clear the chosen files' },
  progressLabel: { zh: '汇总进度', en: 'Aggregation progress' },
  running: { zh: '正在检查 {done}/{total}：{path}', en: 'Checking {done}/{total}: {path}' },
  finishing: { zh: '正在汇总 {total} 个文件的结果……', en: 'Merging the results of {total} files…' },
  starting: { zh: '正在启动……', en: 'Starting…' },
  summary: {
    zh: '{files} 个文件（盖章件 {stamps}，已忽略 {ignored}），读取 {read} 行，有效 {accepted} 行，退回 {rejected} 行，重复 {duplicate} 行；{errors} 个错误，{warnings} 个警告。',
    en: '{files} files ({stamps} stamped copies, {ignored} ignored), {read} rows read, {accepted} accepted, {rejected} rejected, {duplicate} duplicates; {errors} errors, {warnings} warnings.',
  },
  unitsCaption: { zh: '各单位报送情况', en: '各单位报送情况 (submissions by unit)' },
  unit: { zh: '单位', en: 'Unit' },
  status: { zh: '状态', en: 'Status' },
  unitFiles: { zh: '文件', en: 'Files' },
  rowsAccepted: { zh: '有效行', en: 'Rows accepted' },
  rowsRejected: { zh: '退回行', en: 'Rows rejected' },
  errors: { zh: '错误', en: 'Errors' },
  warnings: { zh: '警告', en: 'Warnings' },
  lateOn: { zh: '（{date} 报送）', en: ' (sent {date})' },
  notExpected: { zh: '（不在应报送单位中）', en: ' (not an expected unit)' },
  stampAlt: { zh: '盖章件 {name} 的缩略图', en: 'Thumbnail of the stamped copy {name}' },
  stampNone: { zh: '无', en: 'None' },
  issuesCaption: { zh: '问题清单', en: '问题清单 (issues)' },
  filterUnit: { zh: '按单位筛选', en: 'Filter by unit' },
  filterSeverity: { zh: '按级别筛选', en: 'Filter by level' },
  allUnits: { zh: '全部单位', en: 'All units' },
  allSeverities: { zh: '全部级别', en: 'All levels' },
  severityError: { zh: '错误', en: 'Error' },
  severityWarning: { zh: '警告', en: 'Warning' },
  file: { zh: '文件', en: 'File' },
  sheet: { zh: '工作表', en: 'Sheet' },
  row: { zh: '行', en: 'Row' },
  field: { zh: '列', en: 'Column' },
  message: { zh: '问题', en: 'Message' },
  level: { zh: '级别', en: 'Level' },
  show: { zh: '查看', en: 'Show' },
  showRow: { zh: '查看 {path} 第 {row} 行', en: 'Show {path} row {row}' },
  shownIssues: {
    zh: '显示 {shown} / {total} 条；完整清单请下载问题清单。',
    en: 'Showing {shown} of {total}; download the issues list for all of them.',
  },
  noIssues: { zh: '没有问题。', en: 'No issues.' },
  previewHeading: { zh: '{path} · {sheet} · 第 {row} 行', en: '{path} · {sheet} · row {row}' },
  previewHint: {
    zh: '标黄的单元格是问题所在的列；上方为表头，前后各显示两行。',
    en: 'The highlighted cell is the column at fault; the header is on top, two rows shown either side.',
  },
  rowNumber: { zh: '行号', en: 'Row number' },
  previewCaption: { zh: '报送文件中的该行', en: 'The row in the submission' },
  previewFailed: { zh: '无法显示此行：{reason}', en: 'Cannot show this row: {reason}' },
  previewLoading: { zh: '正在读取该行……', en: 'Reading the row…' },
  downloads: { zh: '下载结果', en: 'Downloads' },
  downloadWorkbook: { zh: '下载汇总工作簿', en: '下载汇总工作簿 (consolidated workbook)' },
  downloadIssues: { zh: '下载问题清单', en: '下载问题清单 (issues list)' },
  downloadReport: { zh: '下载 report.json', en: '下载 report.json' },
  downloadReturns: { zh: '下载退回意见', en: '下载退回意见 (return opinions)' },
  downloadsHint: {
    zh: '汇总工作簿、问题清单和 report.json 与命令行 jianshen aggregate 的输出相同；退回意见为每个有错误的单位一份 .xlsx，打包为 .zip。',
    en: 'The workbook, issues list and report.json are what jianshen aggregate writes; the return opinions are one .xlsx per unit with errors, in one .zip.',
  },
  making: { zh: '正在生成 {name}……', en: 'Making {name}…' },
  made: { zh: '已生成 {name}。', en: '{name} is ready.' },
  messageCut: {
    zh: '……（共 {length} 个字符，全文见下载的问题清单和 report.json）',
    en: '… ({length} characters; the downloaded issues list and report.json have it whole)',
  },
  madeWithCuts: {
    zh: '已生成 {name}。其中 {count} 个单元格超过 Excel 单元格上限（32,767 个字符），已截断并在末尾注明，已列入下方问题清单；完整内容见 report.json。',
    en: '{name} is ready. {count} of its cells were over Excel’s limit of 32,767 characters: they were cut (marked at their end) and are listed in the issues below; report.json has them whole.',
  },
  downloadFailed: { zh: '生成失败：{reason}', en: 'Could not make the file: {reason}' },
  campaignInvalid: {
    zh: '活动配置有误，请先在“活动”页修改：',
    en: 'The campaign has problems; fix them on the Campaign tab first:',
  },
  inputInvalid: { zh: '无法汇总：{reason}', en: 'Cannot aggregate: {reason}' },
  crashedFiles: {
    zh: '网页的工作线程在读取以下文件时停止（可能内存不足），这些文件已跳过并在问题清单中列为无法读取，其余文件的结果如下：{paths}',
    en: "The page's worker stopped while reading these files (perhaps out of memory); they were skipped and are listed as unreadable, the other files' results are below: {paths}",
  },
  workerStopped: {
    zh: '汇总时网页的工作线程停止（{reason}）。请分批选择文件，或用命令行 jianshen 汇总。',
    en: "The page's worker stopped while aggregating ({reason}). Choose fewer files at a time, or aggregate with the jianshen CLI.",
  },
});

export type AggregateTextKey = keyof typeof aggregateText;

/** A phrase of the 汇总 part, with {placeholders} filled. */
export function aggregateSays(
  lang: Lang,
  key: AggregateTextKey,
  values: Readonly<Record<string, string | number>> = {},
): string {
  return textsIn(aggregateText, lang)(key, values);
}
