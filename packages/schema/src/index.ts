export * from './activity/activity-row.js';
export * from './activity/column-meta.js';
export * from './activity/core-fields.js';
export * from './activity/field-definition.js';
export * from './activity/parse-row.js';
export {
  type AssessmentSection,
  assessmentSectionSchema,
  defaultAssessmentWeights,
} from './campaign/assessment-section.js';
export * from './campaign/body-block.js';
export {
  type BodyBlockLike,
  bodyFromText,
  bodyTextRunInSeparator,
  bodyToText,
} from './campaign/body-text.js';
export * from './campaign/campaign.js';
export * from './campaign/doc-number.js';
export * from './campaign/linfen-2024.js';
export * from './campaign/parse-campaign.js';
export {
  defaultReportRecipients,
  type ReportSection,
  reportSectionSchema,
} from './campaign/report-section.js';
export * from './i18n/lang.js';
export * from './issues/issue.js';
export * from './issues/messages.js';
export * from './json-schema.js';
export * from './normalize/index.js';
export * from './template-marker.js';
