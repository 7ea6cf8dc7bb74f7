#!/usr/bin/env node
// 临汾 2024 示例：用构建好的命令行生成通知、模板，并汇总 submissions/ 中的示例报送，结果写入 <仓库>/out/。
// The Linfen 2024 example: runs the built `jianshen` CLI (the @jianshen/cli dependency's bin) to write the notice,
// the templates and an aggregation of submissions/ into <repo>/out/ (or the folder after --out).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(here, '../..');
const outIndex = process.argv.indexOf('--out');
const out =
  outIndex > 0 && process.argv[outIndex + 1] ? resolve(process.argv[outIndex + 1]) : join(repoRoot, 'out');
const campaign = join(here, 'campaign.yaml');
const submissions = join(here, 'submissions');

/** The CLI as an installed user has it: the bin of the @jianshen/cli dependency. */
function cliBin() {
  const require = createRequire(import.meta.url);
  const packageJson = require.resolve('@jianshen/cli/package.json');
  const { bin } = JSON.parse(readFileSync(packageJson, 'utf8'));
  const path = resolve(dirname(packageJson), typeof bin === 'string' ? bin : bin.jianshen);
  if (!existsSync(path)) {
    console.error(`找不到 ${relative(repoRoot, path)}：请先运行 npm run build (run npm run build first)`);
    process.exit(2);
  }
  return path;
}

const bin = cliBin();

/** A path as the user reads it best: relative when inside `base`, absolute when outside. */
function display(path, base) {
  const shown = relative(base, path);
  return shown === '' ? '.' : shown.startsWith('..') ? path : shown;
}

// --print-commands: list the commands without running them (the README shows the same lines).
const printOnly = process.argv.includes('--print-commands');

/** Runs one CLI command; exit codes in `allowed` are expected outcomes, anything else stops the example. */
function jianshen(args, allowed = [0]) {
  const shown = `jianshen ${args.map((arg) => (arg.startsWith('/') ? display(arg, repoRoot) : arg)).join(' ')}`;
  if (printOnly) {
    console.log(shown);
    return 0;
  }
  console.log(`\n$ ${shown}`);
  const result = spawnSync(process.execPath, [bin, ...args], { cwd: repoRoot, stdio: 'inherit' });
  if (result.error) throw result.error;
  if (!allowed.includes(result.status ?? -1)) {
    console.error(
      `jianshen ${args[0]} 失败，退出码 ${result.status} (failed with exit code ${result.status})`,
    );
    process.exit(result.status ?? 1);
  }
  return result.status;
}

jianshen(['notice', '--campaign', campaign, '-o', join(out, 'notice.docx')]);
jianshen(['template', '--campaign', campaign, '-o', join(out, 'template.xlsx')]);
jianshen(['template', '--campaign', campaign, '-o', join(out, 'template.docx')]);
// The sample submissions are deliberately messy: exit code 1 (data errors found) is the expected result.
// They count as submitted before the 2024-05-28 deadline; a git checkout's file times mean nothing.
const aggregateStatus = jianshen(
  [
    'aggregate',
    '--campaign',
    campaign,
    submissions,
    '--out',
    join(out, 'aggregate'),
    '--submitted-on',
    '2024-05-27',
  ],
  [0, 1],
);

if (printOnly) process.exit(0);

// npm runs scripts in the package folder; INIT_CWD is where the user typed the command.
const shown = display(out, process.env.INIT_CWD ?? process.cwd());
console.log(`\n示例输出已写入 ${shown}/ (example outputs written to ${shown}/):`);
console.log(`  通知 notice:            ${join(shown, 'notice.docx')}`);
console.log(`  模板 templates:         ${join(shown, 'template.xlsx')}, ${join(shown, 'template.docx')}`);
console.log(`  汇总 aggregation:       ${join(shown, 'aggregate')}/`);
if (aggregateStatus === 1) {
  console.log(
    '  （示例报送中有故意保留的错误，问题清单见汇总目录 / the sample submissions contain deliberate errors; see the issues list）',
  );
}
