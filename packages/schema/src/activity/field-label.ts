// On its own (no zod, no column registry): the notice and the .docx template print column
// headers with it, and importing it from the schema module would bundle every zod schema and the
// phone metadata into those documents (bench: bundle sizes, @jianshen/notice).
import { type Lang, type LocalizedText, localize } from '../i18n/lang.js';

/** A column's header in a language: the printed (Chinese) label, or its English one. */
export function fieldLabel(field: { label: string; labelEn: string }, lang: Lang): string {
  const labels: LocalizedText = { zh: field.label, en: field.labelEn };
  return localize(labels, lang);
}
