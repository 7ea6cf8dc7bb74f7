import { describe, expect, it } from 'vitest';
import { renderPhrase } from '../issues/render-issue.js';
import { explainDocNumber, parseDocNumber } from './doc-number.js';

describe('发文字号', () => {
  it.each([
    ['临体字〔2024〕44号', { agencyCode: '临体字', year: 2024, serial: 44 }],
    ['晋体群字〔2025〕3号', { agencyCode: '晋体群字', year: 2025, serial: 3 }],
    ['国发〔2024〕12号', { agencyCode: '国发', year: 2024, serial: 12 }],
  ])('accepts %s', (text, parts) => {
    expect(parseDocNumber(text)).toEqual(parts);
    expect(explainDocNumber(text)).toBeUndefined();
  });

  it.each([
    ['临体字[2024]44号', '六角括号'],
    ['临体字（2024）44号', '六角括号'],
    ['临体字【2024】44号', '六角括号'],
    ['临体字〔2024〕第44号', '第'],
    ['临体字〔2024〕044号', '前导 0'],
    ['临体字〔24〕44号', '4 位'],
    ['临体字〔2024〕44', '号'],
    ['2024-44', '格式应为'],
  ])('explains what is wrong with %s', (text, hint) => {
    expect(parseDocNumber(text)).toBeUndefined();
    const problem = explainDocNumber(text);
    expect(problem && renderPhrase(problem, 'zh')).toContain(hint);
  });
});
