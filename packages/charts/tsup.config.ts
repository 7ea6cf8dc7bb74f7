import type { Options } from 'tsup';
import { withNodeEntry } from '../../tsup.library.js';

// The shared build of a library package with a Node entry, with import.meta.url in the CommonJS
// build too: the Node entry finds harfbuzzjs's WebAssembly file by it.
const build: Options = { ...(withNodeEntry as Options), shims: true };
export default build;
