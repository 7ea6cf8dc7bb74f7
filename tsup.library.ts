import { defineConfig } from 'tsup';

/**
 * The build of a browser-safe library package with one entry: ESM and CommonJS, with types.
 * Packages with other build needs (schema, template, aggregator, cli) keep their own.
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
 * The same with more entries (`@jianshen/<name>/<entry>`); they share chunks (splitting), so a
 * second entry does not carry another copy of what the first one holds.
 */
export function libraryBuild(entry: Record<string, string>) {
  return defineConfig({
    entry,
    format: ['esm', 'cjs'],
    dts: true,
    splitting: true,
    clean: true,
    target: 'es2022',
    tsconfig: 'tsconfig.build.json',
  });
}

/** A browser entry and a Node entry (`src/node/index.ts` as `@jianshen/<name>/node`). */
export const withNodeEntry = libraryBuild({ index: 'src/index.ts', 'node/index': 'src/node/index.ts' });
