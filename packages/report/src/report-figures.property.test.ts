import { aggregate, type SubmissionInput } from '@jianshen/aggregator';
import { resolveCampaign } from '@jianshen/plugin-kit';
import { linfen2024Campaign } from '@jianshen/schema';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvHead } from '../../aggregator/src/hostile/submission.js';
import { renderReport } from './render-report.js';
import { documentText } from './report.test-support.js';
import type { ReportJson } from './report-input.js';

// County returns nobody here has seen: random CSV tables (units, modes, days, late or on time),
// aggregated for real, then the report's text checked against counts taken from report.json's rows.
const counties = ['尧都区', '侯马市', '霍州市', '曲沃县', '翼城县', '襄汾县', '洪洞县', '古县'];
const modes = { 线上: 'online', 线下: 'offline', 线上线下: 'hybrid' } as const;

const row = fc.record({
  mode: fc.constantFrom(...(Object.keys(modes) as (keyof typeof modes)[])),
  month: fc.integer({ min: 6, max: 11 }),
  day: fc.integer({ min: 1, max: 28 }),
  name: fc.constantFrom('健步走', '太极拳推广', '乒乓球培训', '登山', '广场舞展演', '体质测定'),
});
const county = fc.record({
  rows: fc.array(row, { minLength: 1, maxLength: 6 }),
  late: fc.boolean(),
});
const batch = fc.dictionary(fc.constantFrom(...counties), county, { minKeys: 1, maxKeys: 6 });

type GeneratedRow = typeof row extends fc.Arbitrary<infer Value> ? Value : never;

function csv(unit: string, rows: readonly GeneratedRow[]): Uint8Array {
  const lines = [
    ...csvHead(`${unit}体育局`),
    ...rows.map(
      (entry, index) =>
        `${index + 1},${unit}体育中心,${entry.name}${index + 1},社区活动,${entry.mode},2024年${entry.month}月${entry.day}日,张敏,1391234567${index},`,
    ),
  ];
  return new TextEncoder().encode(`\uFEFF${lines.join('\n')}\n`);
}

describe('the report of unseen returns', () => {
  it('states the figures report.json holds', async () => {
    const campaign = await resolveCampaign(linfen2024Campaign);
    await fc.assert(
      fc.asyncProperty(batch, async (returns) => {
        const inputs: SubmissionInput[] = Object.entries(returns).map(([unit, entry]) => ({
          path: `${unit}.csv`,
          data: csv(unit, entry.rows),
          modified: new Date(entry.late ? '2024-06-05T02:00:00Z' : '2024-05-20T02:00:00Z'),
        }));
        const report = JSON.parse(JSON.stringify(await aggregate(inputs, campaign))) as ReportJson;
        const text = documentText(await renderReport({ campaign, report }));
        const total = report.rows.length;
        expect(text).toContain(`各单位共报送活动${total}项`);
        for (const [label, mode] of Object.entries(modes)) {
          const count = report.rows.filter((entry) => entry.mode === mode).length;
          if (count > 0)
            expect(text).toContain(`${label}${count}项（占${Math.round((count / total) * 1000) / 10}%）`);
        }
        for (const month of new Set(report.rows.map((entry) => entry.start.slice(0, 7)))) {
          const count = report.rows.filter((entry) => entry.start.startsWith(month)).length;
          expect(text).toContain(`2024年${Number(month.slice(5))}月${count}项`);
        }
        const late = Object.entries(returns)
          .filter(([, entry]) => entry.late)
          .map(([unit]) => unit);
        const reported = Object.keys(returns).length;
        const expected = campaign.expectedUnits.length;
        expect(text).toContain(
          `应报送单位${expected}个，已报送${reported}个，其中按时报送${reported - late.length}个，逾期报送${late.length}个`,
        );
        expect(text).toContain(`未报送单位${expected - reported}个`);
      }),
      { numRuns: 12, seed: 20241205 },
    );
  });
});
