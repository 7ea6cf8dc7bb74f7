import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

// The guide's architecture, checked so it stays as easy to see as it is drawn:
// browser-safe packages, and dependencies that only point downward.
const root = new URL('..', import.meta.url).pathname;
const packagesDirectory = join(root, 'packages');
const packageNames = readdirSync(packagesDirectory).filter((name) =>
  statSync(join(packagesDirectory, name, 'package.json'), { throwIfNoEntry: false }),
);

/** Lower number = lower layer; a package may depend only on packages of a lower layer. */
const layers: Record<string, number> = {
  schema: 0,
  ooxml: 0,
  'plugin-kit': 1,
  notice: 2,
  aggregator: 2,
  // Charts draw a report's summary; they take its shape, not the aggregator.
  charts: 2,
  // The template's .docx twin is the notice's attachment page: one code path for both.
  template: 3,
  // The upward report lays out a campaign and report.json with the notice's code and the charts.
  report: 3,
  cli: 5,
  // The clerks' page: like the CLI, it gathers input and calls the packages.
  web: 5,
};
function layerOf(name: string): number {
  // First-party plugins sit on the plugin kit, beside the generators.
  return layers[name] ?? (name.startsWith('plugin-') ? 2 : Number.NaN);
}

function sourceFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) return entry.name === '__fixtures__' ? [] : sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !/(\.test|test-support)\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

describe('architecture', () => {
  it.each(packageNames.filter((name) => name !== 'cli'))(
    '%s imports node: modules only under src/node/',
    (name) => {
      const offenders = sourceFiles(join(packagesDirectory, name, 'src'))
        .filter((path) => !relative(join(packagesDirectory, name, 'src'), path).startsWith('node/'))
        .filter((path) =>
          /from ['"]node:|require\(['"]node:|import\(['"]node:/.test(readFileSync(path, 'utf8')),
        );
      expect(offenders.map((path) => relative(root, path))).toEqual([]);
    },
  );

  it('schema has no exceljs or docx', () => {
    const manifest = JSON.parse(readFileSync(join(packagesDirectory, 'schema', 'package.json'), 'utf8'));
    expect(Object.keys(manifest.dependencies ?? {})).not.toEqual(expect.arrayContaining(['exceljs']));
    expect(Object.keys(manifest.dependencies ?? {})).not.toEqual(expect.arrayContaining(['docx']));
  });

  it.each(packageNames)('%s depends downward only', (name) => {
    const manifest = JSON.parse(readFileSync(join(packagesDirectory, name, 'package.json'), 'utf8'));
    const internal = Object.keys({ ...manifest.dependencies, ...manifest.peerDependencies })
      .filter((dependency) => dependency.startsWith('@jianshen/'))
      .map((dependency) => dependency.slice('@jianshen/'.length));
    expect(Number.isNaN(layerOf(name))).toBe(false);
    for (const dependency of internal)
      expect(layerOf(dependency), `${name} → ${dependency}`).toBeLessThan(layerOf(name));
  });

  // The CLI and the page are applications, not libraries: they are not packaged like the others.
  it.each(packageNames.filter((name) => name !== 'cli' && name !== 'web'))(
    '%s is packaged like the others',
    (name) => {
      const manifest = JSON.parse(readFileSync(join(packagesDirectory, name, 'package.json'), 'utf8'));
      expect(manifest.sideEffects).toBe(false);
      expect(manifest.files).toEqual(expect.arrayContaining(['dist']));
      const first = manifest.exports['.'];
      expect(Object.keys(first.import ?? first)[0]).toBe('types');
    },
  );
});
