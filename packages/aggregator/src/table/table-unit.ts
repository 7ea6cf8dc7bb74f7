import { normalizeText, toHalfWidth } from '@jianshen/schema';
import { normalizeLabel } from './labels.js';
import type { SheetView } from './sheet-view.js';

/**
 * Where a table's unit came from: its 单位名称（盖章） line; an expected unit named by the table's
 * title, the sheet name or the file name; or, when nothing names one, the whole file name.
 */
export type UnitSource = 'unit-line' | 'title' | 'sheet-name' | 'file-name-unit' | 'file-name';

const unitLinePattern =
  /^(?:单位名称|填报单位|报送单位|填表单位|报送单位名称|填报单位名称)\s*[（(]?\s*(?:盖章|公章|签章)?\s*[）)]?\s*[:：]\s*(.*)$/s;
const unitLineWithoutColon =
  /^(?:单位名称|填报单位|报送单位|填表单位)\s*[（(]\s*(?:盖章|公章|签章)\s*[）)]\s*(.*)$/s;
// What follows the unit on the same line: 填报日期：…, 联系人：… separated by spaces.
const unitTailPattern =
  /\s{2,}.*$|\s*(?:填报|填表|报送|制表)?(?:日期|时间)\s*[:：].*$|\s*(?:填表人|联系人|电话)\s*[:：].*$/s;
// What a 单位名称（盖章）：… line starts with, full-width letters made half-width or not.
const unitLineStart = /^(?:单位|填报|报送|填表)/;

/** The unit named by a 单位名称（盖章）：… text, '' when the line is there but blank, undefined if not a unit line. */
export function unitFromLine(line: string, rest: readonly string[] = []): string | undefined {
  const clean = toHalfWidth(normalizeText(line)).replace(/\s*[（(]\s*盖章\s*[）)]\s*$/, '');
  const match = unitLinePattern.exec(clean) ?? unitLineWithoutColon.exec(clean);
  if (!match) return undefined;
  let value = (match[1] ?? '').replace(unitTailPattern, '').trim();
  if (value === '') {
    const next = rest.find((cell) => normalizeText(cell) !== '');
    if (next !== undefined && !/[:：]/.test(next))
      value = normalizeText(next).replace(unitTailPattern, '').trim();
  }
  return value.replace(/[（(]\s*(?:盖章|公章)\s*[）)]/g, '').trim();
}

/** The unit of a 单位名称 line in a row, if the row is one. */
export function unitInRow(view: SheetView, rowNumber: number): string | undefined {
  const texts = view.texts(rowNumber);
  for (let column = 0; column < texts.length; column++) {
    const value = texts[column] ?? '';
    // Every unit line starts with one of these; most cells are data and stop here, most of them
    // at the first character (单, 填 or 报), before any regular expression runs.
    const first = value.charCodeAt(0);
    if (first !== 0x5355 && first !== 0x586b && first !== 0x62a5) continue;
    if (!unitLineStart.test(value)) continue;
    const unit = unitFromLine(value, texts.slice(column + 1));
    if (unit !== undefined) return unit;
  }
  return undefined;
}

/** The expected unit a text names (the longest, so 洪洞县 wins over 洪洞), if any. */
export function expectedUnitIn(text: string, expected: readonly string[]): string | undefined {
  const normal = normalizeLabel(text);
  let found: string | undefined;
  for (const unit of expected) {
    const name = normalizeLabel(unit);
    if (name !== '' && normal.includes(name) && (found === undefined || unit.length > found.length))
      found = unit;
  }
  return found;
}

export interface UnitGuessInput {
  /** Title lines above the header. */
  titleLines: readonly string[];
  sheetName: string;
  /** The file's name without folder and extension. */
  fileName: string;
  expectedUnits: readonly string[];
}

/**
 * The unit of a table without a 单位名称 line: an expected unit named in its title, then the
 * sheet's own name (a sheet per county: 尧都区体育局), then an expected unit inside the file
 * name (洪洞县2024年…统计表.xlsx is 洪洞县's, never the whole name), else the file name itself.
 * A CSV's one sheet is named after its file: that name is the file's, not a sheet's.
 */
export function guessUnit(input: UnitGuessInput): { unit: string; unitSource: UnitSource } {
  const { expectedUnits: expected } = input;
  for (const line of input.titleLines) {
    const unit = expectedUnitIn(line, expected);
    if (unit !== undefined) return { unit, unitSource: 'title' };
  }
  if (input.sheetName !== input.fileName && expectedUnitIn(input.sheetName, expected) !== undefined)
    return { unit: input.sheetName, unitSource: 'sheet-name' };
  const inFileName = expectedUnitIn(input.fileName, expected);
  if (inFileName !== undefined) return { unit: inFileName, unitSource: 'file-name-unit' };
  return { unit: input.fileName, unitSource: 'file-name' };
}
