import type { Lang } from '@jianshen/schema';
import type { Argument, HelpConfiguration, Option } from 'commander';
import { cliTexts, isCliTextKey } from './cli-text.js';

/** The "(required; choices …; default …)" after an option or argument, in the CLI's language. */
function details(
  lang: Lang,
  item: { mandatory?: boolean; argChoices?: string[]; defaultValue?: unknown },
): string {
  const say = cliTexts(lang);
  const parts = [
    item.mandatory ? say('required') : '',
    item.argChoices ? say('choices', { choices: item.argChoices.join(say('listSeparator')) }) : '',
    item.defaultValue === undefined ? '' : say('default', { value: String(item.defaultValue) }),
  ].filter(Boolean);
  if (parts.length === 0) return '';
  return say('details', { details: parts.join(say('detailsSeparator')) });
}

/**
 * configureHelp hooks: Chinese headings (styleTitle receives commander's English ones, which are
 * keys of the catalogue), and commander's English "(choices…, default…)" replaced by the same
 * facts in the CLI's language; a required option (`--out`) says so.
 */
export function helpConfiguration(lang: Lang): HelpConfiguration {
  const say = cliTexts(lang);
  return {
    styleTitle: (title) => (isCliTextKey(title) ? say(title) : title),
    optionDescription: (option: Option) => `${option.description}${details(lang, option)}`,
    argumentDescription: (argument: Argument) =>
      `${argument.description}${details(lang, {
        ...argument,
        ...(argument.argChoices ? { argChoices: argument.argChoices } : {}),
      })}`,
  };
}
