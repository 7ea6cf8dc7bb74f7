import {
  CampaignError,
  defaultLang,
  formatMessage,
  type Lang,
  type LocalizedText,
  type MessageCode,
} from '@jianshen/schema';
import { type ErrorCode, parseDocument } from 'yaml';

export interface ParseCampaignTextOptions {
  /** The file's name, for messages; `.json` is read as JSON, anything else as YAML. */
  path?: string;
  lang?: Lang;
}

/** One error for the file as a whole (a syntax error, a missing file), worded by the catalogue. */
export function campaignFileError(
  path: string,
  code: MessageCode,
  data: Record<string, unknown>,
  lang: Lang,
): CampaignError {
  const message = formatMessage(code, data, lang);
  return new CampaignError([{ path, code, severity: 'error', message }], path);
}

/**
 * What the YAML parser's error codes mean, in words a clerk editing campaign.yaml recognises.
 * Codes not listed keep the parser's English sentence (still with the line and column).
 */
const yamlReasons: Partial<Record<ErrorCode, LocalizedText>> = {
  BAD_INDENT: { zh: '缩进不对，或缺少闭合的括号', en: 'wrong indentation, or a closing bracket is missing' },
  TAB_AS_INDENT: { zh: '用了制表符缩进，请改用空格', en: 'a tab is used for indentation; use spaces' },
  DUPLICATE_KEY: { zh: '同一项写了两次', en: 'the same setting appears twice' },
  MISSING_CHAR: { zh: '缺少配对的括号或引号', en: 'a closing bracket or quote is missing' },
  BLOCK_AS_IMPLICIT_KEY: {
    zh: '一行中出现了两个“名称: 值”，值中含冒号时请加引号',
    en: 'two "key: value" pairs on one line; quote a value that contains a colon',
  },
  MULTILINE_IMPLICIT_KEY: {
    zh: '一项的名称跨了多行（可能缺少冒号）',
    en: 'a key spans several lines (a colon may be missing)',
  },
  BAD_SCALAR_START: {
    zh: '值不能以这个字符开头，请加引号',
    en: 'a value cannot start with this character; quote it',
  },
  UNEXPECTED_TOKEN: { zh: '出现了意外的符号', en: 'an unexpected character' },
  BLOCK_IN_FLOW: { zh: '方括号或花括号中不能换行写列表', en: 'a block collection inside brackets' },
};

/** The parser's own sentence without its "at line 3, column 5:" and the code excerpt after it. */
function parserSentence(message: string): string {
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
}

function yamlSyntaxError(path: string, source: string, lang: Lang): CampaignError | undefined {
  const problem = parseDocument(source, { prettyErrors: true }).errors[0];
  if (!problem) return undefined;
  const position = problem.linePos?.[0] ?? { line: 1, col: 1 };
  const reason = yamlReasons[problem.code]?.[lang] ?? parserSentence(problem.message);
  return campaignFileError(
    path,
    'campaign-syntax',
    { line: position.line, column: position.col, reason },
    lang,
  );
}

/**
 * A campaign file's text as data: JSON for `.json`, YAML otherwise (YAML is a superset of JSON).
 * Browser-safe: the web page reads a chosen file with it, the Node entry reads from disk with it.
 * A syntax error is one `campaign-syntax` issue with its line and column.
 */
export function parseCampaignText(text: string, options: ParseCampaignTextOptions = {}): unknown {
  const path = options.path ?? 'campaign';
  const lang = options.lang ?? defaultLang;
  const source = text.replace(/^\uFEFF/, '');
  if (path.toLowerCase().endsWith('.json')) {
    try {
      return JSON.parse(source);
    } catch (error) {
      // JSON.parse says only "position N"; the YAML parser finds the same mistake with its line.
      // Valid YAML but not JSON (an empty value): JSON.parse's own sentence is all there is.
      throw (
        yamlSyntaxError(path, source, lang) ??
        campaignFileError(path, 'campaign-file-unreadable', { reason: (error as Error).message }, lang)
      );
    }
  }
  const error = yamlSyntaxError(path, source, lang);
  if (error) throw error;
  return parseDocument(source).toJS();
}
