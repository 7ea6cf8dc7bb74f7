import { describe, expect, it } from 'vitest';
import { activityRowJsonSchema, campaignJsonSchema } from './json-schema.js';

describe('JSON Schema export', () => {
  it('describes a campaign file for editors and non-TS validators', () => {
    const schema = campaignJsonSchema() as {
      type: string;
      required: string[];
      properties: Record<string, { pattern?: string; description?: string }>;
    };
    expect(schema.type).toBe('object');
    expect(schema.required).toEqual(
      expect.arrayContaining(['id', 'issuer', 'docNumber', 'title', 'body', 'period']),
    );
    expect(schema.properties.docNumber?.pattern).toContain('〔');
    expect(new RegExp(schema.properties.docNumber!.pattern!, 'u').test('临体字〔2024〕44号')).toBe(true);
  });

  it('describes a normalised activity row', () => {
    const schema = activityRowJsonSchema() as { properties: Record<string, { enum?: string[] }> };
    expect(Object.keys(schema.properties)).toEqual([
      'seq',
      'organizer',
      'name',
      'summary',
      'mode',
      'date',
      'contact',
      'phone',
      'note',
    ]);
    expect(schema.properties.mode?.enum).toEqual(['online', 'offline', 'hybrid']);
  });
});
