import { accept, type CellValue, type NormalizeResult, reject } from './result.js';
import { normalizeText } from './text.js';
import { toHalfWidth } from './width.js';

/** How an activity was held (举办方式). */
export const activityModes = ['online', 'offline', 'hybrid'] as const;
export type ActivityMode = (typeof activityModes)[number];

export const modeLabels: Record<ActivityMode, { zh: string; en: string }> = {
  online: { zh: '线上', en: 'Online' },
  offline: { zh: '线下', en: 'Offline' },
  hybrid: { zh: '线上线下', en: 'Online and offline' },
};

// Words clerks use for each mode; a cell naming both online and offline words is hybrid.
const modeWords: ReadonlyArray<readonly [string, ActivityMode]> = [
  ['线上线下', 'hybrid'],
  ['hybrid', 'hybrid'],
  ['both', 'hybrid'],
  ['混合', 'hybrid'],
  ['线上', 'online'],
  ['网上', 'online'],
  ['网络', 'online'],
  ['云端', 'online'],
  ['online', 'online'],
  ['线下', 'offline'],
  ['现场', 'offline'],
  ['offline', 'offline'],
];
// Between words: list marks, plus signs, slashes and conjunctions (线上、线下 / 线上+线下 / 线上和线下).
const joinerPattern = /^(?:[、,;/+&|\\-]|和|与|及|加|相结合|结合|and)/;
const whitespacePattern = /\s+/g;

/** Reads a 举办方式 cell into online, offline or hybrid; anything else is mode-unknown. */
export function normalizeMode(value: CellValue): NormalizeResult<ActivityMode> {
  const shown = normalizeText(value);
  let rest = toHalfWidth(shown, { punctuation: true }).toLowerCase().replace(whitespacePattern, '');
  const seen = new Set<ActivityMode>();
  while (rest !== '') {
    const joiner = joinerPattern.exec(rest);
    if (joiner) {
      rest = rest.slice(joiner[0].length);
      continue;
    }
    const word = modeWords.find(([text]) => rest.startsWith(text));
    if (!word) return reject('mode-unknown', { value: shown });
    seen.add(word[1]);
    rest = rest.slice(word[0].length);
  }
  if (seen.size === 0) return reject('mode-unknown', { value: shown });
  if (seen.has('hybrid') || (seen.has('online') && seen.has('offline'))) return accept('hybrid');
  return accept(seen.has('online') ? 'online' : 'offline');
}
