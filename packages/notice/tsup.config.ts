import { defineConfig } from 'tsup';

export default defineConfig({
  // `kit`: the layout code the upward report (@jianshen/report) shares with the notice.
  entry: { index: 'src/index.ts', kit: 'src/kit.ts' },
  format: ['esm', 'cjs'],
  dts: true,
  splitting: true,
  clean: true,
  target: 'es2022',
  tsconfig: 'tsconfig.build.json',
});
