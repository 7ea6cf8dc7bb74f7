import type { ChartSummary } from './chart-summary.js';

/** A Linfen-like summary: three units reported (one a long name), the other counties missing. */
export const linfenSummary: ChartSummary = {
  byUnit: [
    { unit: '尧都区', rows: 12 },
    { unit: '侯马市', rows: 5 },
    { unit: '曲沃县', rows: 0 },
    { unit: '临汾经济开发区', rows: 7 },
  ],
  byMode: [
    { mode: 'online', rows: 6 },
    { mode: 'offline', rows: 16 },
    { mode: 'hybrid', rows: 2 },
  ],
  byMonth: [
    { month: '2024-06', rows: 8 },
    { month: '2024-07', rows: 10 },
    { month: '2024-09', rows: 6 },
  ],
  missingUnits: [
    '霍州市',
    '翼城县',
    '襄汾县',
    '洪洞县',
    '古县',
    '安泽县',
    '浮山县',
    '吉县',
    '乡宁县',
    '大宁县',
    '隰县',
    '永和县',
    '蒲县',
    '汾西县',
  ],
};
