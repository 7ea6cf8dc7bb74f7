import type { Lang } from '@jianshen/schema';
import type { CommanderError } from 'commander';
import { cliTexts, isCliTextKey } from './cli-text.js';

/**
 * commander words its own errors in English only. Each error carries a stable `code`; its message
 * quotes what it is about ('--out <dir>', 'frobnicate') and ends with an optional "(Did you mean
 * …?)". So the text is rendered here from the code and those quoted values, in the CLI's language
 * (the texts are in cli-text.ts, under commander's codes).
 */
export function commanderErrorLine(error: CommanderError, lang: Lang): string {
  const say = cliTexts(lang);
  const message = error.message.replace(/^error: /, '');
  if (!error.code.startsWith('commander.') || !isCliTextKey(error.code)) return message;
  const quoted = [...message.matchAll(/'([^']*)'/g)].map((match) => match[1] ?? '');
  const body = say(error.code, { ...quoted });
  const suggestion = /\(Did you mean (.+)\?\)/.exec(message)?.[1];
  const hint = suggestion === undefined ? say('helpHint') : say('didYouMean', { suggestion });
  // What an invalid value should be (--lang xx: the allowed choices; --rows 0: 1–1000) is the fix.
  const reason = /is invalid\. (.+?)\.?$/
    .exec(message)?.[1]
    ?.replace('Allowed choices are ', say('allowedChoices'));
  const extra = reason ? say('usageReason', { reason }) : '';
  return say('usageLine', { body, extra, hint });
}
