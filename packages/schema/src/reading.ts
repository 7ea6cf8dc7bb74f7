// What reading a submission needs, on its own (no zod): the phrases a reader reports with, a
// cell's text and day, the template's marker name. The aggregator's readers import these from
// here, so its reading thread loads neither the schemas nor the phone metadata: ready in ~0.1 s
// and ~11 MB less than with the main entry (bench/README.md, issue 18, ninth round). Kept apart
// from `texts`, which a start-up path loads: this brings the issue catalogue.
export { renderPhrase } from './issues/render-issue.js';
export { phrase } from './issues/report-issue.js';
export { excelSerialToIsoDay } from './normalize/date.js';
export { isAsciiDigits, normalizeText } from './normalize/text.js';
export { templateMarkerName } from './template-marker-name.js';
