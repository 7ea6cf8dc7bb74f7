// Both formats, for callers that want both (the .docx alone: `@jianshen/template/docx`, which
// does not load exceljs; the .xlsx alone: `@jianshen/template/xlsx`).
export { type RenderTemplateDocxOptions, renderTemplateDocx } from './docx.js';
export {
  addDataValidation,
  type ColumnGuidance,
  columnGuidance,
  columnLetter,
  type RenderTemplateXlsxOptions,
  renderTemplateXlsx,
  type TemplateLayout,
  type TemplateValidation,
  templateLayout,
} from './xlsx.js';
