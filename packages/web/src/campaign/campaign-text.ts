import { defineTexts, type Lang, textsIn } from '@jianshen/schema';

/** The 活动 part's own words. Validation messages are not here: they come from the schema. */
const campaignText = defineTexts({
  heading: { zh: '活动配置与通知', en: 'Campaign and notice' },
  intro: {
    zh: '从临汾市 2024 年活动开始，或打开本市的活动配置文件（.yaml / .json），逐项改为本次活动的内容，再下载通知和统计表模板。',
    en: 'Start from the Linfen 2024 campaign or open your own campaign file (.yaml / .json), edit it for this year, then download the notice and the table template.',
  },
  campaignFile: { zh: '活动配置', en: 'Campaign file' },
  campaignFileHint: {
    zh: '选择 .yaml、.yml 或 .json 文件；文件只在本机读取，不会上传。',
    en: 'A .yaml, .yml or .json file; it is read on this computer and never uploaded.',
  },
  loadedFrom: { zh: '当前活动：', en: 'Current campaign: ' },
  builtIn: { zh: '内置：临汾市 2024 年全民健身志愿服务活动', en: 'built-in: Linfen 2024' },
  resetBuiltIn: { zh: '恢复为临汾 2024 示例', en: 'Back to the Linfen 2024 example' },
  sectionIssuer: { zh: '发文', en: 'Issuing' },
  sectionBody: { zh: '正文', en: 'Body' },
  sectionContacts: { zh: '联系人', en: 'Contacts' },
  sectionSchedule: { zh: '时间与报送', en: 'Dates and returns' },
  sectionPlugins: { zh: '插件（统计表附加列）', en: 'Plugins (extra table columns)' },
  sectionDownloads: { zh: '下载', en: 'Downloads' },
  id: { zh: '活动标识', en: 'Campaign id' },
  idHint: {
    zh: '小写字母、数字和连字符，写入模板供汇总识别，如 linfen-2025-fitness-volunteer',
    en: 'Lowercase letters, digits and hyphens; written into templates, e.g. linfen-2025-fitness-volunteer',
  },
  issuerName: { zh: '发文机关', en: 'Issuer' },
  issuerMark: { zh: '发文机关标志', en: 'Issuer mark' },
  issuerMarkHint: { zh: '版头红字，如 临汾市体育局文件', en: 'The red masthead, e.g. 临汾市体育局文件' },
  areaCode: { zh: '电话区号', en: 'Area code' },
  areaCodeHint: {
    zh: '补全未写区号的固定电话，如 0357（可不填）',
    en: 'Added to landlines written without one, e.g. 0357 (optional)',
  },
  docNumber: { zh: '发文字号', en: 'Document number' },
  docNumberHint: { zh: '如 临体字〔2025〕12号（六角括号，序号不加 0）', en: 'e.g. 临体字〔2025〕12号' },
  title: { zh: '标题', en: 'Title' },
  recipients: { zh: '主送机关', en: 'Recipients' },
  recipientsHint: { zh: '以全角冒号结尾', en: 'Ends with a full-width colon (：)' },
  body: { zh: '正文', en: 'Body text' },
  bodyConventionTitle: { zh: '正文写法', en: 'How to write the body' },
  tableTitle: { zh: '统计表标题', en: 'Table title' },
  contactUnit: { zh: '单位', en: 'Unit' },
  contactName: { zh: '姓名', en: 'Name' },
  contactPhone: { zh: '电话', en: 'Phone' },
  contactRemove: { zh: '删除', en: 'Remove' },
  contactAdd: { zh: '添加联系人', en: 'Add a contact' },
  contactEmail: { zh: '电子邮箱', en: 'Email' },
  contactPerson: { zh: '联系人', en: 'Contact' },
  periodStart: { zh: '活动期间（开始）', en: 'Period start' },
  periodEnd: { zh: '活动期间（结束）', en: 'Period end' },
  periodHint: {
    zh: '举办时间超出活动期间的行会得到提示',
    en: 'Rows dated outside the period are flagged',
  },
  deadline: { zh: '截止日期', en: 'Deadline' },
  deadlineHint: { zh: '报送截止日期，晚于此日期报送的单位记为逾期', en: 'Returns after this day are late' },
  submitTo: { zh: '报送至', en: 'Returned to' },
  expectedUnits: { zh: '应报送单位', en: 'Expected units' },
  expectedUnitsHint: {
    zh: '每行一个县（市、区），用于统计未报送单位',
    en: 'One county or district per line; used to list who has not returned',
  },
  pluginsHint: {
    zh: '勾选后，统计表增加相应的列，汇总时检查并合计。',
    en: 'Each adds columns to the table, checked and totalled when aggregating.',
  },
  filePluginNotice: {
    zh: '本活动配置还使用了以下插件。插件文件只能在命令行（jianshen CLI）中运行，网页不能加载它们：网页生成的通知、模板和汇总不含这些插件的列、段落和检查。其余功能照常可用；完整结果请用命令行生成。',
    en: 'This campaign also names the plugins below. File plugins run in the CLI only: the page cannot load them, so the notice, templates and aggregation made here leave out their columns, sections and checks. Everything else works; use the CLI for the full result.',
  },
  filePluginShort: {
    zh: '以下插件文件只能在命令行（jianshen CLI）中运行，网页中不加载：',
    en: 'These plugin files run in the CLI only; the page does not load them:',
  },
  fileNotOpened: {
    zh: '未能打开 {name}（表单保持原样）：',
    en: 'Could not open {name} (the form is unchanged):',
  },
  otherIssues: { zh: '活动配置中的其他问题', en: 'Other problems in the campaign' },
  valid: { zh: '活动配置有效。', en: 'The campaign is valid.' },
  invalid: {
    zh: '活动配置有 {count} 处错误，改正后才能生成通知和模板。',
    en: 'The campaign has {count} problem(s); fix them to make the notice and templates.',
  },
  downloadCampaign: { zh: '下载活动配置', en: 'Download campaign file' },
  downloadNotice: { zh: '下载通知', en: 'Download notice' },
  downloadTemplate: { zh: '下载统计表模板', en: 'Download table template' },
  downloadTemplateDocx: { zh: '下载统计表模板（Word）', en: 'Download table template (Word)' },
  downloadsHint: {
    zh: '活动配置为带注释的 YAML（与 jianshen init 生成的格式相同）；通知符合 GB/T 9704-2012；统计表模板为带下拉列表和数据验证的 Excel 文件，另有 Word 版。',
    en: 'The campaign file is commented YAML (as jianshen init writes); the notice follows GB/T 9704-2012; the template is an Excel file with drop-downs and validation, with a Word twin.',
  },
  making: { zh: '正在生成 {name}……', en: 'Making {name}…' },
  made: { zh: '已生成 {name}。', en: '{name} is ready.' },
  failed: { zh: '生成失败：{reason}', en: 'Could not make the document: {reason}' },
});

