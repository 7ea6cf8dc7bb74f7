/**
 * Which unit a stamped copy (盖章件) is from: the expected unit its name (or a folder it is in)
 * carries, else, for a PDF with a text layer, the 单位名称 line printed on it. A phone photo
 * (IMG_20240527_093000.jpg) names nobody: its unit stays unknown and the report says so.
 */
import { unitFromLine } from '../table/find-tables.js';
import { normalizeLabel } from '../table/labels.js';
import { unitMatches } from '../units/unit-match.js';
import type { StampFormat } from './file-kinds.js';
import { pdfFirstPagesText } from './pdf-text.js';

/** Where a stamped copy's unit was read. */
export type StampUnitSource = 'file-name' | 'folder-name' | 'pdf-text';

export interface StampUnit {
  unit: string;
  source: StampUnitSource;
}

/** The expected unit a name speaks for: the longest one it contains (古县 is not 吉县's). */
function expectedUnitIn(name: string, expectedUnits: readonly string[]): string | undefined {
  let best: string | undefined;
  for (const unit of expectedUnits) {
    if (!unitMatches(name, unit)) continue;
    if (best === undefined || normalizeLabel(unit).length > normalizeLabel(best).length) best = unit;
  }
  return best;
}

/** The expected unit in a file's name, else in its folders' names, innermost first. */
export function stampUnitFromPath(path: string, expectedUnits: readonly string[]): StampUnit | undefined {
  const parts = path.split(/[\\/]/).filter((part) => part !== '');
  const fileName = (parts.pop() ?? '').replace(/\.[^.]+$/, '');
  const inName = expectedUnitIn(fileName, expectedUnits);
  if (inName) return { unit: inName, source: 'file-name' };
  for (const folder of parts.reverse()) {
    const inFolder = expectedUnitIn(folder, expectedUnits);
    if (inFolder) return { unit: inFolder, source: 'folder-name' };
  }
  return undefined;
}

/**
 * The unit on the 单位名称（盖章）line of a PDF's text: the expected unit it names, or the line's
 * own text when the campaign lists no units. Undefined for a scan without a text layer.
 */
export function unitFromPdfText(text: string, expectedUnits: readonly string[]): string | undefined {
  for (const line of text.split(/\r?\n/)) {
    if (!line.includes('单位名称')) continue;
    const unit = unitFromLine(line.trim());
    if (!unit) continue;
    if (expectedUnits.length === 0) return unit;
    const expected = expectedUnitIn(unit, expectedUnits);
    if (expected) return expected;
  }
  return undefined;
}

/** The unit of a stamped copy, or undefined when neither its path nor its text names one. */
export async function stampUnit(input: {
  path: string;
  format: StampFormat;
  bytes: Uint8Array;
  expectedUnits: readonly string[];
}): Promise<StampUnit | undefined> {
  const fromPath = stampUnitFromPath(input.path, input.expectedUnits);
  if (fromPath) return fromPath;
  if (input.format !== 'pdf') return undefined;
  const text = await pdfFirstPagesText(input.bytes);
  const unit = text === undefined ? undefined : unitFromPdfText(text, input.expectedUnits);
  return unit ? { unit, source: 'pdf-text' } : undefined;
}
