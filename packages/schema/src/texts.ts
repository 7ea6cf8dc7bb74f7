// The languages, the text-catalogue helper and column headers on their own (no zod): what a
// start-up path such as the CLI's help, or a document such as the notice, needs without loading
// the schemas (each value import of the main entry bundles every zod schema and the phone
// metadata: bench, bundle sizes). Also what reading a file needs: the phrases readers report
// with, a cell's text and day, the template's marker name. The aggregator's reading thread loads
// only this: ~75 ms and ~11 MB less than with zod (bench/README.md, issue 18, ninth round).
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
export { renderPhrase } from './issues/render-issue.js';
export { phrase } from './issues/report-issue.js';
export { excelSerialToIsoDay } from './normalize/date.js';
export { isAsciiDigits, normalizeText } from './normalize/text.js';
export { templateMarkerName } from './template-marker-name.js';
