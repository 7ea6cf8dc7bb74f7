import { defineConfig } from 'tsup';

/**
 * The build of a browser-safe library package with one entry: ESM and CommonJS, with types.
 * Packages with other entries (schema, notice, template, aggregator, cli) keep their own.
 */
export default defineConfig({
  entry: { index: 'src/index.ts' },
  format: ['esm', 'cjs'],
  dts: true,
  clean: true,
  target: 'es2022',
  tsconfig: 'tsconfig.build.json',
});

/**
 * The same with a Node entry beside it (`src/node/index.ts` as `@jianshen/<name>/node`); the two
 * entries share chunks (splitting), so the Node entry does not carry a second copy of the first.
 */
export const withNodeEntry = defineConfig({
  entry: { index: 'src/index.ts', 'node/index': 'src/node/index.ts' },
  format: ['esm', 'cjs'],
  dts: true,
  splitting: true,
  clean: true,
  target: 'es2022',
  tsconfig: 'tsconfig.build.json',
});
