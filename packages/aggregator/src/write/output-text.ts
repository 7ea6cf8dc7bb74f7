import { defineTexts, type TextOf } from '@jianshen/schema';

/**
 * The outputs' own words (sheet names, headers, statuses), Chinese first. Issue messages are not
 * here: the report renders them from the schema's catalogue.
 */
export const outputText = defineTexts({
  consolidatedSheet: { zh: '汇总表', en: 'Consolidated' },
  total: { zh: '合计', en: 'Total' },
  activities: { zh: '活动数', en: 'Activities' },
  lateOn: { zh: '逾期报送（{date}）', en: 'late ({date})' },
  notSubmitted: { zh: '未报送', en: 'not submitted' },
  byUnitSheet: { zh: '按单位', en: 'By unit' },
  byModeSheet: { zh: '按举办方式', en: 'By mode' },
  byMonthSheet: { zh: '按月份', en: 'By month' },
  byDimensionSheet: { zh: '按{dimension}', en: 'By {dimension}' },
  byUnitTitle: { zh: '{title}（按单位）', en: '{title} (by unit)' },
  byModeTitle: { zh: '{title}（按举办方式）', en: '{title} (by mode)' },
  byMonthTitle: { zh: '{title}（按月份）', en: '{title} (by month)' },
  byDimensionTitle: { zh: '{title}（按{dimension}）', en: '{title} (by {dimension})' },
  unit: { zh: '报送单位', en: 'Unit' },
  files: { zh: '报送文件数', en: 'Files' },
  status: { zh: '情况', en: 'Status' },
  mode: { zh: '举办方式', en: 'Mode' },
  month: { zh: '月份', en: 'Month' },
  monthLabel: { zh: '{year}年{month}月', en: '{iso}' },
  expectedUnits: { zh: '应报单位', en: 'Expected units' },
  error: { zh: '错误', en: 'error' },
  warning: { zh: '警告', en: 'warning' },
  file: { zh: '文件', en: 'File' },
  sheet: { zh: '工作表', en: 'Sheet' },
  row: { zh: '行', en: 'Row' },
  column: { zh: '列', en: 'Column' },
  valueAsTyped: { zh: '填写内容', en: 'Value as typed' },
  level: { zh: '级别', en: 'Level' },
  message: { zh: '问题', en: 'Message' },
  code: { zh: '代码', en: 'Code' },
  issuesSheet: { zh: '问题清单', en: 'Issues' },
  returnOpinionTitle: { zh: '{unit}：{title}退回意见', en: '{unit}：{title} — return opinion' },
  returnOpinionRequest: {
    zh: '共 {count} 处错误，请逐行修改后于 {deadline} 前重新报送；右侧为原表该行的内容。',
    en: 'Errors: {count}. Please correct each row and send the table again by {deadline}; the row as sent is on the right.',
  },
  returnOpinionSheet: { zh: '退回意见', en: 'Return opinion' },
  returnOpinionFile: { zh: '{unit}退回意见', en: '{unit} return opinion' },
  // File names (report.json keeps its name in both languages)
  workbookFile: { zh: '{title}（汇总）.xlsx', en: 'consolidated.xlsx' },
  issuesXlsxFile: { zh: '问题清单.xlsx', en: 'issues.xlsx' },
  issuesCsvFile: { zh: '问题清单.csv', en: 'issues.csv' },
  returnsFile: { zh: '退回意见.zip', en: 'returns.zip' },
});

export type OutputSays = TextOf<typeof outputText>;
