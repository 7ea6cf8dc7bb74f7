import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Tests import packages by name; point those names at src/ so no build is needed between edits.
const packagesDirectory = fileURLToPath(new URL('./packages/', import.meta.url));

export default defineConfig({
  resolve: {
    alias: [
      {
        find: /^@jianshen\/([a-z-]+)\/node$/,
        replacement: `${packagesDirectory}$1/src/node/index.ts`,
      },
      // Named entries of one package (`@jianshen/template/docx`, `…/xlsx`, `@jianshen/notice/kit`)
      // and schema's zod-free `@jianshen/schema/texts` and `…/reading`: src/<entry>.ts.
      {
        find: /^@jianshen\/([a-z-]+)\/(docx|xlsx|kit|texts|reading)$/,
        replacement: `${packagesDirectory}$1/src/$2.ts`,
      },
      { find: /^@jianshen\/([a-z-]+)$/, replacement: `${packagesDirectory}$1/src/index.ts` },
    ],
  },
  test: {
    include: ['packages/*/src/**/*.test.ts', 'examples/*/**/*.test.ts', 'tests/**/*.test.ts'],
    exclude: ['**/node_modules/**', '**/dist/**'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // One temporary root for the whole run, removed at its end (see the file).
    globalSetup: ['./tests/temporary-folders.global-setup.ts'],
  },
});
