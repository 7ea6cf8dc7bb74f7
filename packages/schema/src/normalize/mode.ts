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

// A batch has a handful of spellings, row after row: each text's answer is remembered (a few
// hundred, forgotten all at once when full, so memory stays bounded).
const modeCache = new Map<string, ActivityMode | null>();
const modeCacheSize = 512;

/** Reads a 举办方式 cell into online, offline or hybrid; anything else is mode-unknown. */
export function normalizeMode(value: CellValue): NormalizeResult<ActivityMode> {
  const shown = normalizeText(value);
  let mode = modeCache.get(shown);
  if (mode === undefined) {
    mode = modeOf(shown);
    if (modeCache.size >= modeCacheSize) modeCache.clear();
    modeCache.set(shown, mode);
  }
  return mode === null ? reject('mode-unknown', { value: shown }) : accept(mode);
}

function modeOf(shown: string): ActivityMode | null {
  let rest = toHalfWidth(shown, { punctuation: true }).toLowerCase().replace(whitespacePattern, '');
  let online = false;
  let offline = false;
  let hybrid = false;
  while (rest !== '') {
    const joiner = joinerPattern.exec(rest);
    if (joiner) {
      rest = rest.slice(joiner[0].length);
      continue;
    }
    const word = modeWords.find(([text]) => rest.startsWith(text));
    if (!word) return null;
    if (word[1] === 'online') online = true;
    else if (word[1] === 'offline') offline = true;
    else hybrid = true;
    rest = rest.slice(word[0].length);
  }
  if (!online && !offline && !hybrid) return null;
  if (hybrid || (online && offline)) return 'hybrid';
  return online ? 'online' : 'offline';
}
