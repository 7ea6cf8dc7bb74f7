export {
  createTemplateMarker,
  matchTemplateMarker,
  parseTemplateMarker,
  type TemplateMarker,
  templateMarkerFormula,
  templateMarkerName,
  templateMarkerVersion,
} from '@jianshen/schema';
export { type ColumnGuidance, columnGuidance } from './column-guidance.js';
export { addDataValidation, type TemplateValidation } from './data-validation.js';
export { type RenderTemplateDocxOptions, renderTemplateDocx } from './render-template-docx.js';
export { type RenderTemplateXlsxOptions, renderTemplateXlsx } from './render-template-xlsx.js';
export { columnLetter, type TemplateLayout, templateLayout } from './template-layout.js';
