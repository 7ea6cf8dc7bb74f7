import { defineConfig } from 'tsup';

// libphonenumber-js is bundled into dist/ (a devDependency): Node loaded its `core` as 71 small ESM
// files, 75–180 ms of every command that checks rows, against 20–40 ms in one file. Only the
// functions phone.ts imports are kept; a page's bundler would shake it the same way.
export default defineConfig({
  entry: { index: 'src/index.ts', texts: 'src/texts.ts', reading: 'src/reading.ts' },
  format: ['esm', 'cjs'],
  dts: true,
  clean: true,
  target: 'es2022',
  tsconfig: 'tsconfig.build.json',
  noExternal: [/^libphonenumber-js(\/|$)/],
});
