import { existsSync, readdirSync, readFileSync, realpathSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import semver from 'semver';
import { describe, expect, it } from 'vitest';

// Every package promises Node ≥ 20.19 (`engines.node`). The promise holds only if everything a
// consumer installs with it admits every such Node too: docx 9.8+ pulled nanoid 6 (Node ≥ 22),
// and `npm install --engine-strict` on Node 20 failed. The closure is read from the installed
// tree, following `dependencies` and `peerDependencies` (what a consumer's install brings).
const root = realpathSync(new URL('..', import.meta.url).pathname);
const promise = '>=20.19';

interface Manifest {
  name: string;
  version: string;
  private?: boolean;
  engines?: { node?: string };
  dependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  peerDependenciesMeta?: Record<string, { optional?: boolean }>;
}

function readManifest(directory: string): Manifest {
  return JSON.parse(readFileSync(join(directory, 'package.json'), 'utf8')) as Manifest;
}

function workspaceDirectories(folder: string): string[] {
  return readdirSync(join(root, folder))
    .map((name) => join(root, folder, name))
    .filter((directory) => existsSync(join(directory, 'package.json')));
}

/** Node's lookup: `<dir>/node_modules/<name>`, then each parent folder's. */
function installedDirectory(name: string, from: string): string | undefined {
  for (let directory = from; ; directory = dirname(directory)) {
    const candidate = join(directory, 'node_modules', name);
    if (existsSync(join(candidate, 'package.json'))) return realpathSync(candidate);
    if (directory === dirname(directory)) return undefined;
  }
}

interface Installed {
  name: string;
  version: string;
  node: string | undefined;
  path: string[];
}

/** Every package the published one brings at install, with the chain that brings it. */
function runtimeClosure(start: string): { installed: Installed[]; missing: string[] } {
  const seen = new Map<string, Installed>();
  const missing: string[] = [];
  const queue: { directory: string; path: string[] }[] = [{ directory: start, path: [] }];
  for (let item = queue.shift(); item; item = queue.shift()) {
    const manifest = readManifest(item.directory);
    const path = [...item.path, manifest.name];
    const optionalPeers = manifest.peerDependenciesMeta ?? {};
    const names = [
      ...Object.keys(manifest.dependencies ?? {}),
      ...Object.keys(manifest.peerDependencies ?? {}).filter((name) => !optionalPeers[name]?.optional),
    ];
    for (const name of names) {
      const directory = installedDirectory(name, item.directory);
      if (!directory) {
        missing.push(`${path.join(' → ')} → ${name}`);
        continue;
      }
      if (seen.has(directory)) continue;
      const dependency = readManifest(directory);
      seen.set(directory, {
        name: dependency.name,
        version: dependency.version,
        node: dependency.engines?.node,
        path: [...path, name],
      });
      queue.push({ directory, path });
    }
  }
  return { installed: [...seen.values()], missing };
}

const workspaces = [root, ...workspaceDirectories('packages'), ...workspaceDirectories('examples')];
const published = workspaceDirectories('packages').filter((directory) => !readManifest(directory).private);

describe('engines.node', () => {
  it.each(workspaces.map((directory) => relative(root, directory) || '.'))(
    '%s/package.json promises Node >=20.19',
    (directory) => {
      expect(readManifest(join(root, directory)).engines?.node).toBe(promise);
    },
  );

  it.each(published.map((directory) => readManifest(directory).name))(
    '%s: every installed runtime dependency admits every Node the package promises',
    (name) => {
      const directory = published.find((candidate) => readManifest(candidate).name === name)!;
      const { installed, missing } = runtimeClosure(directory);
      expect(missing, 'dependencies not installed (run npm ci)').toEqual([]);
      expect(installed.length).toBeGreaterThan(0);
      const refusing = installed
        .filter(({ node }) => node !== undefined && !semver.subset(promise, node))
        .map(({ name, version, node, path }) => `${name}@${version} (node ${node}) via ${path.join(' → ')}`);
      expect(refusing).toEqual([]);
    },
  );

  it('the check catches a dependency that needs a newer Node', () => {
    // nanoid 6's own range: what docx 9.8+ brought.
    expect(semver.subset(promise, '^22 || ^24 || >=26')).toBe(false);
    expect(semver.subset(promise, '^18 || >=20')).toBe(true);
    expect(semver.subset(promise, '>=20.19.0 <21 || >=22')).toBe(false);
  });
});
