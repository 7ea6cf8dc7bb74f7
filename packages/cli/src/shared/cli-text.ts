import { defineTexts, type Lang, type TextOf, textsIn } from '@jianshen/schema/texts';

/**
 * The CLI's own words, Chinese first: help, progress, results and usage errors. Issue messages
 * are not here: the report and schema's catalogue word them. Loaded at start-up, so it comes
 * from schema's zod-free `texts` entry.
 */
const cliText = defineTexts({
  // Help: Chinese help also shows the English, for mixed teams.
  programDescription: {
    zh: '健身 Jianshen Kit：生成通知与统计表模板，校验并汇总各单位报送 (Jianshen Kit: generate the notice and the table template, validate and aggregate submissions)',
    en: 'Jianshen Kit: generate the notice and the table template, validate and aggregate submissions',
  },
  versionOption: { zh: '显示版本号 (print the version)', en: 'print the version' },
  helpOption: { zh: '显示帮助 (show help)', en: 'show help' },
  campaignOption: {
    zh: '活动配置文件（YAML/JSON/TS），缺省为内置的临汾 2024 活动 (campaign file (YAML, JSON or TS); default: the built-in Linfen 2024 campaign)',
    en: 'campaign file (YAML, JSON or TS); default: the built-in Linfen 2024 campaign',
  },
  langOption: { zh: '消息语言 (message language)', en: 'message language' },
  debugOption: { zh: '出错时显示调用栈 (print stack traces on errors)', en: 'print stack traces on errors' },
  aggregateDescription: {
    zh: '汇总各单位报送：合并工作簿、问题清单、report.json 和上报报告 (merge submissions into a consolidated workbook, an issues list, report.json and the upward report)',
    en: 'merge submissions into a consolidated workbook, an issues list, report.json and the upward report',
  },
  aggregateInputs: { zh: '报送文件或目录 (submission files or folders)', en: 'submission files or folders' },
  aggregateOut: { zh: '输出目录 (output folder)', en: 'output folder' },
  replaceOption: {
    zh: '同一单位较新的文件替换较早的文件 (a newer file from the same unit replaces the older one)',
    en: 'a newer file from the same unit replaces the older one',
  },
  submittedOnOption: {
    zh: '按此日期判断是否逾期（缺省用文件修改时间） (judge lateness by this date (default: file times))',
    en: 'judge lateness by this date (default: file times)',
  },
  ruleBudgetOption: {
    zh: '每条插件规则在每个文件上最多运行的毫秒数，超时即停止并报告（缺省 10000） (milliseconds each plugin rule may run on one file before it is stopped and reported; default 10000)',
    en: 'milliseconds each plugin rule may run on one file before it is stopped and reported (default 10000)',
  },
  maskPhoneOption: {
    zh: '在输出中隐去联系电话中间四位 (mask contact numbers in the outputs)',
    en: 'mask contact numbers in the outputs',
  },
  initDir: { zh: '目标目录 (target directory)', en: 'target directory' },
  initDescription: {
    zh: '为新的城市或活动生成 campaign.yaml（以临汾 2024 为范本） (write a starter campaign.yaml for a new city (from the Linfen 2024 example))',
    en: 'write a starter campaign.yaml for a new city (from the Linfen 2024 example)',
  },
  forceOption: {
    zh: '覆盖已有的 campaign.yaml (overwrite an existing campaign.yaml)',
    en: 'overwrite an existing campaign.yaml',
  },
  noticeDescription: {
    zh: '生成符合 GB/T 9704-2012 的通知 .docx（含附件统计表） (write the notice as .docx laid out to GB/T 9704-2012, with its attachment)',
    en: 'write the notice as .docx laid out to GB/T 9704-2012, with its attachment',
  },
  noticeOutput: { zh: '输出文件 (output file)', en: 'output file' },
  templateDescription: {
    zh: '生成统计表模板：.xlsx（带数据验证）或 .docx (write the table template: .xlsx with validation, or .docx)',
    en: 'write the table template: .xlsx with validation, or .docx',
  },
  templateOutput: {
    zh: '输出文件（.xlsx 或 .docx） (output file (.xlsx or .docx))',
    en: 'output file (.xlsx or .docx)',
  },
  rowsOption: {
    zh: '空白填报行数（默认取活动配置） (number of input rows (default: from the campaign))',
    en: 'number of input rows (default: from the campaign)',
  },
  validateDescription: {
    zh: '校验报送文件并列出问题（不写输出） (check submissions and list the issues (writes nothing))',
    en: 'check submissions and list the issues (writes nothing)',
  },
  validateInputs: {
    zh: '报送文件或目录（.xlsx .csv .docx） (submission files or folders (.xlsx .csv .docx))',
    en: 'submission files or folders (.xlsx .csv .docx)',
  },
  // Progress and results
  aggregating: { zh: '汇总', en: 'Aggregating' },
  checking: { zh: '校验', en: 'Checking' },
  aggregateDone: {
    zh: '汇总完成：{files} 个文件（数据 {data}，盖章件 {stamps}，已忽略 {ignored}），有效 {accepted} 行，退回 {rejected} 行，{errors} 个错误，{warnings} 个警告',
    en: 'Aggregated {files} files ({data} data, {stamps} stamped copies, {ignored} ignored): {accepted} rows accepted, {rejected} rejected, {errors} errors, {warnings} warnings',
  },
  validateDone: {
    zh: '{files} 个文件，读取 {read} 行，有效 {accepted} 行；{errors} 个错误，{warnings} 个警告',
    en: '{files} files, {read} rows read, {accepted} accepted; {errors} errors, {warnings} warnings',
  },
  initExists: {
    zh: '{target} 已存在；如需覆盖请加 --force',
    en: '{target} already exists; add --force to overwrite it',
  },
  initDone: {
    zh: '已生成 {shown}。请修改其中的发文机关、文号、正文和日期，然后运行 jianshen notice --campaign {shown}',
    en: 'Wrote {shown}. Edit the issuer, number, body and dates, then run jianshen notice --campaign {shown}',
  },
  noticeDone: { zh: '已生成通知：{shown}', en: 'Notice written: {shown}' },
  templateBadOutput: {
    zh: '输出文件须以 .xlsx 或 .docx 结尾：{output}',
    en: 'the output must end in .xlsx or .docx: {output}',
  },
  reportDescription: {
    zh: '由 report.json 重新生成上报省体育局的开展情况报告 .docx（含图表、考核表、汇总附件） (rebuild the upward report from report.json)',
    en: 'rebuild the upward report (.docx with charts, assessment and the consolidated table) from report.json',
  },
  reportJsonArgument: {
    zh: 'jianshen aggregate 写出的 report.json (report.json from jianshen aggregate)',
    en: 'report.json from jianshen aggregate',
  },
  reportOutput: {
    zh: '输出文件（缺省为报告标题.docx） (output file; default: the report title .docx)',
    en: 'output file (default: the report title .docx)',
  },
  reportJsonMissing: { zh: '找不到 report.json：{path}', en: 'no such report.json: {path}' },
  reportJsonNotJson: { zh: '{path} 不是 JSON', en: '{path} is not JSON' },
  reportDone: { zh: '已生成报告：{shown}', en: 'Report written: {shown}' },
  templateDone: { zh: '已生成模板：{shown}', en: 'Template written: {shown}' },
  // Issues, one per line
  rowAt: { zh: '第 {row} 行', en: 'row {row}' },
  error: { zh: '错误', en: 'error' },
  warning: { zh: '警告', en: 'warning' },
  // Usage errors
  errorPrefix: { zh: '错误：', en: 'Error: ' },
  listSeparator: { zh: '、', en: ', ' },
  inputsMissing: {
    zh: '找不到输入文件或目录：{list}（请检查路径和当前目录）',
    en: 'no such input file or folder: {list} (check the path and the current folder)',
  },
  ruleBudgetInvalid: {
    zh: '--rule-budget 的取值「{value}」不是正整数毫秒数，请写如 10000',
    en: '--rule-budget "{value}" is not a whole number of milliseconds; write it like 10000',
  },
  pluginLeftOut: {
    zh: '（该插件已略去，其余照常汇总）',
    en: '(that plugin is left out; the rest is aggregated as usual)',
  },
  submittedOnInvalid: {
    zh: '--submitted-on 的取值「{value}」不是日期，请写如 2024-05-27',
    en: '--submitted-on "{value}" is not a date; write it like 2024-05-27',
  },
  // commander's errors, by code; {0} and {1} are the values its message quotes
  'commander.missingArgument': { zh: '缺少必需的参数 {0}', en: 'missing required argument {0}' },
  'commander.optionMissingArgument': { zh: '选项 {0} 缺少取值', en: 'option {0} needs a value' },
  'commander.missingMandatoryOptionValue': {
    zh: '缺少必需的选项 {0}',
    en: 'required option {0} not specified',
  },
  'commander.unknownOption': { zh: '未知的选项 {0}', en: 'unknown option {0}' },
  'commander.unknownCommand': { zh: '未知的命令 {0}', en: 'unknown command {0}' },
  'commander.excessArguments': { zh: '参数过多', en: 'too many arguments' },
  'commander.invalidArgument': { zh: '选项 {0} 的取值 {1} 无效', en: 'option {0} value {1} is invalid' },
  'commander.conflictingOption': { zh: '{0} 不能与 {1} 同时使用', en: '{0} cannot be used with {1}' },
  helpHint: { zh: '运行 jianshen --help 查看用法', en: 'run jianshen --help for usage' },
  didYouMean: { zh: '是否要输入 {suggestion}？', en: 'did you mean {suggestion}?' },
  allowedChoices: { zh: '可选：', en: 'allowed: ' },
  usageReason: { zh: '（{reason}）', en: ' ({reason})' },
  usageLine: { zh: '{body}{extra}；{hint}', en: '{body}{extra}; {hint}' },
  // commander's help: headings and the "(required; choices …; default …)" after an option
  'Usage:': { zh: '用法 (Usage):', en: 'Usage:' },
  'Options:': { zh: '选项 (Options):', en: 'Options:' },
  'Arguments:': { zh: '参数 (Arguments):', en: 'Arguments:' },
  'Commands:': { zh: '命令 (Commands):', en: 'Commands:' },
  'Global Options:': { zh: '全局选项 (Global Options):', en: 'Global Options:' },
  required: { zh: '必填', en: 'required' },
  choices: { zh: '可选 {choices}', en: 'choices {choices}' },
  default: { zh: '缺省 {value}', en: 'default {value}' },
  detailsSeparator: { zh: '；', en: '; ' },
  details: { zh: '【{details}】', en: ' [{details}]' },
});

export type CliTextKey = keyof typeof cliText;

/** The catalogue in the CLI's language: `const say = cliTexts(lang); say('noticeDone', { shown })`. */
export function cliTexts(lang: Lang): TextOf<typeof cliText> {
  return textsIn(cliText, lang);
}

/** True for the texts of commander's own error codes and help headings. */
export function isCliTextKey(key: string): key is CliTextKey {
  return Object.hasOwn(cliText, key);
}
