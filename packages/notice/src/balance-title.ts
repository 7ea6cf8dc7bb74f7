import { textWidthEm } from './text-width.js';

const opening = new Set(['“', '‘', '《', '（', '(', '〔', '【', '「', '『', '[']);
const closing = new Set(['”', '’', '》', '）', ')', '〕', '】', '」', '』', ']']);
/** Punctuation that may not start a line. */
const noLineStart = new Set([...closing, '，', '、', '。', '：', '；', '！', '？', '·', '—']);
const joining = new Set(['和', '与', '及', '暨', '的', '并']);
/**
 * Frequent two-character words of sports-bureau notice titles. Without a dictionary every Han
 * pair might be a word; these are known to be, and splitting them costs more. ⚠
 */
const commonWords = new Set(
  (
    '活动 工作 组织 统计 通知 全民 健身 体育 服务 志愿 开展 做好 系列 关于 加强 推进 进一步 实施 方案 ' +
    '管理 办法 意见 计划 比赛 赛事 运动 社会 指导 示范 创建 评选 表彰 报送 报告 情况 举办 年度 公布 ' +
    '名单 推荐 申报 印发 规范 建设 设施 场地 青少年 学校 社区 农村 健康 宣传 培训 安全 检查 调查'
  ).split(' '),
);
const unitAfterNumber = new Set(['年', '月', '日', '号', '届', '次', '个', '%']);

function isAsciiWord(character: string): boolean {
  return /^[0-9A-Za-z.\-_/@]$/.test(character);
}
function isSpace(character: string): boolean {
  return character === ' ' || character === '\u3000';
}

/**
 * What breaking the line before `characters[index]` costs, or undefined when it may not break
 * there. Word and phrase boundaries are free; inside quotes, before 的, or between two Han
 * characters of a phrase costs something.
 */
function breakCost(
  characters: readonly string[],
  index: number,
  depth: number,
  issuer: string,
): number | undefined {
  const before = characters[index - 1] ?? '';
  const after = characters[index] ?? '';
  if (isSpace(before) || isSpace(after)) return depth > 0 ? 2 : 0;
  if (mayNotBreak(before, after)) return undefined;
  // Splitting a quoted name (“全民健身日”) reads worst of all: only when nothing else fits.
  if (depth > 0) return 60;
  if (closing.has(before) || opening.has(after)) return 0;
  if (characters.slice(index).join('').startsWith('关于')) return 0;
  if (issuer && characters.slice(0, index).join('') === issuer) return 0;
  if (insideCommonWord(characters, index)) return 20;
  // A line should neither start with 的 nor end with a joining word (和 与 及 暨 的).
  if (after === '的' || joining.has(before)) return 9;
  if (joining.has(after)) return 1;
  // Two Han characters may be one word: worth more than an em of imbalance.
  return 6;
}

/** Inside an ASCII word, after an opening bracket, before a closing mark, or between a number and its unit. */
function mayNotBreak(before: string, after: string): boolean {
  if (isAsciiWord(before) && isAsciiWord(after)) return true;
  if (opening.has(before) || noLineStart.has(after)) return true;
  return /\d/.test(before) && unitAfterNumber.has(after);
}

/** True when the characters around the break belong to one of the common words (全民健身…). */
function insideCommonWord(characters: readonly string[], index: number): boolean {
  const pair = `${characters[index - 1] ?? ''}${characters[index] ?? ''}`;
  for (const word of commonWords) {
    const at = word.indexOf(pair);
    if (at >= 0 && characters.slice(index - 1 - at, index - 1 - at + word.length).join('') === word)
      return true;
  }
  return false;
}

function trimmed(characters: readonly string[], start: number, end: number): string {
  return characters
    .slice(start, end)
    .join('')
    .replace(/^[ \u3000]+|[ \u3000]+$/g, '');
}

/**
 * Splits a title into lines no wider than `capacity` em, balanced so no line is left with a
 * stray character: fewest lines first, then the most even lengths and the cleanest breaks
 * (GB/T 9704 §7.3.1: 词意完整，排列对称，长短适宜). `issuer` marks a free break after the
 * bureau's name at the start of the title.
 */
