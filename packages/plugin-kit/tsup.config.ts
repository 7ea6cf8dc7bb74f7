// The shared build of a library package with a Node entry.
export { withNodeEntry as default } from '../../tsup.library.js';
