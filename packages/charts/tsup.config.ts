import type { Options } from 'tsup';
import { withNodeEntry } from '../../tsup.library.js';

// The shared build of a library package with a Node entry, with import.meta.url in the CommonJS
// build too: the Node entry finds harfbuzzjs's WebAssembly file by it.
//
// ECharts, ZRender and their tslib are bundled into dist/ (devDependencies, not dependencies):
// Node loads `echarts/core` & co. as hundreds of small ESM files, and resolving, compiling and
// evaluating them one by one took 830–980 ms of `import('@jianshen/charts')` (most of the CLI's
// `aggregate` start-up), against 240–320 ms for the same code in one file. Bundled, they are
// tree-shaken as a page's bundler would shake them: the browser bundle does not grow.
const build: Options = {
  ...(withNodeEntry as Options),
  shims: true,
  noExternal: [/^echarts(\/|$)/, /^zrender(\/|$)/, /^tslib$/],
};
export default build;