export type CampaignTextKey = keyof typeof campaignText;

/** A string of the 活动 part in `lang`, `{name}` placeholders filled from `values`. */
export function campaignSays(
  lang: Lang,
  key: CampaignTextKey,
  values: Readonly<Record<string, string | number>> = {},
): string {
  return textsIn(campaignText, lang)(key, values);
}

/** How the body text is written, a list of lines in each language (shown under the body field). */
const bodyConvention: Readonly<Record<Lang, readonly string[]>> = {
  zh: [
    '一行为一段，空行不计。',
    '“# ”开头为一级标题（自动编号 一、），“## ”二级（（一）），“### ”三级（1.），“#### ”四级（（1））；编号不用输入。',
    '标题行中“｜”后的文字与标题同段，如：## 开展志愿服务活动。｜组织社会体育指导员……',
    '标题下的段落属于该标题；单独一行“#”表示结束所有标题，其后的段落（如结尾的报送要求）不属于任何标题。',
  ],
  en: [
    'One line is one paragraph; blank lines are ignored.',
    '"# " starts a level-1 heading (numbered 一、), "## " level 2 (（一）), "### " level 3 (1.), "#### " level 4 (（1）); numbers are added for you.',
    'Text after "｜" on a heading line continues that heading\'s paragraph.',
    'Paragraphs belong to the heading above; a line with only "#" ends all headings, so what follows (such as the closing request) stands alone.',
  ],
};

export function bodyConventionLines(lang: Lang): readonly string[] {
  return bodyConvention[lang];
}
