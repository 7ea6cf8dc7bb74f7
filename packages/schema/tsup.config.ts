import { defineConfig } from 'tsup';

export default defineConfig({
  entry: { index: 'src/index.ts', texts: 'src/texts.ts' },
  format: ['esm', 'cjs'],
  dts: true,
  clean: true,
  target: 'es2022',
  tsconfig: 'tsconfig.build.json',
});