export function balanceTitle(title: string, capacity: number, issuer = ''): string[] {
  if (textWidthEm(title) <= capacity) return [title];
  const characters = [...title];
  const costs = breakCosts(characters, issuer);
  const target = (lines: number) => textWidthEm(title.replace(/[ \u3000]/g, '')) / lines;
  const solve = (allowAnywhere: boolean): string[] | undefined => {
    const split: Split = {
      characters,
      capacity,
      penalty: (end) => breakPenalty(costs, end, characters.length, allowAnywhere),
    };
    const lines = fewestLines(split);
    return lines === undefined ? undefined : evenSplit(split, lines, target(lines));
  };
  return solve(false) ?? solve(true) ?? [title];
}

/** The cost of a break before each character (undefined: no break there), tracking quote depth. */
function breakCosts(characters: readonly string[], issuer: string): (number | undefined)[] {
  const costs: (number | undefined)[] = new Array(characters.length + 1).fill(undefined);
  let depth = 0;
  for (let index = 1; index < characters.length; index++) {
    const previous = characters[index - 1] ?? '';
    if (opening.has(previous)) depth++;
    if (closing.has(previous)) depth = Math.max(0, depth - 1);
    costs[index] = breakCost(characters, index, depth, issuer);
  }
  return costs;
}

function breakPenalty(
  costs: readonly (number | undefined)[],
  end: number,
  count: number,
  allowAnywhere: boolean,
): number | undefined {
  return end === count ? 0 : (costs[end] ?? (allowAnywhere ? 30 : undefined));
}

/** A title to split: its characters, the line capacity (em) and the penalty of ending a line at a position. */
interface Split {
  characters: readonly string[];
  capacity: number;
  penalty(end: number): number | undefined;
}

/** Each line that fits from `start` to `end`, with its width: the steps both passes take. */
function* lineSteps(split: Split): Generator<{ start: number; end: number; penalty: number; width: number }> {
  const count = split.characters.length;
  for (let end = 1; end <= count; end++) {
    const penalty = split.penalty(end);
    if (penalty === undefined) continue;
    for (let start = 0; start < end; start++) {
      const width = textWidthEm(trimmed(split.characters, start, end));
      if (width > split.capacity || width === 0) continue;
      yield { start, end, penalty, width };
    }
  }
}

/** The fewest lines the title fits in (cheapest breaks first), or undefined when it cannot fit. */
function fewestLines(split: Split): number | undefined {
  const lineCost = 50;
  // best[end] = cheapest split of characters[0, end) ending a line at `end`.
  const best: { cost: number; lines: number }[] = [];
  best[0] = { cost: 0, lines: 0 };
  for (const { start, end, penalty } of lineSteps(split)) {
    const from = best[start];
    if (!from) continue;
    const candidate = from.cost + penalty + lineCost;
    const current = best[end];
    if (!current || candidate < current.cost) best[end] = { cost: candidate, lines: from.lines + 1 };
  }
  return best[split.characters.length]?.lines;
}

/** Among splits into exactly `lines` lines, the one with the most even widths and cleanest breaks. */
function evenSplit(split: Split, lines: number, target: number): string[] | undefined {
  const count = split.characters.length;
  const exact: { cost: number; previous: number }[][] = [[{ cost: 0, previous: -1 }]];
  for (let line = 1; line <= lines; line++) {
    const row: { cost: number; previous: number }[] = [];
    exact[line] = row;
    for (const { start, end, penalty, width } of lineSteps(split)) {
      const from = exact[line - 1]?.[start];
      if (!from) continue;
      const candidate = from.cost + penalty + (width - target) ** 2;
      const current = row[end];
      if (!current || candidate < current.cost) row[end] = { cost: candidate, previous: start };
    }
  }
  const result: string[] = [];
  let end = count;
  for (let line = lines; line > 0; line--) {
    const step = exact[line]?.[end];
    if (!step) return undefined;
    result.unshift(trimmed(split.characters, step.previous, end));
    end = step.previous;
  }
  return result;
}
