// `@jianshen/template/xlsx`: the .xlsx template (exceljs) and what it is built from.
export { type ColumnGuidance, columnGuidance } from './column-guidance.js';
export { addDataValidation, type TemplateValidation } from './data-validation.js';
export { type RenderTemplateXlsxOptions, renderTemplateXlsx } from './render-template-xlsx.js';
export { columnLetter, type TemplateLayout, templateLayout } from './template-layout.js';
