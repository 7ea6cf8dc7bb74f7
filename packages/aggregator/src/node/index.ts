export {
  type AggregateFilesOptions,
  aggregateFiles,
  collectSubmissionFiles,
  streamAggregateFiles,
} from './aggregate-files.js';
export { createNodeRawDeflater } from './deflate-raw.js';
export { createFileRowStore, type FileRowStoreOptions } from './file-row-store.js';
export { nodeInflateRaw } from './inflate-raw.js';
export { type InputEntry, InputRefusedError, listInputs, refusedInputs } from './list-inputs.js';
export { type WriteOutputsOptions, writeAggregateOutputs } from './write-outputs.js';
