import { fileURLToPath } from 'node:url';
import { defineConfig, type UserConfig } from 'vite';
import { viteSingleFile } from 'vite-plugin-singlefile';
import { devContentSecurityPolicy } from './build/dev-csp.js';
import { workerScripts } from './build/worker-scripts.js';

// The packages are built from their sources, as the tests see them: the page never waits on, or
// drifts from, another package's dist/.
const packagesDirectory = fileURLToPath(new URL('../', import.meta.url));
const resolve: UserConfig['resolve'] = {
  alias: [{ find: /^@jianshen\/([a-z-]+)$/, replacement: `${packagesDirectory}$1/src/index.ts` }],
};

export default defineConfig({
  // file:// has no server: every asset, script and worker is inlined into dist/index.html.
  base: './',
  resolve,
  worker: { format: 'iife' },
  build: { target: 'es2022', chunkSizeWarningLimit: 8192, reportCompressedSize: true },
  // Workers go into index.html beside, not inside, the main script: the shell paints without them.
  plugins: [
    workerScripts({
      resolve,
      // zod must not eval under the page's CSP, in workers as in the page.
      prelude: fileURLToPath(new URL('./src/shell/zod-without-eval.ts', import.meta.url)),
    }),
    viteSingleFile({ removeViteModuleLoader: true }),
    devContentSecurityPolicy(),
  ],
});
