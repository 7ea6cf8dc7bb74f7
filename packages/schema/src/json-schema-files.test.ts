import { describe, expect, it } from 'vitest';
import { activityRowJsonSchema, campaignJsonSchema } from './json-schema.js';

const lineWidth = 110;

/**
 * JSON laid out the way the repository's formatter (biome) lays it out, so `npm run lint` and
 * the snapshot agree: objects one key per line, arrays of plain values on one line when they fit.
 */
function formatJson(value: unknown, indent = '', prefix = ''): string {
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    const inner = `${indent}  `;
    if (value.every((item) => item === null || typeof item !== 'object')) {
      const flat = `[${value.map((item) => JSON.stringify(item)).join(', ')}]`;
      if (indent.length + prefix.length + flat.length + 1 <= lineWidth) return flat;
    }
    return `[\n${value.map((item) => `${inner}${formatJson(item, inner)}`).join(',\n')}\n${indent}]`;
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value);
    if (entries.length === 0) return '{}';
    const inner = `${indent}  `;
    const lines = entries.map(([key, item]) => {
      const keyText = `${JSON.stringify(key)}: `;
      return `${inner}${keyText}${formatJson(item, inner, keyText)}`;
    });
    return `{\n${lines.join(',\n')}\n${indent}}`;
  }
  return JSON.stringify(value);
}

// The published .schema.json files are generated from the zod schemas; these snapshots fail
// whenever a schema changes without the files being regenerated (`npx vitest run -u`).
describe('published JSON Schema files', () => {
  it('campaign.schema.json matches campaignJsonSchema()', async () => {
    await expect(`${formatJson(campaignJsonSchema())}\n`).toMatchFileSnapshot('../campaign.schema.json');
  });

  it('activity-row.schema.json matches activityRowJsonSchema()', async () => {
    await expect(`${formatJson(activityRowJsonSchema())}\n`).toMatchFileSnapshot(
      '../activity-row.schema.json',
    );
  });

  it('lays out JSON as the formatter does', () => {
    expect(formatJson({ a: [1, 'x'], b: {}, c: [{ d: null }], e: [] })).toBe(
      '{\n  "a": [1, "x"],\n  "b": {},\n  "c": [\n    {\n      "d": null\n    }\n  ],\n  "e": []\n}',
    );
  });
});
