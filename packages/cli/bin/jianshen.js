#!/usr/bin/env node
// The committed target of package.json "bin". npm links a bin only when its target exists at install
// time, and dist/ is built after `npm ci`; so the link points here, and this file loads the build.
// Plain JavaScript on purpose: it must run before anything is compiled.
import { existsSync } from 'node:fs';

const built = new URL('../dist/bin.js', import.meta.url);
if (!existsSync(built)) {
  process.stderr.write('尚未构建，请先运行 npm run build\n' + 'Not built yet: run npm run build first\n');
  process.exit(2);
}
await import(built.href);
