import { definePlugin, resolveCampaign } from '@jianshen/plugin-kit';
import { linfen2024Campaign, type ResolvedField } from '@jianshen/schema';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { type BoundedRunner, RuleTimeoutError } from '../report.js';
import { createPluginFieldGuard } from './plugin-field-guard.js';

// A plugin column whose schema throws on one value: parseRow reports such a throw as the row's
// error; the guard must not go on thinking the column's code is still running.
const throwingPlugin = definePlugin({
  name: 'test-throwing-column',
  fields: [
    {
      key: 'level',
      label: '级别',
      schema: z.string().refine((value) => {
        if (value === '坏') throw new Error('refine failed on purpose');
        return true;
      }),
    },
  ],
});

async function pluginFields(): Promise<readonly ResolvedField[]> {
  return (await resolveCampaign({ ...linfen2024Campaign, plugins: [throwingPlugin] })).fields;
}

/** Runs each batch whole, then reports it as over time once: a batch slow in our own code. */
function slowOnce(): BoundedRunner {
  let cut = false;
  return (run) => {
    run();
    if (!cut) {
      cut = true;
      throw new RuleTimeoutError('over time');
    }
  };
}

describe('createPluginFieldGuard', () => {
  it('is not made for a campaign without plugin columns', async () => {
    const campaign = await resolveCampaign(linfen2024Campaign);
    expect(createPluginFieldGuard(campaign.fields, { runBounded: (run) => run() })).toBeUndefined();
  });

  it('blames no column for a batch cut short after a plugin schema threw', async () => {
    const guard = createPluginFieldGuard(await pluginFields(), { runBounded: slowOnce() });
    if (!guard) throw new Error('a campaign with a plugin column has a guard');
    const watched = guard.fields().find((field) => field.key === 'level');
    const thrown: unknown[] = [];
    // The throw comes in the batch's last step: a later step parsed cleanly would clear it anyway.
    const issues = guard.run(
      2,
      (at) => {
        try {
          watched?.schema.safeParse(at === 1 ? '坏' : '好');
        } catch (error) {
          thrown.push(error);
        }
      },
      { path: '县.xlsx' },
    );
    expect(thrown).toHaveLength(1);
    expect(issues).toEqual([]);
    expect(guard.fields().map((field) => field.key)).toContain('level');
  });
});
