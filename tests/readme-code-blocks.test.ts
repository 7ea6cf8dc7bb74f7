import { spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { transformWithOxc } from 'vite';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt } from '../examples/test-support/ensure-built.js';

// Every code block in the READMEs runs as written (developers' guide), against the built packages
// and the linked `jianshen` bin, in a folder outside the repository that looks like a user's project:
//
// - Blocks of one README run in document order in one working folder, so `jianshen init 大同`
//   in one block makes the campaign a later block uses.
// - A block whose first line is a comment naming a relative file (`// 我的城市/venue-address.mjs`,
//   `# 我的城市/campaign.yaml`) is that file: it is written there; a js/ts file is then imported
//   (it must load), a `*.test.ts` file is run with vitest.
// - Other js/ts blocks run as ES modules with node (TypeScript with its types stripped by oxc,
//   as the user's own build or loader would).
// - sh blocks run with bash, each command checked: exit 0, or 1 for `validate`/`aggregate`, which is
//   their documented "data errors found" (the sample submissions have deliberate mistakes).
//   PATH is the user's, without node_modules/.bin: a bare `jianshen` would fail as it does for them.
// - yaml, json and plain blocks are data: written when they name a file, never run.
//
// The working folder has: node_modules (a link to the repository's, as after `npm i -D
// @jianshen/cli`), a copy of examples/ (the READMEs' paths are from the repository root), and
// what a bureau has at hand: campaign.yaml (the Linfen 2024 campaign) and 报送/ (its sample
// submissions). Nothing else.
//
// A block that cannot run is marked in the markdown with `no-run` after the language, and listed
// here with the reason; the test fails for an unmarked block that is listed or a marked one that
// is not, so nothing is skipped silently.
const root = fileURLToPath(new URL('..', import.meta.url));

