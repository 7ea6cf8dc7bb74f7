import { describe, expect, it } from 'vitest';
import { modeData, monthData, topUnits, unitData } from './chart-data.js';
import type { ChartSummary } from './chart-summary.js';
import { linfenSummary } from './linfen-summary.test-support.js';

const empty: ChartSummary = { byUnit: [], byMode: [], byMonth: [], missingUnits: [] };

describe('unitData', () => {
  it('lists every unit, the most active first, ties and zeros in campaign order, missing units last', () => {
    expect(unitData(linfenSummary).map((datum) => `${datum.label} ${datum.value}`)).toEqual([
      '尧都区 12',
      '临汾经济开发区 7',
      '侯马市 5',
      '曲沃县 0',
      ...linfenSummary.missingUnits.map((unit) => `${unit} 0`),
    ]);
  });

  it('does not list a missing unit twice', () => {
    const summary = { ...empty, byUnit: [{ unit: '古县', rows: 1 }], missingUnits: ['古县', '吉县'] };
    expect(unitData(summary)).toEqual([
      { label: '古县', value: 1 },
      { label: '吉县', value: 0 },
    ]);
  });
});

describe('topUnits', () => {
  const units = Array.from({ length: 120 }, (_, index) => ({
    label: `第${index + 1}县`,
    value: 120 - index,
  }));

  it('keeps the most active', () => {
    expect(topUnits(units, 20)).toEqual(units.slice(0, 20));
  });

  it('leaves a city of up to `most` units as it is', () => {
    expect(topUnits(units.slice(0, 17), 20)).toEqual(units.slice(0, 17));
  });
});

describe('modeData', () => {
  it('labels modes in the chosen language', () => {
    expect(modeData(linfenSummary, 'zh').map((datum) => datum.label)).toEqual(['线上', '线下', '线上线下']);
    expect(modeData(linfenSummary, 'en')).toEqual([
      { label: 'Online', value: 6 },
      { label: 'Offline', value: 16 },
      { label: 'Online and offline', value: 2 },
    ]);
  });
});

describe('monthData', () => {
  it('fills the months between the first and the last with zero', () => {
    expect(monthData(linfenSummary, 'zh')).toEqual([
      { label: '2024年6月', value: 8 },
      { label: '2024年7月', value: 10 },
      { label: '2024年8月', value: 0 },
      { label: '2024年9月', value: 6 },
    ]);
    expect(monthData(linfenSummary, 'en').map((datum) => datum.label)).toEqual([
      'Jun 2024',
      'Jul 2024',
      'Aug 2024',
      'Sep 2024',
    ]);
  });

  it('crosses a year end', () => {
    const byMonth = [
      { month: '2024-11', rows: 1 },
      { month: '2025-02', rows: 2 },
    ];
    expect(monthData({ ...empty, byMonth }, 'zh').map((datum) => `${datum.label} ${datum.value}`)).toEqual([
      '2024年11月 1',
      '2024年12月 0',
      '2025年1月 0',
      '2025年2月 2',
    ]);
  });

  it('lists only the months present when a mistyped year would stretch the axis', () => {
    const byMonth = [
      { month: '2004-06', rows: 1 },
      { month: '2024-06', rows: 9 },
    ];
    expect(monthData({ ...empty, byMonth }, 'zh')).toEqual([
      { label: '2004年6月', value: 1 },
      { label: '2024年6月', value: 9 },
    ]);
  });

  it('is empty without activities', () => {
    expect(monthData(empty, 'zh')).toEqual([]);
  });
});
