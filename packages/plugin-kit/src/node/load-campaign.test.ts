import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CampaignError, linfen2024Campaign, renderIssue, renderMessage } from '@jianshen/schema';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { loadCampaign } from './load-campaign.js';

const fixtures = new URL('./__fixtures__/', import.meta.url).pathname;

async function campaignFile(name: string, text: string): Promise<string> {
  const directory = await mkdtemp(join(tmpdir(), 'jianshen-campaign-'));
  const path = join(directory, name);
  await writeFile(path, text);
  return path;
}

async function loadError(path: string | undefined): Promise<CampaignError> {
  const error = await loadCampaign(path).then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(CampaignError);
  return error as CampaignError;
}

describe('loadCampaign', () => {
  it('returns the built-in Linfen campaign without a file', async () => {
    const campaign = await loadCampaign();
    expect(campaign.docNumber).toBe('临体字〔2024〕44号');
  });

  it('reads YAML and JSON campaign files', async () => {
    const yamlPath = await campaignFile('campaign.yaml', stringify(linfen2024Campaign));
    const jsonPath = await campaignFile('campaign.json', `\uFEFF${JSON.stringify(linfen2024Campaign)}`);
    expect((await loadCampaign(yamlPath)).title).toBe(linfen2024Campaign.title);
    expect((await loadCampaign(jsonPath)).sourcePath).toBe(jsonPath);
  });

  it('reads a TS campaign that loads a plugin relative to itself', async () => {
    const campaign = await loadCampaign(join(fixtures, 'city/campaign.ts'));
    expect(campaign.docNumber).toBe('同体字〔2025〕12号');
    expect(campaign.fields.map((field) => field.key)).toContain('venue');
    expect(campaign.rules.map((rule) => rule.id)).toEqual(['city-local/venue-named']);
  });

  it('names the file and the field for a bad 发文字号', async () => {
    const path = await campaignFile(
      'campaign.yaml',
      stringify({ ...linfen2024Campaign, docNumber: '临体字[2024]44号' }),
    );
    const error = await loadError(path);
    expect(error.issues).toEqual([
      expect.objectContaining({ path, field: 'docNumber', code: 'campaign-doc-number' }),
    ]);
  });

  it('names the file and the field for a missing title', async () => {
    const { title: _title, ...rest } = linfen2024Campaign;
    const path = await campaignFile('campaign.yaml', stringify(rest));
    const error = await loadError(path);
    expect(error.issues).toEqual([expect.objectContaining({ path, field: 'title' })]);
  });

  it('names the file and the plugin for an unknown plugin', async () => {
    const path = await campaignFile(
      'campaign.yaml',
      stringify({ ...linfen2024Campaign, plugins: ['@jianshen/plugin-does-not-exist', './missing.mjs'] }),
    );
    const error = await loadError(path);
    expect(error.issues.map((issue) => [issue.path, issue.field, issue.code])).toEqual([
      [path, 'plugins[0]', 'plugin-not-found'],
      [path, 'plugins[1]', 'plugin-not-found'],
    ]);
    expect(renderedFirst(error)).toContain('@jianshen/plugin-does-not-exist');
  });

  it('reports YAML syntax errors with the line', async () => {
    const path = await campaignFile('campaign.yaml', 'id: x\ntitle: [unclosed\n');
    const error = await loadError(path);
    expect(error.issues).toEqual([expect.objectContaining({ path, code: 'campaign-syntax' })]);
    expect(renderedFirst(error)).toMatch(/^活动配置文件第 \d+ 行第 \d+ 列有语法错误：[^\n]+$/);
  });

  it('reports a missing file', async () => {
    const error = await loadError('/nonexistent/campaign.yaml');
    expect(renderIssue(error.issues[0]!, 'zh')).toMatchObject({
      code: 'campaign-file-missing',
      message: '找不到活动配置文件',
    });
  });
});

/** The first issue's text as the CLI shows it (Chinese, the default). */
function renderedFirst(error: CampaignError): string {
  const first = error.issues[0];
  return first ? renderMessage(first, 'zh') : '';
}