const readmes = [
  'README.md',
  'examples/README.md',
  'bench/README.md',
  ...['packages', 'examples'].flatMap((folder) =>
    readdirSync(join(root, folder), { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && existsSync(join(root, folder, entry.name, 'README.md')))
      // The web page's README belongs to the team building it; its blocks join when it is done.
      .filter((entry) => !(folder === 'packages' && entry.name === 'web'))
      .map((entry) => `${folder}/${entry.name}/README.md`),
  ),
];

interface Exclusion {
  readme: string;
  /** The block's first line. */
  firstLine: string;
  reason: string;
}

/** Blocks marked `no-run`, and why each cannot run as written. */
const exclusions: Exclusion[] = [
  {
    readme: 'README.md',
    firstLine: 'npm ci && npm run build && npm run example',
    reason:
      'CI runs this very line on a clean clone (.ci/run); a test cannot reinstall the repository it runs in',
  },
  {
    readme: 'README.md',
    firstLine:
      'npm ci && npm run build && npm run lint && npm run typecheck && npm run check:packages && npm test',
    reason: 'CI runs this very line on a clean clone (.ci/run); it includes this test',
  },
  {
    readme: 'README.md',
    firstLine: 'npm i -D @jianshen/cli',
    reason: 'installs from the public npm registry; the working folder links the built packages instead',
  },
  {
    readme: 'packages/cli/README.md',
    firstLine: 'npm i -D @jianshen/cli',
    reason: 'installs from the public npm registry; the working folder links the built packages instead',
  },
  {
    readme: 'examples/linfen-2024/README.md',
    firstLine: 'npm ci && npm run build && npm run example',
    reason: 'CI runs this very line on a clean clone (.ci/run); run-example.test.ts runs the example',
  },
  {
    readme: 'packages/aggregator/README.md',
    firstLine: "import { aggregate, writeConsolidatedWorkbook, writeIssuesCsv } from '@jianshen/aggregator';",
    reason: 'browser code: reads a file <input> and updates a progress bar on a page',
  },
  {
    readme: 'packages/plugin-kit/README.md',
    firstLine: 'defineSummary({',
    reason: 'a fragment: one entry of the summaries list of the plugin in section 2',
  },
  {
    readme: 'packages/plugin-kit/README.md',
    firstLine: 'notice: {',
    reason: 'a fragment: the notice property of a plugin object',
  },
];

interface Block {
  readme: string;
  line: number;
  language: string;
  noRun: boolean;
  text: string;
}

function codeBlocks(readme: string): Block[] {
  const lines = readFileSync(join(root, readme), 'utf8').split('\n');
  const blocks: Block[] = [];
  for (let index = 0; index < lines.length; index++) {
    const open = /^```(\S*)(.*)$/.exec(lines[index]!);
    if (!open) continue;
    const end = lines.findIndex((line, position) => position > index && line.startsWith('```'));
    blocks.push({
      readme,
      line: index + 1,
      language: open[1] ?? '',
      noRun: /\bno-run\b/.test(open[2] ?? ''),
      text: `${lines.slice(index + 1, end).join('\n')}\n`,
    });
    index = end;
  }
  return blocks;
}

const runnable = new Set(['sh', 'js', 'ts']);

/** `// 我的城市/venue-address.mjs` or `# campaign.yaml`: the block is that file. */
function fileName(block: Block): string | undefined {
  const first = block.text.split('\n')[0] ?? '';
  return /^(?:\/\/|#) ([^\s/][^\s]*\.[a-z]+)$/.exec(first)?.[1];
}

function userEnvironment(): NodeJS.ProcessEnv {
  const environment: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) {
    // npm run / vitest settings would steer npx; a user's shell has none of them.
    if (!/^(npm_|VITEST|NODE_OPTIONS|INIT_CWD)/i.test(name)) environment[name] = value;
  }
  environment.PATH = (process.env.PATH ?? '')
    .split(delimiter)
    .filter((entry) => !entry.endsWith(join('node_modules', '.bin')))
    .join(delimiter);
  // npx must find the local bin or fail; never fetch a package of that name from the registry.
  environment.npm_config_yes = 'false';
  environment.npm_config_update_notifier = 'false';
  environment.JIANSHEN_LANG = '';
  return environment;
}

function workingFolder(readme: string): string {
  const folder = mkdtempSync(join(tmpdir(), `jianshen-readme-${readme.replace(/\W+/g, '-')}-`));
  symlinkSync(join(root, 'node_modules'), join(folder, 'node_modules'), 'dir');
  cpSync(join(root, 'examples'), join(folder, 'examples'), {
    recursive: true,
    filter: (source) => !/node_modules|[\\/]out$/.test(source),
  });
  cpSync(join(root, 'examples/linfen-2024/campaign.yaml'), join(folder, 'campaign.yaml'));
  cpSync(join(root, 'examples/linfen-2024/submissions'), join(folder, '报送'), {
    recursive: true,
    filter: (source) => !source.endsWith('.py'),
  });
  return folder;
}

interface Outcome {
  status: number | null;
  output: string;
}

function spawn(command: string, args: string[], cwd: string): Outcome {
  const result = spawnSync(command, args, {
    cwd,
    encoding: 'utf8',
    env: userEnvironment(),
    timeout: 240_000,
  });
  return { status: result.status, output: `${result.stdout}${result.stderr}${result.error ?? ''}` };
}

/** Logical shell lines: continuations joined, comments and blank lines left out. */
function commands(script: string): string[] {
  return script
    .replace(/\\\n/g, ' ')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
}

function runShell(block: Block, folder: string): Outcome {
  const checked = commands(block.text).map((command) => {
    const quoted = command.replace(/'/g, `'\\''`);
    return `${command}\n__check $? '${quoted}'`;
  });
  const script = [
    '__check() {',
    '  if [ "$1" -eq 0 ]; then return; fi',
    '  if [ "$1" -eq 1 ] && [[ "$2" =~ jianshen\\ +(validate|aggregate) ]]; then return; fi',
    '  echo "exit $1: $2" >&2; exit 1',
    '}',
    ...checked,
  ].join('\n');
  return spawn('bash', ['-c', script], folder);
}

/** TypeScript as node runs it after the user's build: the types stripped, the module kept. */
async function asJavaScript(folder: string, path: string): Promise<string> {
  if (!/\.[mc]?ts$/.test(path)) return path;
  const { code } = await transformWithOxc(readFileSync(join(folder, path), 'utf8'), path, { lang: 'ts' });
  const javascript = path.replace(/\.[mc]?ts$/, '.readme-check.mjs');
  writeFileSync(join(folder, javascript), code);
  return javascript;
}

async function runModule(block: Block, folder: string, path: string): Promise<Outcome> {
  if (/\.test\.[mc]?[jt]s$/.test(path)) {
    return spawn(join(folder, 'node_modules/.bin/vitest'), ['run', path, '--root', folder], folder);
  }
  const javascript = await asJavaScript(folder, path);
  if (fileName(block) === undefined) return spawn(process.execPath, [javascript], folder);
  // A file block (a plugin, a TS campaign) must at least load.
  const url = new URL(`file://${join(folder, javascript)}`).href;
  return spawn(
    process.execPath,
    ['--input-type=module', '-e', `await import(${JSON.stringify(url)})`],
    folder,
  );
}

async function run(block: Block, folder: string, index: number): Promise<Outcome | undefined> {
  const name = fileName(block);
  if (name) {
    mkdirSync(dirname(join(folder, name)), { recursive: true });
    writeFileSync(join(folder, name), block.text);
  }
  if (block.noRun || !runnable.has(block.language)) return undefined;
  if (block.language === 'sh') return runShell(block, folder);
  const path = name ?? `readme-block-${index}.${block.language === 'ts' ? 'mts' : 'mjs'}`;
  if (!name) writeFileSync(join(folder, path), block.text);
  return runModule(block, folder, path);
}

describe('README code blocks', () => {
  beforeAll(() => ensureBuilt(), 600_000);

  it('marks exactly the listed blocks no-run, each with a reason', () => {
    const marked = readmes.flatMap(codeBlocks).filter((block) => block.noRun);
    const listed = marked.map((block) =>
      exclusions.find(
        (entry) => entry.readme === block.readme && block.text.startsWith(`${entry.firstLine}\n`),
      ),
    );
    expect(
      marked.filter((_, index) => !listed[index]).map((block) => `${block.readme}:${block.line}`),
      'marked no-run but not listed in exclusions',
    ).toEqual([]);
    expect(
      exclusions
        .filter((entry) => !listed.includes(entry))
        .map((entry) => `${entry.readme}: ${entry.firstLine}`),
      'listed in exclusions but not marked no-run',
    ).toEqual([]);
    for (const entry of exclusions) expect(entry.reason.length).toBeGreaterThan(20);
  });

  it.each(readmes)(
    '%s: every block runs as written',
    async (readme) => {
      const blocks = codeBlocks(readme);
      const folder = workingFolder(readme);
      for (const [index, block] of blocks.entries()) {
        const outcome = await run(block, folder, index);
        if (!outcome) continue;
        expect(
          outcome.status,
          `${readme}:${block.line} (${block.language}) in ${folder}\n${outcome.output}`,
        ).toBe(0);
      }
      // Kept when a block fails (the message names the folder), removed when all ran.
      rmSync(folder, { recursive: true, force: true });
    },
    600_000,
  );

  it('lists every package in the root README table', () => {
    const text = readFileSync(join(root, 'README.md'), 'utf8');
    for (const name of readdirSync(join(root, 'packages'))) {
      const manifest = join(root, 'packages', name, 'package.json');
      if (!existsSync(manifest)) continue;
      const packageName = (JSON.parse(readFileSync(manifest, 'utf8')) as { name: string }).name;
      expect(text, packageName).toContain(`| [\`${packageName}\`](packages/${name}) |`);
    }
  });

  it.each(readmes)('%s: every relative link points at a file in the repository', (readme) => {
    const text = readFileSync(join(root, readme), 'utf8');
    const links = [...text.matchAll(/\]\(([^)#\s]+)(?:#[^)]*)?\)/g)].map((match) => match[1]!);
    const broken = links
      .filter((link) => !/^[a-z]+:/.test(link))
      .filter((link) => !existsSync(resolve(root, dirname(readme), link)));
    expect(broken, relative(root, readme)).toEqual([]);
  });
});
