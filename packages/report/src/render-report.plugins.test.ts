import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { aggregate } from '@jianshen/aggregator';
import { resolveCampaign } from '@jianshen/plugin-kit';
import { describe, expect, it } from 'vitest';
import datong from '../../../examples/datong-2025/campaign.js';
import { renderReport } from './render-report.js';
import { documentText } from './report.test-support.js';
import type { ReportJson } from './report-input.js';

// A second city with plugins: its totals and its plugin assessment column reach the report.
const submissions = fileURLToPath(new URL('../../../examples/datong-2025/submissions/', import.meta.url));

describe('a report with plugins (the Datong example)', async () => {
  const campaign = await resolveCampaign(datong);
  const inputs = readdirSync(submissions).map((name) => ({
    path: name,
    data: new Uint8Array(readFileSync(`${submissions}${name}`)),
    modified: new Date('2025-09-10T02:00:00Z'),
  }));
  const report = JSON.parse(JSON.stringify(await aggregate(inputs, campaign))) as ReportJson;

  it('states the plugin totals summed from report.json rows and shows the 参与人数 column', async () => {
    const text = documentText(await renderReport({ campaign, report }));
    const participants = report.rows.reduce((sum, row) => sum + Number(row.participants ?? 0), 0);
    expect(participants).toBeGreaterThan(0);
    expect(text).toContain(`参与人数${participants}`);
    expect(text).toContain('大同市体育局文件');
    expect(report.assessment?.columns.map((column) => column.key)).toContain('participants');
  });

  it('is written in English on request', async () => {
    const text = documentText(await renderReport({ campaign, report, lang: 'en' }));
    expect(text).toContain(`The units reported ${report.rows.length} activities in total.`);
    expect(text).toContain('Respectfully submitted.');
    expect(text).toContain('Source unit');
  });
});
