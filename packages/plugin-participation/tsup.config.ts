// The shared build of a one-entry library package.
export { default } from '../../tsup.library.js';
