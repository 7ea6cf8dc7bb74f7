import { defineTexts, type TextOf } from '@jianshen/schema';

/**
 * The template's own words (sheet names, labels, prompts, 填表说明), Chinese first. Read through
 * `textsIn(templateText, lang)` where the language is known.
 */
export const templateText = defineTexts({
  // Sheets
  tableSheet: { zh: '统计表', en: 'Table' },
  instructionsSheet: { zh: '填表说明', en: 'Instructions' },
  listsSheet: { zh: '下拉选项', en: 'Lists' },
  // Table sheet
  unitLine: { zh: '{unitLine}', en: 'Unit (with seal): ' },
  unitTitle: { zh: '单位名称', en: 'Unit' },
  unitPrompt: {
    zh: '在此填写本单位全称，打印后加盖公章。',
    en: 'Type the full name of your unit here; stamp the printed table.',
  },
  unitTooLong: { zh: '单位名称不超过 100 个字。', en: 'At most 100 characters.' },
  unitPromptList: {
    zh: '从下拉列表选择本单位，或填写单位全称，打印后加盖公章。',
    en: 'Pick your unit from the list or type its full name; stamp the printed table.',
  },
  pageFooter: { zh: '&C第 &P 页，共 &N 页', en: '&CPage &P of &N' },
  // Lists and sentences
  listSeparator: { zh: '、', en: ', ' },
  clauseSeparator: { zh: '；', en: '; ' },
  sentenceSeparator: { zh: '。', en: '. ' },
  // Column guidance
  required: { zh: '必填', en: 'Required' },
  optional: { zh: '选填', en: 'Optional' },
  errorTitle: { zh: '「{label}」填写有误', en: 'Check “{label}”' },
  sequenceRule: { zh: '正整数', en: 'a positive whole number' },
  sequenceError: {
    zh: '序号请填写正整数，也可以不填。',
    en: 'Enter a positive whole number, or leave it empty.',
  },
  choiceHint: { zh: '从下拉列表中选择', en: 'Pick from the list' },
  choiceRule: { zh: '只能选择：{listed}', en: 'one of: {listed}' },
  choiceError: { zh: '请从下拉列表中选择：{listed}。', en: 'Pick one of: {listed}.' },
  dateHint: {
    zh: '填写日期，如 {day}；多日活动写 {range}',
    en: 'A date such as {day}; several days as {range}',
  },
  dateRule: { zh: '活动时间为 {period}', en: 'the campaign runs {period}' },
  dateError: {
    zh: '请填写 {period} 之间的日期，如 {day}；多日活动写 {range}。确实如此可点“是”保留。',
    en: 'Enter a date from {period}, e.g. {day}, or a range such as {range}. Choose Yes to keep it anyway.',
  },
  phoneHint: {
    zh: '手机号或带区号的固定电话，如 13912345678 或 {area}-1234567；分机写“转801”，两个号码用“、”隔开',
    en: 'Mobile number, or landline with area code, e.g. {area}-1234567; extension as 转801; separate two numbers with 、',
  },
  phoneRule: {
    zh: '7 到 60 个字符，只含数字、空格、-、括号、“转”和分隔号码的“、”或 /',
    en: '7–60 characters: digits, spaces, -, brackets, 转, and 、 or / between numbers',
  },
  phoneError: {
    zh: '电话号码格式不对：{hint}。确实如此可点“是”保留。',
    en: 'This does not look like a phone number. {hint}. Choose Yes to keep it anyway.',
  },
  numberHint: { zh: '填写{rule}', en: 'Enter {rule}' },
  numberError: { zh: '请填写{rule}。', en: 'Enter {rule}.' },
  textRule: { zh: '不超过 {max} 个字', en: 'up to {max} characters' },
  textError: { zh: '「{label}」不能超过 {max} 个字。', en: '“{label}” takes at most {max} characters.' },
  // Number rules: 不小于 0 的整数 / a whole number ≥ 0
  wholeNumber: { zh: '整数', en: 'a whole number' },
  number: { zh: '数字', en: 'a number' },
  atLeast: { zh: '不小于 {value}', en: '≥ {value}' },
  above: { zh: '大于 {value}', en: '> {value}' },
  atMost: { zh: '不大于 {value}', en: '≤ {value}' },
  below: { zh: '小于 {value}', en: '< {value}' },
  boundsJoiner: { zh: ' 且', en: ' and ' },
  boundedNumber: { zh: '{bounds} 的{noun}', en: '{noun} {bounds}' },
  // Periods and days
  day: { zh: '{year}年{month}月{day}日', en: '{iso}' },
  period: { zh: '{start}至{end}', en: '{start} to {end}' },
  // 填表说明
  instructionsTitle: { zh: '填表说明', en: 'How to fill in the table' },
  columnHeading: { zh: '列名', en: 'Column' },
  requiredHeading: { zh: '是否必填', en: 'Required' },
  howHeading: { zh: '填写说明', en: 'How to fill it' },
  exampleHeading: { zh: '示例', en: 'Example' },
  requiredYes: { zh: '必填', en: 'Yes' },
  requiredNo: { zh: '选填', en: 'No' },
  hintWithRule: { zh: '{hint}（{rule}）', en: '{hint} ({rule})' },
  contactPeople: { zh: '联系人：{people}', en: 'contact: {people}' },
  contactPhone: { zh: '联系电话：{phone}', en: 'phone: {phone}' },
  contactEmail: { zh: '电子邮箱：{email}', en: 'e-mail: {email}' },
  contactAddress: { zh: '地址：{address}', en: 'address: {address}' },
  sendTo: { zh: '报送至{to}', en: 'Send the completed table to {to}' },
  sendAsNoticed: { zh: '按通知要求报送', en: 'Send the completed table' },
  noteDeadline: { zh: '一、报送时间：请于{deadline}前报送。', en: '1. Deadline: submit by {deadline}.' },
  noteSend: { zh: '二、报送方式：{send}。', en: '2. {send}.' },
  notePeriod: {
    zh: '三、统计范围：{period}举办的活动；不在此期间的，汇总时会提示核实。',
    en: '3. Period: activities held {period}; dates outside it are queried when the tables are merged.',
  },
  noteHowToFill: {
    zh: '四、填写方法：在「{sheet}」工作表第 {unitRow} 行填写单位名称，从第 {firstRow} 行起每行填写一项活动（共 {rows} 行）。行数不够时，在已有行中间插入行，插入的行保留下拉列表和校验。请勿修改、增删或调换表头各列。',
    en: "4. On sheet “{sheet}”, write your unit's name in row {unitRow} and one activity per row from row {firstRow} ({rows} rows). Need more? Insert rows between the existing ones: they keep the lists and checks. Do not change, add, remove or reorder the header columns.",
  },
  noteLists: {
    zh: '五、带下拉箭头的列请从列表中选择；选中单元格时会显示填写提示，填写不符合要求时 Excel 会提示。',
    en: '5. Columns with an arrow take a choice from the list. Selecting a cell shows how to fill it; Excel warns when an entry does not fit.',
  },
  noteFormat: {
    zh: '六、请直接保存本文件（.xlsx 格式）报送，不要另存为 .xls、.csv 或 PDF，也不要修改工作表名称。',
    en: '6. Save and send this file as .xlsx: not .xls, .csv or PDF, and keep the sheet names.',
  },
});

export type TemplateSays = TextOf<typeof templateText>;
