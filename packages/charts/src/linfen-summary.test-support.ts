import { linfen2024Campaign } from '@jianshen/schema';
import type { ChartSummary } from './chart-summary.js';

const byUnit: ChartSummary['byUnit'] = [
  { unit: '尧都区', rows: 12 },
  { unit: '侯马市', rows: 5 },
  { unit: '曲沃县', rows: 0 },
  { unit: '临汾经济开发区', rows: 7 },
];

/**
 * A Linfen-like summary: three of the campaign's units reported (one a long name), the others
 * missing, as the aggregator would list them from linfen2024Campaign.expectedUnits.
 */
export const linfenSummary: ChartSummary = {
  byUnit,
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
  missingUnits: linfen2024Campaign.expectedUnits.filter(
    (unit) => !byUnit.some((group) => group.unit === unit),
  ),
};
