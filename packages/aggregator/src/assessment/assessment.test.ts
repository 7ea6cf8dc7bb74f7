import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { definePlugin, resolveCampaign } from '@jianshen/plugin-kit';
import { linfen2024Campaign } from '@jianshen/schema';
import { describe, expect, it } from 'vitest';
import { aggregate } from '../aggregate.js';
import { fixture, linfenCampaign } from '../fixtures.test-support.js';
import { writeConsolidatedWorkbook } from '../write/consolidated.js';
import { assessmentScore, assessmentWeights, assessReport } from './assess-units.js';
import { assessmentCells, assessmentFormula, assessmentHeaders } from './assessment-text.js';

// Debian's python3 with python3-openpyxl: a program other than ours reads the 考核 sheet.
const python = '/usr/bin/python3';
const hasOpenpyxl = (() => {
  try {
    execFileSync(python, ['-c', 'import openpyxl'], { stdio: 'ignore' });
    return true;
  } catch {
    console.warn(`考核 sheet read-back skipped: ${python} with python3-openpyxl is not installed`);
    return false;
  }
})();

const onTime = new Date('2024-05-27T02:00:00Z');
const late = new Date('2024-06-03T02:00:00Z');

async function batch() {
  const campaign = await linfenCampaign();
  const report = await aggregate(
    [
      fixture('openpyxl-absolute-paths.xlsx', onTime),
      fixture('libreoffice-merged.xlsx', late),
      fixture('duplicates.xlsx', onTime),
    ],
    campaign,
  );
  return { campaign, report };
}

describe('assessReport', () => {
  it('gives every expected unit a row, missing ones 未报送 with 0, in campaign order', async () => {
    const { campaign, report } = await batch();
    const assessment = report.assessment!;
    expect(assessment).toEqual(assessReport(report, campaign));
    const expected = assessment.units.filter((unit) => unit.expected).map((unit) => unit.unit);
    expect(expected).toEqual(campaign.expectedUnits);
    for (const unit of assessment.units.filter((entry) => !entry.submitted)) {
      expect(report.summary.missingUnits).toContain(unit.unit);
      expect(unit).toMatchObject({ onTime: false, activities: 0, score: 0 });
    }
    expect(assessment.units.filter((unit) => !unit.submitted)).toHaveLength(
      report.summary.missingUnits.length,
    );
  });

  it('measures 报送日期, 按时, 活动数, 退回行数 and 问题数 from the report', async () => {
    const { report } = await batch();
    const units = new Map(report.assessment!.units.map((unit) => [unit.unit, unit]));
    expect(units.get('侯马市')).toMatchObject({ submitted: true, onTime: false, submittedOn: '2024-06-03' });
    expect(units.get('尧都区')).toMatchObject({ submitted: true, onTime: true, submittedOn: '2024-05-27' });
    const activities = report.assessment!.units.reduce((sum, unit) => sum + unit.activities, 0);
    expect(activities).toBe(report.summary.rowsAccepted);
    const duplicates = report.issues.filter((issue) => issue.path === 'duplicates.xlsx').length;
    expect(duplicates).toBeGreaterThan(0);
    // 侯马市 is late: 100 − 20, and its late-submission warning is not counted again as a problem.
    const houma = units.get('侯马市')!;
    expect(houma.score).toBe(100 - 20 - 2 * houma.rowsRejected - houma.issues);
  });

  it('follows the documented formula, clamped to 0…full, with weighted plugin columns', () => {
    const weights = assessmentWeights({
      full: 10,
      late: 3,
      rejectedRow: 1,
      issue: 0.5,
      columns: { people: 0.01 },
    });
    const unit = {
      submitted: true,
      onTime: false,
      activities: 4,
      rowsRejected: 2,
      issues: 3,
      columns: { people: 100 },
    };
    expect(assessmentScore(unit, weights)).toBe(10 - 3 - 2 - 1.5 + 1);
    expect(assessmentScore({ ...unit, rowsRejected: 50 }, weights)).toBe(0);
    expect(assessmentScore({ ...unit, onTime: true, rowsRejected: 0, issues: 0 }, weights)).toBe(10);
    expect(assessmentScore({ ...unit, submitted: false }, weights)).toBe(0);
    expect(assessmentWeights(undefined)).toEqual({
      full: 100,
      late: 20,
      rejectedRow: 2,
      issue: 1,
      columns: {},
    });
  });

  it('adds plugin columns with their values per unit', async () => {
    // A plugin's column sees the unit's activities and totals, like a summary's total does.
    const plugin = definePlugin({
      name: 'twice',
      assessment: [
        {
          key: 'participants',
          label: { zh: '参与人数', en: 'Participants' },
          value: (unit) => unit.activities * 2,
        },
      ],
    });
    const campaign = await resolveCampaign({
      ...linfen2024Campaign,
      plugins: [plugin],
      assessment: { columns: { participants: 0.1 } },
    });
    const report = await aggregate([fixture('openpyxl-absolute-paths.xlsx', onTime)], campaign);
    expect(report.assessment!.columns.map((column) => column.key)).toEqual(['participants']);
    expect(assessmentFormula(report.assessment!, 'zh')).toContain('参与人数 × 0.1');
    const yaodu = report.assessment!.units.find((unit) => unit.unit === '尧都区')!;
    expect(yaodu.columns).toEqual({ participants: yaodu.activities * 2 });
    expect(yaodu.score).toBe(
      Math.min(100, 100 - yaodu.issues - 2 * yaodu.rowsRejected + 0.1 * yaodu.activities * 2),
    );
  });
});

describe.skipIf(!hasOpenpyxl)('考核 sheet', () => {
  it('reads back in openpyxl as the assessment says', async () => {
    const { campaign, report } = await batch();
    const directory = mkdtempSync(join(tmpdir(), 'jianshen-assessment-'));
    const path = join(directory, 'consolidated.xlsx');
    writeFileSync(path, await writeConsolidatedWorkbook(report, campaign));
    const script = [
      'import json, sys, openpyxl',
      'sheet = openpyxl.load_workbook(sys.argv[1])["考核"]',
      'print(json.dumps([[c for c in row] for row in sheet.iter_rows(values_only=True)], ensure_ascii=False))',
    ].join('\n');
    const rows = JSON.parse(execFileSync(python, ['-c', script, path], { encoding: 'utf8' })) as unknown[][];
    const assessment = report.assessment!;
    expect(rows[0]?.[0]).toBe(`${campaign.tableTitle}（报送情况考核）`);
    expect(rows[1]).toEqual(assessmentHeaders(assessment, 'zh'));
    assessment.units.forEach((unit, index) => {
      // An empty cell reads back as None.
      const cells = assessmentCells(assessment, unit, 'zh').map((value) => (value === '' ? null : value));
      expect(rows[2 + index]).toEqual(cells);
    });
    expect(rows[2 + assessment.units.length]?.[0]).toBe(assessmentFormula(assessment, 'zh'));
  });
});
