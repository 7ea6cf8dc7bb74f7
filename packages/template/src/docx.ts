// `@jianshen/template/docx`: the .docx template alone. It is the notice's attachment page, so this
// entry costs what @jianshen/notice costs and never loads exceljs (bench: bundle sizes).
export { type RenderTemplateDocxOptions, renderTemplateDocx } from './render-template-docx.js';
