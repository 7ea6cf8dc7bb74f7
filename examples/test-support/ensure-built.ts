import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root. */
export const repoRoot = resolve(fileURLToPath(new URL('../..', import.meta.url)));

const packagesRoot = join(repoRoot, 'packages');
const lockPath = join(
  tmpdir(),
  `jianshen-examples-build-${Buffer.from(repoRoot).toString('hex').slice(-16)}.lock`,
);

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(path)) {
    // Tests and their fixtures are not built: editing them leaves dist current.
    if (/\.test\.ts$|^__(?:fixtures|snapshots)__$/.test(entry)) continue;
    newest = Math.max(newest, newestMtime(join(path, entry)));
  }
  return newest;
}

function oldestMtime(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let oldest = Number.POSITIVE_INFINITY;
  for (const entry of readdirSync(path)) oldest = Math.min(oldest, oldestMtime(join(path, entry)));
  return oldest;
}

/** Packages whose dist is missing or older than their sources (tests are skipped: they are not built). */
export function stalePackages(): string[] {
  return readdirSync(packagesRoot).filter((name) => {
    const directory = join(packagesRoot, name);
    if (!existsSync(join(directory, 'tsup.config.ts'))) return false;
    const dist = join(directory, 'dist');
    if (!existsSync(dist) || readdirSync(dist).length === 0) return true;
    const sources = Math.max(
      newestMtime(join(directory, 'src')),
      newestMtime(join(directory, 'package.json')),
      newestMtime(join(directory, 'tsup.config.ts')),
    );
    return oldestMtime(dist) < sources;
  });
}

function sleep(milliseconds: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, milliseconds);
}

/**
 * Builds the packages the examples run from `dist/` (the CLI and the plugins), once: the examples
 * are run as users run them, against built packages. Fresh builds (CI builds before testing) are
 * left alone; parallel test files wait for one build instead of racing on the same dist folders.
 */
export function ensureBuilt(): void {
  const deadline = Date.now() + 300_000;
  for (;;) {
    try {
      mkdirSync(lockPath);
      break;
    } catch {
      // Another test file is building; a lock older than the deadline is left from a killed run.
      const lock = statSync(lockPath, { throwIfNoEntry: false });
      if (lock && Date.now() - lock.mtimeMs > 300_000) rmSync(lockPath, { force: true, recursive: true });
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${lockPath}`);
      sleep(250);
    }
  }
  try {
    const stale = stalePackages();
    if (stale.length === 0) return;
    const result = spawnSync(
      'npx',
      [
        'turbo',
        'run',
        'build',
        '--output-logs=errors-only',
        ...stale.map((name) => `--filter=./packages/${name}`),
      ],
      { cwd: repoRoot, encoding: 'utf8', env: { ...process.env, TURBO_TELEMETRY_DISABLED: '1' } },
    );
    if (result.status !== 0) {
      throw new Error(
        `building ${stale.join(', ')} failed (exit ${result.status}):\n${result.stdout}\n${result.stderr}`,
      );
    }
  } finally {
    rmSync(lockPath, { force: true, recursive: true });
  }
}
