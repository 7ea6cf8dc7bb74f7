export interface SafeSheetNameOptions {
  /** Lower-cased names already used in the workbook; the name made is added to it. */
  taken?: Set<string>;
  /** When nothing usable is left of the name (default `Sheet`). */
  fallback?: string;
}

/**
 * A worksheet name Excel accepts: none of []:*?/\, no apostrophe (Excel refuses one at either
 * end, and print titles written by exceljs break on any), at most 31 characters, not the
 * reserved `History`, and, with `taken`, unique in the workbook (a `(2)` suffix, as Excel does).
 */
export function safeSheetName(name: string, options: SafeSheetNameOptions = {}): string {
  const cleaned = name
    .replace(/[[\]:*?/\\']/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 31)
    .trim();
  const base =
    cleaned === '' || cleaned.toLowerCase() === 'history' ? (options.fallback ?? 'Sheet') : cleaned;
  const { taken } = options;
  if (!taken) return base;
  let candidate = base;
  for (let index = 2; taken.has(candidate.toLowerCase()); index++) {
    const suffix = `(${index})`;
    candidate = `${base.slice(0, 31 - suffix.length)}${suffix}`;
  }
  taken.add(candidate.toLowerCase());
  return candidate;
}
