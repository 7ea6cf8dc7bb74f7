import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { viteSingleFile } from 'vite-plugin-singlefile';

// The packages are built from their sources, as the tests see them: the page never waits on, or
// drifts from, another package's dist/.
const packagesDirectory = fileURLToPath(new URL('../', import.meta.url));

export default defineConfig({
  // file:// has no server: every asset, script and worker is inlined into dist/index.html.
  base: './',
  resolve: {
    alias: [{ find: /^@jianshen\/([a-z-]+)$/, replacement: `${packagesDirectory}$1/src/index.ts` }],
  },
  worker: { format: 'iife' },
  build: { target: 'es2022', chunkSizeWarningLimit: 8192, reportCompressedSize: true },
  plugins: [viteSingleFile({ removeViteModuleLoader: true })],
});
