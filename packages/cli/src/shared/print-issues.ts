import type { Lang, RenderedIssue } from '@jianshen/schema';
import { cliTexts } from './cli-text.js';

/** One line per issue, like a compiler: `file [sheet] 第 N 行 字段: 消息` (the report renders the message). */
export function formatIssueLine(issue: RenderedIssue, lang: Lang): string {
  const say = cliTexts(lang);
  const where = [
    issue.path,
    issue.sheet ? `[${issue.sheet}]` : '',
    issue.row !== undefined ? say('rowAt', { row: issue.row }) : '',
    issue.field ?? '',
  ]
    .filter(Boolean)
    .join(' ');
  return `${where}: ${say(issue.severity)} ${issue.message} (${issue.code})`;
}
