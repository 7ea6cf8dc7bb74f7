export { type AggregateFilesOptions, aggregateFiles, collectSubmissionFiles } from './aggregate-files.js';
export { type WriteOutputsOptions, writeAggregateOutputs } from './write-outputs.js';
