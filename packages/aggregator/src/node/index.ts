export {
  type AggregateFilesOptions,
  aggregateFiles,
  collectSubmissionFiles,
  streamAggregateFiles,
} from './aggregate-files.js';
export { createFileRowStore, type FileRowStoreOptions } from './file-row-store.js';
export { type WriteOutputsOptions, writeAggregateOutputs } from './write-outputs.js';
