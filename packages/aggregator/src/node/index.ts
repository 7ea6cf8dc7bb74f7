export {
  type AggregateFilesOptions,
  aggregateFiles,
  collectSubmissionFiles,
  streamAggregateFiles,
} from './aggregate-files.js';
export { runWithTimeout } from './bounded-runner.js';
export {
  createNodeRawDeflater,
  createOffThreadRawDeflater,
  type NodeRawDeflaterOptions,
} from './deflate-raw.js';
export { createFileRowStore, type FileRowStoreOptions } from './file-row-store.js';
export { enableHeapCollection } from './heap-guard.js';
export { nodeInflateRaw } from './inflate-raw.js';
export {
  type InputEntry,
  InputRefusedError,
  listInputs,
  type RefusedInput,
  refusedInputIssue,
  refusedInputs,
  type SpecialKind,
} from './list-inputs.js';
export {
  lockOutputFolder,
  type OutputLock,
  OutputLockedError,
  type OutputLockOptions,
  outputLockName,
} from './output-lock.js';
export {
  currentOutputNames,
  type NamedOutput,
  type ReplaceOutputSetOptions,
  recoverOutputSet,
  replaceOutputSet,
} from './output-set.js';
export { OutputWriteError } from './output-write-error.js';
export { removeTemporariesOnExit, takeOverProcess } from './process-cleanup.js';
export { type WriteOutputsOptions, writeAggregateOutputs } from './write-outputs.js';
