export {
  type AssessmentColumn,
  type AssessmentUnit,
  defineAssessmentColumn,
  type ResolvedAssessmentColumn,
} from './assessment-column.js';
export { campaignFileError, type ParseCampaignTextOptions, parseCampaignText } from './campaign-text.js';
export { type CampaignYamlOptions, campaignYaml } from './campaign-yaml.js';
export {
  type ChoiceSchemaOptions,
  choiceSchema,
  type MultiChoiceSchemaOptions,
  multiChoiceJoiner,
  multiChoiceSchema,
  multiChoiceSeparator,
  splitMultiChoice,
} from './choice-schema.js';
export {
  definePlugin,
  type NoticeContribution,
  type Plugin,
  type PluginField,
  pluginFieldToDefinition,
} from './plugin.js';
export { instantiatePlugin, type PluginFactory, type PluginKit, pluginKit } from './plugin-factory.js';
export {
  type ResolveCampaignOptions,
  type ResolvedCampaign,
  type ResolvedRule,
  type ResolvedSummary,
  resolveCampaign,
} from './resolve-campaign.js';
export type { RowEntry, RowSource } from './row-entry.js';
export {
  defineRule,
  type ReportDescriptor,
  type Rule,
  type RuleContext,
  type RuleHandlers,
  type RuleMeta,
} from './rule.js';
export {
  type ExpectedIssue,
  type InvalidTestCase,
  RuleTester,
  RuleTesterError,
  type RuleTesterOptions,
  type RuleTestRows,
  type RuleTests,
  type TestRow,
  type TestRowValues,
  testEntries,
  type ValidTestCase,
} from './rule-tester.js';
export { type RuleIssue, type RuleRun, runRules, type StartRulesOptions, startRules } from './run-rules.js';
export { defineSummary, type SummaryDefinition, type SummaryTotal } from './summary.js';
export { validatePlugin } from './validate-plugin.js';
