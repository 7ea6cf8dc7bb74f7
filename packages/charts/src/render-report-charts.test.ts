import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ChartSummary } from './chart-summary.js';
import { linfenSummary } from './linfen-summary.test-support.js';
import { type RenderedChart, renderReportCharts } from './render-report-charts.js';
import { parseSvg } from './svg.test-support.js';

// The summary of report.json written by the CLI for the Linfen example:
// `jianshen aggregate --campaign examples/linfen-2024/campaign.yaml examples/linfen-2024/submissions
// --submitted-on 2024-05-27`. Long real unit names (临汾市尧都区文化和旅游局), 12 units missing.
const cliSummary: ChartSummary = JSON.parse(
  readFileSync(new URL('./__fixtures__/linfen-2024-summary.json', import.meta.url), 'utf8'),
);

function chart(charts: readonly RenderedChart[], id: RenderedChart['id']): RenderedChart {
  const found = charts.find((candidate) => candidate.id === id);
  if (!found) throw new Error(`no chart ${id}`);
  return found;
}

/** Bars drawn in proportion: the same pixels per activity for every bar, none for a zero. */
function expectProportional(bars: readonly { index: number; length: number }[], values: readonly number[]) {
  expect(bars.map((bar) => bar.index)).toEqual(values.map((_, index) => index));
  const largest = Math.max(...values);
  const scale = (bars[values.indexOf(largest)]?.length ?? 0) / largest;
  expect(scale).toBeGreaterThan(0);
  for (const [index, value] of values.entries()) expect(bars[index]?.length).toBeCloseTo(value * scale, 0);
}

