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
const modeCache = new Map<string, ModeReading | null>();
const modeCacheSize = 512;

interface ModeReading {
  mode: ActivityMode;
  /** A bracketed note after the mode (线下（室外） → 室外), kept in the row's 备注. */
  aside?: string;
}

// A note in brackets after the value: 线下（室外）, 线上(直播), 线下【社区活动室】.
const bracketedNotePattern = /^(.*?)\s*[（(【[]([^（()）【】[\]]*)[）)】\]]\s*$/;

/** Reads a 举办方式 cell into online, offline or hybrid; anything else is mode-unknown. */
export function normalizeMode(value: CellValue): NormalizeResult<ActivityMode> {
  const shown = normalizeText(value);
  let reading = modeCache.get(shown);
  if (reading === undefined) {
    reading = readMode(shown);
    if (modeCache.size >= modeCacheSize) modeCache.clear();
    modeCache.set(shown, reading);
  }
  if (reading === null) return reject('mode-unknown', { value: shown });
  return reading.aside === undefined ? accept(reading.mode) : accept(reading.mode, [], reading.aside);
}

/** The mode a text names, or the mode before a bracketed note and the note. */
function readMode(shown: string): ModeReading | null {
  const mode = modeOf(shown);
  if (mode !== null) return { mode };
  const match = bracketedNotePattern.exec(shown);
  const head = match?.[1] ?? '';
  const note = (match?.[2] ?? '').trim();
  const headMode = head === '' ? null : modeOf(head);
  if (headMode === null) return null;
  return note === '' ? { mode: headMode } : { mode: headMode, aside: note };
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
