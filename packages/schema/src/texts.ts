// The languages, the text-catalogue helper and column headers on their own (no zod): what a
// start-up path such as the CLI's help, or a document such as the notice, needs without loading
// the schemas (each value import of the main entry bundles every zod schema and the phone
// metadata: bench, bundle sizes).
export { fieldLabel } from './activity/field-label.js';
export {
  defaultLang,
  formatTemplate,
  type Lang,
  type LocalizedText,
  languages,
  localize,
} from './i18n/lang.js';
export { defineTexts, type TextCatalogue, type TextOf, textsIn } from './i18n/text-catalogue.js';
