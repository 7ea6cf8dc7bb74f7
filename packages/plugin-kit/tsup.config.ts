import type { Options } from 'tsup';
import { withNodeEntry } from '../../tsup.library.js';

// The shared build of a library package with a Node entry, with import.meta.url in the CommonJS
// build too: the Node entry finds itself by it to try plugins on a worker thread (trial-load.ts).
const build: Options = { ...(withNodeEntry as Options), shims: true };
export default build;
