import { resolveCampaign } from '@jianshen/plugin-kit';
import { linfen2024Campaign } from '@jianshen/schema';
import { describe, expect, it } from 'vitest';
import { aggregate } from '../aggregate.js';
import { fixture, linfenCampaign } from '../fixtures.test-support.js';
import { linfenSubmissions } from '../linfen-submissions.test-support.js';
import { unitStatuses, unitStatusLabels } from './unit-status.js';

describe('unitStatuses', () => {
  it('lists every expected unit in campaign order with the report’s missing units and counts', async () => {
    const campaign = await linfenCampaign();
    const report = await aggregate(linfenSubmissions(), campaign);
    const statuses = unitStatuses(report, campaign);
    expect(statuses.map((status) => status.unit)).toEqual(campaign.expectedUnits);
    expect(statuses.filter((status) => status.status === 'missing').map((status) => status.unit)).toEqual(
      report.summary.missingUnits,
    );
    const byUnit = Object.fromEntries(statuses.map((status) => [status.unit, status]));
    expect(byUnit.尧都区).toMatchObject({
      status: 'submitted',
      files: ['尧都区.xlsx'],
      rowsAccepted: 4,
      rowsRejected: 0,
      errors: 0,
    });
    // Each county with a rejected row has an error at that row.
    expect(byUnit.侯马市).toMatchObject({
      status: 'errors',
      files: ['侯马市.xlsx'],
      rowsRejected: 1,
      errors: 1,
    });
    expect(byUnit.霍州市).toMatchObject({ status: 'errors', rowsAccepted: 1, errors: 1, warnings: 2 });
    // The counts add up to the report's.
    const sum = (key: 'rowsAccepted' | 'rowsRejected' | 'errors') =>
      statuses.reduce((total, status) => total + status[key], 0);
    expect(sum('rowsAccepted')).toBe(report.summary.rowsAccepted);
    expect(sum('rowsRejected')).toBe(report.summary.rowsRejected);
    expect(sum('errors')).toBe(report.issues.filter((issue) => issue.severity === 'error').length);
  });

  it('marks a unit late by its file’s day, and errors win over lateness', async () => {
    const campaign = await linfenCampaign();
    const inputs = linfenSubmissions().map((input) =>
      input.path === '尧都区.xlsx' || input.path === '侯马市.xlsx'
        ? { ...input, modified: new Date('2024-06-03T02:00:00Z') }
        : input,
    );
    const statuses = unitStatuses(await aggregate(inputs, campaign), campaign);
    const byUnit = Object.fromEntries(statuses.map((status) => [status.unit, status]));
    expect(byUnit.尧都区).toMatchObject({ status: 'late', late: true, lateOn: '2024-06-03' });
    expect(byUnit.侯马市).toMatchObject({ status: 'errors', late: true, lateOn: '2024-06-03' });
    expect(byUnit.曲沃县?.late).toBe(false);
  });

  it('adds units nobody expected after the expected ones, a broken file under its name', async () => {
    const campaign = await resolveCampaign({ ...linfen2024Campaign, expectedUnits: ['尧都区', '吉县'] });
    const inputs = [...linfenSubmissions(), fixture('word-binary.doc', new Date('2024-05-27T02:00:00Z'))];
    const report = await aggregate(inputs, campaign);
    const statuses = unitStatuses(report, campaign);
    expect(statuses.map((status) => [status.unit, status.expected, status.status])).toEqual([
      ['尧都区', true, 'submitted'],
      ['吉县', true, 'missing'],
      ...[...statuses.slice(2)].map((status) => [status.unit, false, status.status]),
    ]);
    const others = statuses.slice(2).map((status) => status.unit);
    expect(others).toEqual([...others].sort((a, b) => a.localeCompare(b, 'zh')));
    expect(others).toEqual(
      expect.arrayContaining([
        '侯马市文化和旅游局',
        '霍州市体育运动中心',
        '曲沃县文化旅游局',
        '襄汾县体育事业发展中心',
        'word-binary',
      ]),
    );
    expect(statuses.find((status) => status.unit === 'word-binary')).toMatchObject({
      status: 'errors',
      files: ['word-binary.doc'],
      errors: 1,
    });
  });

  it('has a label in both languages for every status', () => {
    expect(unitStatusLabels.late).toEqual({ zh: '逾期', en: 'Late' });
    for (const label of Object.values(unitStatusLabels)) expect(label.zh).toMatch(/[\u4e00-\u9fff]/);
  });
});
