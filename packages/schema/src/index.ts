export {
  type ActivityColumnKey,
  type ActivityRow,
  activityColumnKeys,
  activityColumnSchemas,
  activityRowSchema,
  contactSchema,
  dateRangeSchema,
  modeSchema,
  nameSchema,
  noteSchema,
  organizerSchema,
  phoneSchema,
  requiredActivityColumns,
  seqSchema,
  summarySchema,
} from './activity/activity-row.js';
export { type ColumnKind, type ColumnMeta, columnRegistry } from './activity/column-meta.js';
export { coreFields } from './activity/core-fields.js';
export {
  type FieldContext,
  type FieldDefinition,
  type FieldIssue,
  type ResolvedField,
  resolveField,
} from './activity/field-definition.js';
export { fieldLabel } from './activity/field-label.js';
export { type ParsedRow, parseRow } from './activity/parse-row.js';
export {
  type AssessmentSection,
  assessmentSectionSchema,
  defaultAssessmentWeights,
} from './campaign/assessment-section.js';
export { type BodyBlock, type BodySection, bodyBlockSchema } from './campaign/body-block.js';
export {
  type BodyBlockLike,
  bodyFromText,
  bodyTextRunInSeparator,
  bodyToText,
} from './campaign/body-text.js';
export {
  type Attachment,
  attachmentSchema,
  type Campaign,
  type CampaignFonts,
  type CampaignInput,
  campaignSchema,
  contactPersonSchema,
  defineCampaign,
  docNumberPattern,
  docNumberSchema,
  fontsSchema,
  pluginReferenceSchema,
} from './campaign/campaign.js';
export { fieldPath } from './campaign/campaign-issues.js';
export { type DocNumberParts, explainDocNumber, parseDocNumber } from './campaign/doc-number.js';
export { linfen2024Campaign } from './campaign/linfen-2024.js';
export {
  CampaignError,
  campaignIssues,
  type ParseCampaignOptions,
  type ParseCampaignResult,
  parseCampaign,
  safeParseCampaign,
} from './campaign/parse-campaign.js';
export {
  defaultReportRecipients,
  type ReportSection,
  reportSectionSchema,
} from './campaign/report-section.js';
export {
  defaultLang,
  formatTemplate,
  type Lang,
  type LocalizedText,
  languages,
  localize,
} from './i18n/lang.js';
export { defineTexts, type TextCatalogue, type TextOf, textsIn } from './i18n/text-catalogue.js';
export {
  compareIssues,
  type Issue,
  type IssueData,
  type IssueDataValue,
  type IssueFinding,
  type IssuePlace,
  type Phrase,
  type RenderedIssue,
  type Severity,
} from './issues/issue.js';
export {
  isMessageCode,
  type MessageCode,
  type MessageDefinition,
  messages,
  type PhraseCode,
  phrases,
  severityOf,
} from './issues/messages.js';
export { type Rendered, renderIssue, renderMessage, renderPhrase } from './issues/render-issue.js';
export { errorReason, type OwnMessage, phrase, reportIssue } from './issues/report-issue.js';
export { activityRowJsonSchema, campaignJsonSchema } from './json-schema.js';
export {
  type ActivityMode,
  accept,
  activityModes,
  type CellValue,
  type DateRange,
  excelSerialToIsoDay,
  type HalfWidthOptions,
  isAsciiDigits,
  isBlankCell,
  isoDayFromDate,
  modeLabels,
  type NormalizeDateOptions,
  type NormalizeNote,
  type NormalizePhonesOptions,
  type NormalizeResult,
  normalizeDate,
  normalizeMode,
  normalizePhones,
  normalizeText,
  reject,
  toHalfWidth,
} from './normalize/index.js';
export {
  createTemplateMarker,
  matchTemplateMarker,
  parseTemplateMarker,
  type TemplateMarker,
  type TemplateMarkerMatch,
  templateMarkerFormula,
  templateMarkerName,
  templateMarkerSchema,
  templateMarkerVersion,
} from './template-marker.js';
