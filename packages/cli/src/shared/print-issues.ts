import type { Lang, RenderedIssue } from '@jianshen/schema';

/** One line per issue, like a compiler: `file [sheet] 第 N 行 字段: 消息` (the report renders the message). */
export function formatIssueLine(issue: RenderedIssue, lang: Lang): string {
  const where = [
    issue.path,
    issue.sheet ? `[${issue.sheet}]` : '',
    issue.row !== undefined ? (lang === 'zh' ? `第 ${issue.row} 行` : `row ${issue.row}`) : '',
    issue.field ?? '',
  ]
    .filter(Boolean)
    .join(' ');
  const level =
    issue.severity === 'error' ? (lang === 'zh' ? '错误' : 'error') : lang === 'zh' ? '警告' : 'warning';
  return `${where}: ${level} ${issue.message} (${issue.code})`;
}
