import { RuleTester } from '@jianshen/plugin-kit';
import { describe, it } from 'vitest';
import campaign from '../campaign.js';
import venuePlugin, { venueAddressRequired } from './venue-address.js';

// The local plugin's rule, tested as the plugin author's guide shows: in the Datong campaign itself.
const tester = new RuleTester({ campaign: { ...campaign, plugins: [venuePlugin] }, describe, it });
const row = {
  organizer: '平城区体育局',
  name: '健步走',
  mode: 'offline',
  date: { start: '2025-06-01', end: '2025-06-01' },
  phone: ['13934561234'],
};

tester.run('venue-required', venueAddressRequired, {
  valid: [
    { row: { ...row, venueAddress: '平城区文瀛湖公园' } },
    { name: 'online needs no venue', row: { ...row, mode: 'online' } },
    { name: 'a venue naming 大同市', row: { ...row, venueAddress: '山西省大同市平城区体育场' } },
  ],
  invalid: [
    {
      row,
      errors: [
        {
          code: 'datong/venue-missing',
          field: 'venueAddress',
          severity: 'error',
          message: '「健步走」为线下活动，须填写活动地点',
        },
      ],
    },
    { name: 'hybrid counts as offline', row: { ...row, mode: 'hybrid' }, errors: ['datong/venue-missing'] },
    {
      rows: [
        { ...row, venueAddress: '平城区体育场' },
        { ...row, venueAddress: '山西省太原市迎泽公园' },
      ],
      errors: [{ code: 'datong/venue-outside-city', severity: 'warning', row: 2 }],
    },
  ],
});
