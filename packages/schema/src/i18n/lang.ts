/** Languages every user-facing text is available in. Chinese is the default: the users are bureau staff. */
export const languages = ['zh', 'en'] as const;
export type Lang = (typeof languages)[number];
export const defaultLang: Lang = 'zh';

/** A text in both languages. */
export interface LocalizedText {
  zh: string;
  en: string;
}

/** Picks one language, falling back to Chinese when the English text is missing. */
export function localize(text: LocalizedText | string, lang: Lang = defaultLang): string {
  if (typeof text === 'string') return text;
  return text[lang] || text.zh;
}

/** Fills `{name}` placeholders; unknown placeholders stay visible so a missing value is noticed. */
export function formatTemplate(template: string, data: Record<string, unknown> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = data[name];
    return value === undefined || value === null ? whole : String(value);
  });
}
