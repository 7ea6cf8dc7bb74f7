// The languages and the text-catalogue helper on their own (no zod): what a start-up path such as
// the CLI's help needs, without loading the schemas.
export {
  defaultLang,
  formatTemplate,
  type Lang,
  type LocalizedText,
  languages,
  localize,
} from './i18n/lang.js';
export { defineTexts, type TextCatalogue, type TextOf, textsIn } from './i18n/text-catalogue.js';
