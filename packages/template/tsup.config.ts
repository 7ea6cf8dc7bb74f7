import { defineConfig } from 'tsup';

export default defineConfig({
  // One entry per format, so the .docx path never loads exceljs (see README, 入口).
  entry: { index: 'src/index.ts', docx: 'src/docx.ts', xlsx: 'src/xlsx.ts' },
  format: ['esm', 'cjs'],
  dts: true,
  clean: true,
  target: 'es2022',
  tsconfig: 'tsconfig.build.json',
});
