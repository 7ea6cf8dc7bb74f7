import { describe, expect, it } from 'vitest';
import { activityModes, modeLabels, normalizeMode } from './mode.js';
import type { CellValue } from './result.js';

describe('normalizeMode', () => {
  it.each<[CellValue, string]>([
    ['线上', 'online'],
    ['线下', 'offline'],
    ['线 下', 'offline'],
    [' 线上 ', 'online'],
    ['线上线下', 'hybrid'],
    ['线上、线下', 'hybrid'],
    ['线上+线下', 'hybrid'],
    ['线上＋线下', 'hybrid'],
    ['线上/线下', 'hybrid'],
    ['线上和线下', 'hybrid'],
    ['线下、线上', 'hybrid'],
    ['线上线下相结合', 'hybrid'],
    ['online', 'online'],
    ['Online', 'online'],
    ['ＯＮＬＩＮＥ', 'online'],
    ['offline', 'offline'],
    ['OFFLINE', 'offline'],
    ['hybrid', 'hybrid'],
    ['both', 'hybrid'],
    ['online + offline', 'hybrid'],
    ['现场', 'offline'],
    ['网络', 'online'],
    ['云端', 'online'],
    ['网络+现场', 'hybrid'],
    ['线上\u3000线下', 'hybrid'],
  ])('%j → %s', (input, expected) => {
    expect(normalizeMode(input)).toEqual({ ok: true, value: expected, notes: [] });
  });

  it.each<[CellValue, string]>([
    ['', ''],
    [null, ''],
    ['待定', '待定'],
    ['线上？', '线上？'],
    ['上线', '上线'],
    ['、', '、'],
    [1, '1'],
    [true, '是'],
  ])('%j → mode-unknown', (input, shown) => {
    expect(normalizeMode(input)).toEqual({ ok: false, code: 'mode-unknown', data: { value: shown } });
  });

  it('has a label in both languages for every mode', () => {
    expect(activityModes.map((mode) => modeLabels[mode].zh)).toEqual(['线上', '线下', '线上线下']);
    for (const mode of activityModes) expect(modeLabels[mode].en).not.toBe('');
  });
});
