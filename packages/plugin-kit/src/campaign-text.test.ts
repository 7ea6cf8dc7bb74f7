import { CampaignError, renderIssue } from '@jianshen/schema';
import { describe, expect, it } from 'vitest';
import { parseCampaignText } from './campaign-text.js';

function syntaxError(text: string, path: string, lang: 'zh' | 'en' = 'zh') {
  try {
    parseCampaignText(text, { path });
  } catch (error) {
    if (error instanceof CampaignError)
      return { issues: error.issues.map((issue) => renderIssue(issue, lang)) };
    throw error;
  }
  throw new Error('parsed without an error');
}

describe('parseCampaignText', () => {
  it('reads YAML and JSON', () => {
    expect(parseCampaignText('id: x\nrows: 3\n', { path: 'c.yaml' })).toEqual({ id: 'x', rows: 3 });
    expect(parseCampaignText('\uFEFF{"id":"x"}', { path: 'c.json' })).toEqual({ id: 'x' });
  });

  it.each([
    [
      'an unclosed bracket',
      'id: x\ntitle: [unclosed\n',
      3,
      1,
      '缩进不对，或缺少闭合的括号',
      'wrong indentation, or a closing bracket is missing',
    ],
    ['a setting written twice', 'id: x\nid: y\n', 2, 1, '同一项写了两次', 'the same setting appears twice'],
    [
      'a tab for indentation',
      'issuer:\n\tname: x\n',
      2,
      1,
      '用了制表符缩进，请改用空格',
      'a tab is used for indentation; use spaces',
    ],
  ])('words %s as one line with its line and column, in either language', (_, text, line, column, zh, en) => {
    const chinese = syntaxError(text, 'c.yaml');
    expect(chinese.issues).toEqual([
      expect.objectContaining({
        path: 'c.yaml',
        code: 'campaign-syntax',
        severity: 'error',
        message: `活动配置文件第 ${line} 行第 ${column} 列有语法错误：${zh}`,
      }),
    ]);
    expect(syntaxError(text, 'c.yaml', 'en').issues[0]?.message).toBe(
      `Syntax error in the campaign file at line ${line}, column ${column}: ${en}`,
    );
  });

  it('keeps the parser sentence, without its excerpt, for rarer mistakes', () => {
    const message = syntaxError('id: x\ntitle: "a\\q"\n', 'c.yaml', 'en').issues[0]?.message ?? '';
    expect(message).toBe(
      'Syntax error in the campaign file at line 2, column 10: Invalid escape sequence \\q',
    );
  });

  it('finds the line of a JSON syntax error', () => {
    const message = syntaxError('{\n  "id": "x",\n  "title": "abc\n}\n', 'c.json').issues[0]?.message ?? '';
    expect(message).toBe('活动配置文件第 5 行第 1 列有语法错误：缺少配对的括号或引号');
  });
});
