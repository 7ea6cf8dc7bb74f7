import { defineConfig } from 'tsup';

/**
 * The build of a browser-safe library package with one entry: ESM and CommonJS, with types.
 * Packages with more entries (schema, template, aggregator, plugin-kit, cli) keep their own.
 */
export default defineConfig({
  entry: { index: 'src/index.ts' },
  format: ['esm', 'cjs'],
  dts: true,
  clean: true,
  target: 'es2022',
  tsconfig: 'tsconfig.build.json',
});
