import type { Lang } from '@jianshen/schema';
import type { Argument, HelpConfiguration, Option } from 'commander';

/** commander's help headings, Chinese first (styleTitle receives exactly these). */
const headings: Record<string, string> = {
  'Usage:': '用法 (Usage):',
  'Options:': '选项 (Options):',
  'Arguments:': '参数 (Arguments):',
  'Commands:': '命令 (Commands):',
  'Global Options:': '全局选项 (Global Options):',
};

const words = {
  zh: { required: '必填', choices: '可选', default: '缺省' },
  en: { required: 'required', choices: 'choices', default: 'default' },
} as const;

/** The "(required; choices …; default …)" after an option or argument, in the CLI's language. */
function details(
  lang: Lang,
  item: { mandatory?: boolean; argChoices?: string[]; defaultValue?: unknown },
): string {
  const word = words[lang];
  const parts = [
    item.mandatory ? word.required : '',
    item.argChoices ? `${word.choices} ${item.argChoices.join(lang === 'zh' ? '、' : ', ')}` : '',
    item.defaultValue === undefined ? '' : `${word.default} ${String(item.defaultValue)}`,
  ].filter(Boolean);
  if (parts.length === 0) return '';
  return lang === 'zh' ? `【${parts.join('；')}】` : ` [${parts.join('; ')}]`;
}

/**
 * configureHelp hooks: Chinese headings, and commander's English "(choices…, default…)" replaced by
 * the same facts in the CLI's language; a required option (`--out`) says so.
 */
export function helpConfiguration(lang: Lang): HelpConfiguration {
  return {
    styleTitle: (title) => (lang === 'zh' ? (headings[title] ?? title) : title),
    optionDescription: (option: Option) => `${option.description}${details(lang, option)}`,
    argumentDescription: (argument: Argument) =>
      `${argument.description}${details(lang, {
        ...argument,
        ...(argument.argChoices ? { argChoices: argument.argChoices } : {}),
      })}`,
  };
}
