import { formatTemplate, type Lang, type LocalizedText, localize } from './lang.js';

/**
 * A package's own words (headings, labels, help) by key, Chinese first: the one place a text is
 * written in both languages. Issue texts are not here: they live in issues/messages.ts.
 */
export type TextCatalogue = Readonly<Record<string, LocalizedText>>;

/** Types a catalogue without widening its keys, so a misspelt key is a type error. */
export function defineTexts<const Catalogue extends TextCatalogue>(catalogue: Catalogue): Catalogue {
  return catalogue;
}

/** A text of a catalogue in one language, `{placeholders}` filled from the data. */
export type TextOf<Catalogue extends TextCatalogue> = (
  key: keyof Catalogue & string,
  data?: Readonly<Record<string, unknown>>,
) => string;

/**
 * The catalogue in the reader's language: `const say = textsIn(labels, lang); say('total')`.
 * Rendering happens here, at the edge that knows the language, never in readers or rules.
 */
export function textsIn<Catalogue extends TextCatalogue>(
  catalogue: Catalogue,
  lang: Lang,
): TextOf<Catalogue> {
  return (key, data = {}) => formatTemplate(localize(catalogue[key] as LocalizedText, lang), data);
}
