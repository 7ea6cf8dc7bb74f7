import { baseName } from '../prepare/prepare-submission.js';
import type { FileReport } from '../report.js';
import { normalizeLabel } from '../table/labels.js';

/**
 * Whether a unit read from a file is the expected unit: its name, reduced like a header label,
 * contains the expected one (a file's 尧都区体育局 is the campaign's 尧都区).
 */
export function unitMatches(unit: string, expected: string): boolean {
  const name = normalizeLabel(expected);
  return name !== '' && normalizeLabel(unit).includes(name);
}

/**
 * The units a file speaks for, as the missing-unit check counts them: the units of its tables
 * when it was read, else its file name (a broken 尧都区.xlsx still says who tried to report);
 * none for stamped copies and ignored files.
 */
export function unitsOfFile(file: Pick<FileReport, 'path' | 'status' | 'unit'>): string[] {
  // A stamped copy is not data (its unit is in summary.stamps); an ignored file speaks for no one.
  if (file.status === 'stamp' || file.status === 'ignored') return [];
  if (file.status !== 'ok') return [baseName(file.path)];
  return file.unit.split('、').filter((unit) => unit !== '');
}
