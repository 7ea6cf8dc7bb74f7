export {
  type AssessmentColumn,
  type AssessmentUnit,
  defineAssessmentColumn,
  type ResolvedAssessmentColumn,
} from './assessment-column.js';
export { campaignFileError, type ParseCampaignTextOptions, parseCampaignText } from './campaign-text.js';
export { type CampaignYamlOptions, campaignYaml } from './campaign-yaml.js';
export * from './choice-schema.js';
export * from './plugin.js';
export * from './plugin-factory.js';
export * from './resolve-campaign.js';
export * from './row-entry.js';
export * from './rule.js';
export * from './rule-tester.js';
export * from './run-rules.js';
export * from './summary.js';
export * from './validate-plugin.js';
