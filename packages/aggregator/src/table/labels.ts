import { normalizeText, type ResolvedField, toHalfWidth } from '@jianshen/schema';

/** Key of the source-unit column the consolidated workbook adds (来源单位); read back on closure. */
export const unitColumnKey = '__unit';

/** Header texts of the source-unit column. */
export const unitColumnLabels = ['来源单位', '报送单位', '填报单位', '所属单位', 'Source unit', 'Unit'];

const bracketPattern = /[()[\]【】〔〕<>《》{}「」『』]/g;
const bracketedPattern = /[(（[【〔<《{][^)）\]】〕>》}]*[)）\]】〕>》}]/g;

/**
 * A header text reduced to what identifies it: full-width made half-width, lower case, spaces,
 * required-marks (*), colons and brackets removed (their content kept).
 */
export function normalizeLabel(text: string): string {
  return toHalfWidth(normalizeText(text), { punctuation: true })
    .toLowerCase()
    .replace(/[\s*:：.。]/g, '')
    .replace(bracketPattern, '');
}

/** The same with bracketed parts dropped: 举办方式（线上/线下） → 举办方式. */
export function strippedLabel(text: string): string {
  const half = toHalfWidth(normalizeText(text), { punctuation: true });
  return normalizeLabel(half.replace(bracketedPattern, ''));
}

export interface LabelMatcher {
  match(text: string): string | undefined;
}

/** Finds the field a header cell names, by label, English label or alias. */
export function createLabelMatcher(fields: readonly ResolvedField[]): LabelMatcher {
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
  }
  for (const text of unitColumnLabels) add(text, unitColumnKey);
  return {
    match(text) {
      if (text.length > 60) return undefined;
      const normal = normalizeLabel(text);
      if (normal === '') return undefined;
      return exact.get(normal) ?? stripped.get(strippedLabel(text)) ?? stripped.get(normal);
    },
  };
}
