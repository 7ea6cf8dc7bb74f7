import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt } from '../examples/test-support/ensure-built.js';

// npm links a bin at install time only if its target exists; dist/ is built after `npm ci`. So the
// bin is a committed shim that loads dist/bin.js. CI runs the README's `npm ci && npm run build`
// before the tests: this is the fresh-clone case, run as a user runs it.
const root = fileURLToPath(new URL('..', import.meta.url));
const cliDirectory = join(root, 'packages', 'cli');
const packageJson = JSON.parse(readFileSync(join(cliDirectory, 'package.json'), 'utf8')) as {
  version: string;
  bin: Record<string, string>;
  files: string[];
};

describe('the jianshen bin', () => {
  beforeAll(() => ensureBuilt());

  it('points at a committed file that npm can link before the build', () => {
    const target = packageJson.bin.jianshen ?? '';
    expect(target).not.toMatch(/dist\//);
    expect(existsSync(join(cliDirectory, target))).toBe(true);
    expect(packageJson.files).toContain(target.replace(/^\.\//, '').split('/')[0]);
    const tracked = spawnSync('git', ['ls-files', '--error-unmatch', target], { cwd: cliDirectory });
    expect(tracked.status, `${target} must be committed`).toBe(0);
  });

  it('runs as node_modules/.bin/jianshen of the repository root', () => {
    const bin = join(root, 'node_modules', '.bin', 'jianshen');
    expect(existsSync(bin), 'npm ci did not link node_modules/.bin/jianshen').toBe(true);
    const result = spawnSync(bin, ['--version'], { cwd: tmpdir(), encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(result).toMatchObject({ status: 0, stdout: `${packageJson.version}\n` });
  });

  it('says it is not built yet, in Chinese and English, with exit code 2', () => {
    const copy = mkdtempSync(join(tmpdir(), 'jianshen-unbuilt-'));
    mkdirSync(join(copy, 'bin'));
    copyFileSync(join(cliDirectory, 'package.json'), join(copy, 'package.json'));
    copyFileSync(join(cliDirectory, packageJson.bin.jianshen ?? ''), join(copy, 'bin', 'jianshen.js'));
    const result = spawnSync(process.execPath, [join(copy, 'bin', 'jianshen.js'), '--version'], {
      encoding: 'utf8',
    });
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('尚未构建，请先运行 npm run build');
    expect(result.stderr).toContain('Not built yet: run npm run build first');
  });
});
