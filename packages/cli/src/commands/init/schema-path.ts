import { createRequire } from 'node:module';
import { join, relative, sep } from 'node:path';

const schemaSpecifier = '@jianshen/schema/campaign.schema.json';

function resolveFrom(base: string): string | undefined {
  try {
    return createRequire(base).resolve(schemaSpecifier);
  } catch {
    return undefined;
  }
}

/**
 * The campaign JSON Schema as the YAML language server will look for it: relative to the campaign's
 * own folder. The folder's own install of @jianshen/schema comes first (a project with
 * `npm i -D @jianshen/cli`); otherwise the copy this CLI runs with (npx, a global install). A path
 * under `<dir>/node_modules` is never assumed: it exists only where something was installed.
 */
export function campaignSchemaPath(folder: string): string {
  const found = resolveFrom(join(folder, 'campaign.yaml')) ?? resolveFrom(import.meta.url) ?? undefined;
  if (found === undefined) throw new Error(`cannot resolve ${schemaSpecifier}`);
  const path = relative(folder, found).split(sep).join('/');
  return path.startsWith('.') ? path : `./${path}`;
}
