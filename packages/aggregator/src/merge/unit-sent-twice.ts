import { type Issue, reportIssue } from '@jianshen/schema';
import type { FileReport } from '../report.js';
import { normalizeLabel } from '../table/labels.js';
import { unitMatches } from '../units/unit-match.js';

/**
 * Without --replace every file counts: when one unit sent two files (a first return and a
 * corrected one, most often), both are counted and the later file gets a warning naming them
 * all, so the city notices instead of counting the unit twice in silence. A unit is the
 * expected unit it names (洪洞县体育局 and 洪洞县 are both 洪洞县, as the missing-unit check
 * counts them), else its name compared as header labels are; only files that were read count.
 */
export function unitsSentTwice(
  files: readonly FileReport[],
  fileUnits: readonly (readonly string[])[],
  expectedUnits: readonly string[] = [],
): Issue[] {
  const filesOfUnit = new Map<string, { unit: string; paths: string[] }>();
  files.forEach((file, index) => {
    if (file.status !== 'ok') return;
    for (const unit of fileUnits[index] ?? []) {
      const expected = expectedUnits.find((name) => unitMatches(unit, name));
      const key = normalizeLabel(expected ?? unit);
      const entry = filesOfUnit.get(key) ?? { unit: expected ?? unit, paths: [] };
      if (!entry.paths.includes(file.path)) entry.paths.push(file.path);
      filesOfUnit.set(key, entry);
    }
  });
  const issues: Issue[] = [];
  for (const { unit, paths } of filesOfUnit.values()) {
    if (paths.length < 2) continue;
    const data = { unit, count: paths.length, files: paths.join('、') };
    for (const path of paths.slice(1)) {
      issues.push(reportIssue('unit-sent-twice', data, { path }));
    }
  }
  return issues;
}
