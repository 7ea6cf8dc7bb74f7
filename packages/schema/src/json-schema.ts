import { z } from 'zod';
import { activityRowSchema } from './activity/activity-row.js';
import { campaignSchema } from './campaign/campaign.js';

/**
 * JSON Schema (draft 2020-12) of a campaign file as people write it, for editors and non-TS tools.
 * Plugin objects exist only in TS campaigns, so they export as "any".
 */
export function campaignJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(campaignSchema, { io: 'input', unrepresentable: 'any' }),
    $id: 'https://jianshen.dev/schema/campaign.schema.json',
    title: '健身 Jianshen Kit campaign (活动配置)',
  };
}

/** JSON Schema of one normalised activity row as report.json carries it (plugin columns aside). */
export function activityRowJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(activityRowSchema, { io: 'output', unrepresentable: 'any' }),
    $id: 'https://jianshen.dev/schema/activity-row.schema.json',
    title: '健身 Jianshen Kit activity row (活动统计行)',
  };
}
