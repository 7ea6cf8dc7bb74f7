import { baseName } from '../prepare/prepare-submission.js';
import type { FileReport } from '../report.js';
import { normalizeLabel } from '../table/labels.js';

/**
 * Whether a unit read from a file is the expected unit: its name, reduced like a header label,
 * contains the expected one (a file's 尧都区体育局 is the campaign's 尧都区).
 */
export function unitMatches(unit: string, expected: string): boolean {
  return reducedMatches(normalizeLabel(unit), normalizeLabel(expected));
}

/** `unitMatches` of two names already reduced by `normalizeLabel`: the one rule, for both. */
function reducedMatches(unit: string, expected: string): boolean {
  return expected !== '' && unit.includes(expected);
}

/**
 * The campaign's expected units, each name reduced once, and the ones a unit read from a file
 * matches (`unitMatches`), remembered per unit: a province's batch checks thousands of units
 * against every expected one, and reducing both names for each pair was most of that work.
 */
export class ExpectedUnits {
  readonly #reduced: { unit: string; name: string }[];
  readonly #matching = new Map<string, readonly string[]>();

  constructor(expected: readonly string[]) {
    this.#reduced = expected.map((unit) => ({ unit, name: normalizeLabel(unit) }));
  }

  /** The expected units `unit` is, in campaign order (none: a unit of its own). */
  matching(unit: string): readonly string[] {
    let matched = this.#matching.get(unit);
    if (matched === undefined) {
      const name = normalizeLabel(unit);
      matched = this.#reduced
        .filter((expected) => reducedMatches(name, expected.name))
        .map((expected) => expected.unit);
      this.#matching.set(unit, matched);
    }
    return matched;
  }
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