describe('renderReportCharts', () => {
  const zh = renderReportCharts(linfenSummary, { lang: 'zh' });
  const en = renderReportCharts(linfenSummary, { lang: 'en' });

  it('draws the three charts in order with their titles in the chosen language', () => {
    expect(zh.map((rendered) => [rendered.id, rendered.title])).toEqual([
      ['by-unit', '各单位活动数'],
      ['by-mode', '举办方式占比'],
      ['by-month', '各月活动数'],
    ]);
    expect(en.map((rendered) => rendered.title)).toEqual([
      'Activities by unit',
      'Share by mode (online / offline)',
      'Activities by month',
    ]);
    for (const rendered of [...zh, ...en]) expect(parseSvg(rendered.svg).texts).toContain(rendered.title);
    expect([...zh, ...en].map((rendered) => rendered.fileName)).toEqual([
      '各单位活动数.svg',
      '举办方式占比.svg',
      '各月活动数.svg',
      'activities-by-unit.svg',
      'share-by-mode.svg',
      'activities-by-month.svg',
    ]);
  });

  it('draws a bar and a label for every unit, expected units with nothing sent included', () => {
    const byUnit = chart(zh, 'by-unit');
    const svg = parseSvg(byUnit.svg, 'horizontal');
    const units = ['尧都区', '临汾经济开发区', '侯马市', '曲沃县', ...linfenSummary.missingUnits];
    const counts = [12, 7, 5, ...units.slice(3).map(() => 0)];
    expect(byUnit.table.rows).toEqual(units.map((label, index) => ({ label, value: counts[index] })));
    expect(svg.texts.filter((text) => units.includes(text))).toEqual(units);
    expectProportional(svg.bars, counts);
    // Each bar carries its count as a label.
    for (const count of [12, 7, 5]) expect(svg.texts).toContain(String(count));
  });

  it('gives every unit a row: the per-unit chart grows past the default height', () => {
    const byUnit = chart(zh, 'by-unit');
    expect(byUnit.height).toBeGreaterThan(450);
    expect(parseSvg(byUnit.svg).height).toBe(byUnit.height);
    const fixed = renderReportCharts(linfenSummary, { lang: 'zh', width: 640, height: 900 });
    expect(fixed.map((rendered) => [rendered.width, rendered.height])).toEqual([
      [640, 900],
      [640, 900],
      [640, 900],
    ]);
  });

  it('draws only the most active units when asked for at most `mostUnits`, and says so', () => {
    const byUnit = [
      ...Array.from({ length: 118 }, (_, index) => ({ unit: `第${index + 1}县`, rows: 200 - index })),
    ];
    const summary: ChartSummary = { ...linfenSummary, byUnit, missingUnits: ['吉县', '大宁县'] };
    const drawn = chart(renderReportCharts(summary, { lang: 'zh', mostUnits: 20 }), 'by-unit');
    const labels = drawn.table.rows.map((row) => row.label);
    expect(labels).toHaveLength(20);
    expect(labels.slice(0, 3)).toEqual(['第1县', '第2县', '第3县']);
    expect(drawn.title).toBe('各单位活动数（前 20 个，共 120 个单位）');
    expect(parseSvg(drawn.svg).texts).toContain(drawn.title);
    expect(parseSvg(drawn.svg, 'horizontal').bars).toHaveLength(20);
    // As tall as 20 rows, not 120.
    expect(drawn.height).toBeLessThan(
      chart(renderReportCharts(summary, { lang: 'zh' }), 'by-unit').height / 4,
    );
  });

  it('labels each 举办方式 slice with its count and share', () => {
    const texts = parseSvg(chart(zh, 'by-mode').svg).texts;
    expect(texts).toEqual(
      expect.arrayContaining(['线上', '6 项（25%）', '线下', '16 项（66.7%）', '线上线下', '2 项（8.3%）']),
    );
    expect(parseSvg(chart(en, 'by-mode').svg).texts).toEqual(
      expect.arrayContaining([
        'Online',
        '6 (25%)',
        'Offline',
        '16 (66.7%)',
        'Online and offline',
        '2 (8.3%)',
      ]),
    );
  });

  it('draws a bar per month, empty months as zero', () => {
    const byMonth = chart(zh, 'by-month');
    const svg = parseSvg(byMonth.svg);
    const months = ['2024年6月', '2024年7月', '2024年8月', '2024年9月'];
    expect(svg.texts.filter((text) => months.includes(text))).toEqual(months);
    expectProportional(svg.bars, [8, 10, 0, 6]);
    expect(parseSvg(chart(en, 'by-month').svg).texts).toEqual(
      expect.arrayContaining(['Jun 2024', 'Aug 2024']),
    );
  });

  it('draws the CLI report summary: counts as in report.json, every expected unit', () => {
    const charts = renderReportCharts(cliSummary, { lang: 'zh' });
    const byUnit = chart(charts, 'by-unit');
    const expectedRows = cliSummary.byUnit.length + cliSummary.missingUnits.length;
    expect(byUnit.table.rows).toHaveLength(expectedRows);
    const svg = parseSvg(byUnit.svg, 'horizontal');
    expectProportional(
      svg.bars,
      byUnit.table.rows.map((row) => row.value),
    );
    // Long names wrap inside their row rather than being cut: every character is drawn.
    const drawn = svg.texts.join('');
    for (const { unit } of cliSummary.byUnit) expect(drawn).toContain(unit.slice(-4));
    const total = cliSummary.byMonth.reduce((sum, group) => sum + group.rows, 0);
    const months = chart(charts, 'by-month').table.rows;
    expect(months.reduce((sum, row) => sum + row.value, 0)).toBe(total);
  });

  it('writes well-formed SVG with the CJK font stack and no NaN', () => {
    for (const rendered of [...zh, ...en, ...renderReportCharts(cliSummary, { lang: 'zh' })]) {
      expect(rendered.svg).not.toMatch(/NaN|undefined|Infinity/);
      const svg = parseSvg(rendered.svg);
      expect(svg.width).toBe(rendered.width);
      expect([...svg.fontFamilies]).toEqual([
        "'Microsoft YaHei', 'PingFang SC', 'Noto Sans CJK SC', sans-serif",
      ]);
    }
  });

  it('draws the same bytes for the same input, whatever was drawn before', () => {
    renderReportCharts(cliSummary, { lang: 'en' });
    const again = renderReportCharts(linfenSummary, { lang: 'zh' });
    expect(again.map((rendered) => rendered.svg)).toEqual(zh.map((rendered) => rendered.svg));
  });

  it('keeps ids apart between the charts of one page', () => {
    const ids = zh.map((rendered) => new Set(rendered.svg.match(/\b(?:id|class)="[^"]+"/g)));
    const [byUnit, byMode] = ids;
    for (const name of byUnit ?? []) expect(byMode?.has(name)).toBe(false);
  });

  it('says so instead of drawing an empty pie or axis when there are no activities', () => {
    const none: ChartSummary = {
      byUnit: [],
      byMode: [
        { mode: 'online', rows: 0 },
        { mode: 'offline', rows: 0 },
        { mode: 'hybrid', rows: 0 },
      ],
      byMonth: [],
      missingUnits: ['尧都区', '侯马市'],
    };
    const [byUnit, byMode, byMonth] = renderReportCharts(none, { lang: 'zh' });
    expect(parseSvg(byUnit?.svg ?? '').texts).toEqual(expect.arrayContaining(['尧都区', '侯马市']));
    expect(parseSvg(byMode?.svg ?? '').texts).toContain('暂无活动数据');
    expect(parseSvg(byMonth?.svg ?? '').texts).toContain('暂无活动数据');
    expect(renderReportCharts(none, { lang: 'en' })[1]?.svg).toContain('No activities yet');
    expect(byMode?.table.rows.map((row) => row.value)).toEqual([0, 0, 0]);
  });
});
