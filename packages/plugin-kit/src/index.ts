export * from './plugin.js';
export * from './resolve-campaign.js';
export * from './row-entry.js';
export * from './rule.js';
export * from './run-rules.js';
export * from './summary.js';
export * from './validate-plugin.js';
