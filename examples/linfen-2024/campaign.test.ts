import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { loadCampaign, readCampaignFile } from '@jianshen/plugin-kit/node';
import { linfen2024Campaign, parseCampaign } from '@jianshen/schema';
import { describe, expect, it } from 'vitest';

const campaignPath = fileURLToPath(new URL('./campaign.yaml', import.meta.url));

describe('examples/linfen-2024/campaign.yaml', () => {
  it('is the built-in Linfen 2024 campaign, value for value', async () => {
    expect(await readCampaignFile(campaignPath)).toEqual(JSON.parse(JSON.stringify(linfen2024Campaign)));
  });

  it('resolves to the same campaign as the built-in one, with no plugin columns', async () => {
    const { sourcePath, ...fromFile } = await loadCampaign(campaignPath);
    const { sourcePath: _builtIn, ...builtIn } = await loadCampaign();
    expect(sourcePath).toBe(campaignPath);
    expect(fromFile).toEqual(builtIn);
    expect(fromFile.plugins).toEqual([]);
    expect(fromFile.fields.every((field) => field.source === 'core')).toBe(true);
    expect(parseCampaign(await readCampaignFile(campaignPath))).toEqual(parseCampaign(linfen2024Campaign));
  });

  it('points editors at the published JSON Schema', async () => {
    const text = await readFile(campaignPath, 'utf8');
    expect(text.split('\n')[0]).toBe(
      '# yaml-language-server: $schema=../../packages/schema/campaign.schema.json',
    );
    const schemaPath = fileURLToPath(new URL('../../packages/schema/campaign.schema.json', import.meta.url));
    const schema = JSON.parse(await readFile(schemaPath, 'utf8')) as { properties: Record<string, unknown> };
    expect(Object.keys(schema.properties)).toContain('docNumber');
  });
});
