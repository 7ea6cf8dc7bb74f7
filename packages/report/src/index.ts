export { assessmentTable } from './assessment-table.js';
export { chartParagraphs, pictureScale } from './chart-pictures.js';
export {
  type AttachmentOptions,
  attachmentListsRows,
  attachmentRowLimit,
  consolidatedAttachment,
} from './consolidated-attachment.js';
export { ReportJsonError, readReportJson } from './read-report-json.js';
export { renderReport, reportDocument } from './render-report.js';
export { type ReportPart, reportParts } from './report-body.js';
export { monthName, percentOf, type ReportFigures, reportFigures } from './report-figures.js';
export type { ChartPicture, RenderReportOptions, ReportJson } from './report-input.js';
export {
  blankDocNumber,
  blankSigner,
  type ReportSettings,
  reportSettings,
  reportTitle,
} from './report-settings.js';
export { bracketedNames, type ReportTextKey, reportText } from './report-text.js';
