import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const here = dirname(fileURLToPath(import.meta.url));

/** The packages a module and the modules it imports (relative imports followed) load, types left out. */
function packagesLoadedBy(entry: string): Set<string> {
  const packages = new Set<string>();
  const seen = new Set<string>();
  const visit = (path: string) => {
    if (seen.has(path)) return;
    seen.add(path);
    const source = readFileSync(path, 'utf8');
    // Value imports and re-exports; `import type` is erased and loads nothing.
    for (const match of source.matchAll(/^(?:import|export)\s+(?!type\b)[^;]*?from\s+'([^']+)'/gms)) {
      const specifier = match[1] ?? '';
      if (specifier.startsWith('.')) visit(join(dirname(path), specifier.replace(/\.js$/, '.ts')));
      else packages.add(specifier);
    }
  };
  visit(entry);
  return packages;
}

describe('the reading thread (grid-worker)', () => {
  it('loads the readers without zod, the schemas or the campaign', () => {
    const loaded = packagesLoadedBy(join(here, 'grid-worker.ts'));
    // What it does load: the zip and XML layer, the reader's texts, CSV.
    expect(loaded).toContain('@jianshen/ooxml');
    expect(loaded).toContain('@jianshen/schema/reading');
    // The main entry of @jianshen/schema bundles every zod schema and the phone metadata:
    // ~75 ms and ~11 MB more for a thread whose start the first files wait for.
    expect(loaded).not.toContain('@jianshen/schema');
    expect(loaded).not.toContain('zod');
    expect(loaded).not.toContain('@jianshen/plugin-kit');
  });
});
