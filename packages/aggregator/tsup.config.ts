import { defineConfig } from 'tsup';

export default defineConfig({
  entry: {
    index: 'src/index.ts',
    'node/index': 'src/node/index.ts',
    // The read pool's worker thread: a file of its own, started by path.
    'node/read-worker': 'src/node/read-worker.ts',
    // The reading thread: a file of its own, started by path.
    'node/grid-worker': 'src/node/grid-worker.ts',
  },
  format: ['esm', 'cjs'],
  dts: true,
  splitting: true,
  clean: true,
  target: 'es2022',
  // import.meta.url in the CommonJS build too: the read pool finds its worker file by it.
  shims: true,
  tsconfig: 'tsconfig.build.json',
});
