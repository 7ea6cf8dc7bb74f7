import { describe, expect, it } from 'vitest';
import { aggregate } from './aggregate.js';
import { fixture, linfenCampaign } from './fixtures.test-support.js';

describe('--replace with equal file times', () => {
  it('lets the file given later count, says why, and never calls it newer', async () => {
    const campaign = await linfenCampaign();
    const same = new Date('2024-05-27T02:00:00Z');
    for (const order of [
      ['resent-old.xlsx', 'resent-new.xlsx'],
      ['resent-new.xlsx', 'resent-old.xlsx'],
    ]) {
      const report = await aggregate(
        order.map((name) => fixture(name, same)),
        campaign,
        { replace: true, lang: 'zh' },
      );
      const [earlier, later] = order;
      expect(report.files.find((file) => file.path === earlier)?.supersededBy).toBe(later);
      expect(report.files.find((file) => file.path === later)?.supersededBy).toBeUndefined();
      const said = report.issues.filter(
        (issue) => issue.path === earlier && issue.code.startsWith('file-superseded'),
      );
      expect(said).toHaveLength(1);
      expect(said[0]?.code).toBe('file-superseded-same-time');
      expect(said[0]?.message).not.toContain('较新');
      expect(said[0]?.message).toContain('修改时间相同');
    }
  });

  it('still lets the newer file count, whatever the order, when the times differ', async () => {
    const campaign = await linfenCampaign();
    const report = await aggregate(
      [
        fixture('resent-new.xlsx', new Date('2024-05-28T02:00:00Z')),
        fixture('resent-old.xlsx', new Date('2024-05-20T02:00:00Z')),
      ],
      campaign,
      { replace: true },
    );
    expect(report.files.find((file) => file.path === 'resent-old.xlsx')?.supersededBy).toBe(
      'resent-new.xlsx',
    );
    expect(report.issues.find((issue) => issue.path === 'resent-old.xlsx')?.code).toBe('file-superseded');
  });
});
