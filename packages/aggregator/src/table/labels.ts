import { columnRegistry, normalizeText, type ResolvedField, toHalfWidth } from '@jianshen/schema';

/** Key of the source-unit column the consolidated workbook adds (来源单位); read back on closure. */
export const unitColumnKey = '__unit';

/** Header texts of the source-unit column. */
export const unitColumnLabels = ['来源单位', '报送单位', '填报单位', '所属单位', 'Source unit', 'Unit'];

/** Keys of separate start and end columns (开始时间, 结束时间), joined into 举办时间. */
export const dateStartKey = '__dateStart';
export const dateEndKey = '__dateEnd';

/** Keys of tick columns 线上 | 线下 (under a 举办方式 group header), joined into 举办方式. */
export const modeOnlineKey = '__modeOnline';
export const modeOfflineKey = '__modeOffline';
const dateStartLabels = [
  '开始时间',
  '开始日期',
  '起始时间',
  '起始日期',
  '活动开始时间',
  '开始',
  'Start',
  'Start date',
];
const dateEndLabels = [
  '结束时间',
  '结束日期',
  '截止时间',
  '截止日期',
  '活动结束时间',
  '结束',
  'End',
  'End date',
];

const bracketPattern = /[()[\]【】〔〕<>《》{}「」『』]/g;
const bracketedPattern = /[(（[【〔<《{][^)）\]】〕>》}]*[)）\]】〕>》}]/g;

/**
 * A header text reduced to what identifies it: full-width made half-width, lower case, spaces,
 * required-marks (*), colons and brackets removed (their content kept).
 */
export function normalizeLabel(text: string): string {
  if (isAlreadyLabel(text)) return text;
  return toHalfWidth(normalizeText(text), { punctuation: true })
    .toLowerCase()
    .replace(/[\s*:：.。]/g, '')
    .replace(bracketPattern, '');
}

/**
 * True when `normalizeLabel` would give the text back unchanged because every character is a
 * common CJK ideograph, an ASCII digit or a lower-case letter: none of these is cleaned, widened,
 * lower-cased or removed. Most organisers and activity names are such (尧都区体育中心, 健步走第1场),
 * and the duplicate key and header matching normalise two of them a row.
 */
function isAlreadyLabel(text: string): boolean {
  if (text === '') return false;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code >= 0x4e00 ? code > 0x9fff : code > 0x7a || (code < 0x61 && (code < 0x30 || code > 0x39)))
      return false;
  }
  return true;
}

/** The same with bracketed parts dropped: 举办方式（线上/线下） → 举办方式. */
export function strippedLabel(text: string): string {
  const half = toHalfWidth(normalizeText(text), { punctuation: true });
  return normalizeLabel(half.replace(bracketedPattern, ''));
}

export interface LabelMatcher {
  match(text: string): string | undefined;
}

// One matcher per field list: every sheet of every file of a batch asks with the same fields.
const matchers = new WeakMap<readonly ResolvedField[], LabelMatcher>();
// Header texts repeat across files; the answers are kept, up to this many per matcher.
const rememberedAnswers = 4_096;

/** Finds the field a header cell names, by label, English label or alias. */
export function createLabelMatcher(fields: readonly ResolvedField[]): LabelMatcher {
  const existing = matchers.get(fields);
  if (existing) return existing;
  const matcher = buildLabelMatcher(fields);
  const answers = new Map<string, string | undefined>();
  const remembering: LabelMatcher = {
    match(text) {
      if (text.length > 60) return undefined;
      if (answers.has(text)) return answers.get(text);
      const answer = matcher.match(text);
      if (answers.size >= rememberedAnswers) answers.clear();
      answers.set(text, answer);
      return answer;
    },
  };
  matchers.set(fields, remembering);
  return remembering;
}

function buildLabelMatcher(fields: readonly ResolvedField[]): LabelMatcher {
  const exact = new Map<string, string>();
  const stripped = new Map<string, string>();
  const add = (text: string, key: string) => {
    const normal = normalizeLabel(text);
    if (normal !== '' && !exact.has(normal)) exact.set(normal, key);
    const bare = strippedLabel(text);
    if (bare !== '' && !stripped.has(bare)) stripped.set(bare, key);
  };
  for (const field of fields) {
    for (const text of [field.label, field.labelEn ?? '', ...(field.aliases ?? [])]) add(text, field.key);
    // 序号's schema is wrapped in .optional(), which hides its registered aliases (编号, No.).
    const inner = (field.schema as unknown as { unwrap?: () => unknown }).unwrap?.();
    const meta = inner ? columnRegistry.get(inner as Parameters<typeof columnRegistry.get>[0]) : undefined;
    for (const text of [meta?.labelEn ?? '', ...(meta?.aliases ?? [])]) add(text, field.key);
  }
  for (const text of unitColumnLabels) add(text, unitColumnKey);
  for (const text of dateStartLabels) add(text, dateStartKey);
  for (const text of dateEndLabels) add(text, dateEndKey);
  // Labels of two characters or more, looked up by prefix (手机号 → 手机) and by proper suffix
  // (单位 → 举办单位): maps instead of scanning every label for every cell of every row.
  const known = new Map([...stripped.entries()].filter(([text]) => text.length >= 2));
  const bySuffix = new Map<string, Set<string>>();
  for (const [label, key] of known) {
    if (key === unitColumnKey) continue;
    for (let start = 1; start <= label.length - 2; start++) {
      const suffix = label.slice(start);
      const keys = bySuffix.get(suffix) ?? new Set<string>();
      keys.add(key);
      bySuffix.set(suffix, keys);
    }
  }
  // A known label with a short tail: 手机号 (手机), 联系人电话 (the tail names the column: 电话).
  // The longest label wins, so the shortest tail is tried first.
  const withShortTail = (bare: string): string | undefined => {
    for (let tail = 0; tail <= 3 && bare.length - tail >= 2; tail++) {
      const key = known.get(bare.slice(0, bare.length - tail));
      if (key === undefined) continue;
      const rest = bare.slice(bare.length - tail);
      return (rest.length >= 2 ? stripped.get(rest) : undefined) ?? key;
    }
    return undefined;
  };
  // A shortened label: 单位 (举办单位, 主办单位…), 形式 (举办形式) — only when one field fits.
  const shortenedLabel = (bare: string): string | undefined => {
    if (bare.length < 2) return undefined;
    const fields = bySuffix.get(bare);
    return fields?.size === 1 ? [...fields][0] : undefined;
  };
  return {
    match(text) {
      if (text.length > 60) return undefined;
      const normal = normalizeLabel(text);
      if (normal === '') return undefined;
      const exactKey = exact.get(normal);
      if (exactKey) return exactKey;
      // Made once for both lookups below: most cells asked about are data, matching nothing.
      const bare = strippedLabel(text);
      const found = stripped.get(bare) ?? stripped.get(normal);
      if (found) return found;
      return withShortTail(bare) ?? shortenedLabel(bare);
    },
  };
}
