import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs script without types, run by hand after updating libphonenumber-js.
import { chinaMetadataModule } from '../../scripts/cn-phone-metadata.mjs';

describe("China's phone metadata", () => {
  it('is what the installed libphonenumber-js has for +86 (else run scripts/cn-phone-metadata.mjs)', () => {
    const committed = readFileSync(new URL('./cn-phone-metadata.generated.ts', import.meta.url), 'utf8');
    expect(committed).toBe(chinaMetadataModule());
  });
});
