import type { Lang } from '@jianshen/schema';
import type { CommanderError } from 'commander';

/**
 * commander words its own errors in English only. Each error carries a stable `code`; its message
 * quotes what it is about ('--out <dir>', 'frobnicate') and ends with an optional "(Did you mean
 * …?)". So the text is rendered here from the code and those quoted values, in the CLI's language.
 */
const errorTexts: Record<string, { zh: string; en: string }> = {
  'commander.missingArgument': { zh: '缺少必需的参数 {0}', en: 'missing required argument {0}' },
  'commander.optionMissingArgument': { zh: '选项 {0} 缺少取值', en: 'option {0} needs a value' },
  'commander.missingMandatoryOptionValue': {
    zh: '缺少必需的选项 {0}',
    en: 'required option {0} not specified',
  },
  'commander.unknownOption': { zh: '未知的选项 {0}', en: 'unknown option {0}' },
  'commander.unknownCommand': { zh: '未知的命令 {0}', en: 'unknown command {0}' },
  'commander.excessArguments': { zh: '参数过多', en: 'too many arguments' },
  'commander.invalidArgument': { zh: '选项 {0} 的取值 {1} 无效', en: 'option {0} value {1} is invalid' },
  'commander.conflictingOption': { zh: '{0} 不能与 {1} 同时使用', en: '{0} cannot be used with {1}' },
};

const helpHint = { zh: '运行 jianshen --help 查看用法', en: 'run jianshen --help for usage' };

/** One line for a commander usage error, in the CLI's language. */
export function commanderErrorLine(error: CommanderError, lang: Lang): string {
  const text = errorTexts[error.code];
  const message = error.message.replace(/^error: /, '');
  if (!text) return message;
  const quoted = [...message.matchAll(/'([^']*)'/g)].map((match) => match[1]);
  const body = text[lang].replace(/\{(\d)\}/g, (_, index: string) => quoted[Number(index)] ?? '');
  const suggestion = /\(Did you mean (.+)\?\)/.exec(message)?.[1];
  const hint =
    suggestion === undefined
      ? helpHint[lang]
      : lang === 'zh'
        ? `是否要输入 ${suggestion}？`
        : `did you mean ${suggestion}?`;
  // What an invalid value should be (--lang xx: the allowed choices; --rows 0: 1–1000) is the fix.
  const reason = /is invalid\. (.+?)\.?$/
    .exec(message)?.[1]
    ?.replace('Allowed choices are ', lang === 'zh' ? '可选：' : 'allowed: ');
  const extra = reason ? (lang === 'zh' ? `（${reason}）` : ` (${reason})`) : '';
  return lang === 'zh' ? `${body}${extra}；${hint}` : `${body}${extra}; ${hint}`;
}
